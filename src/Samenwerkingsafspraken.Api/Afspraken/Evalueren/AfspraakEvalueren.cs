using Samenwerkingsafspraken.Infrastructure.Http;
using System.Text.Json;
using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Evalueren;

public sealed record EvaluatieVerzoek(string? Oordeel, string? Lessen, bool? AanbevolenVoorHergebruik, long? Versie);

public sealed class EvaluatieValidator : Invoerregels<EvaluatieVerzoek>
{
    public EvaluatieValidator()
    {
        RuleFor(v => v.Oordeel).NotEmpty().Must(o => Enum.TryParse<Oordeel>(o, true, out _)).WithErrorCode("onbekende-waarde")
            .WithMessage($"Het oordeel is een van: {string.Join(", ", Enum.GetNames<Oordeel>().Select(JsonNamingPolicy.CamelCase.ConvertName))}.");
        RuleFor(v => v.Lessen).NotEmpty().MaximumLength(Grenzen.Lessen);
        RuleFor(v => v.AanbevolenVoorHergebruik).NotNull();
    }
}

public static class AfspraakEvalueren
{
    public static Task<Schrijfuitkomst> Uitvoeren(Schrijver schrijver, Opdrachtcontext context, Guid id, EvaluatieVerzoek verzoek, Klok klok) =>
        schrijver.WijzigAfspraak(context, id, verzoek, new EvaluatieValidator(), verzoek?.Versie,
            (afspraak, door) => Beslis(afspraak, verzoek!, door, klok.GetUtcNow()));

    /// <summary>
    /// Each party judges the agreement, in words and in one of three judgments, and says whether it recommends it for
    /// reuse elsewhere. A party may evaluate again later (say, each year); the latest evaluation of a party counts.
    /// </summary>
    public static Besluit Beslis(Samenwerkingsafspraak afspraak, EvaluatieVerzoek verzoek, Gebruiker door, DateTimeOffset nu)
    {
        if (Toegang.AlsPartij(door, afspraak) is not { } partij) return Regels.GeenPartij(afspraak);
        if (afspraak.Status == AfspraakStatus.Concept) return Regels.NogConcept();
        return Besluit.Met(new AfspraakGeevalueerd(afspraak.Id, partij, Enum.Parse<Oordeel>(verzoek.Oordeel!, true), verzoek.Lessen!.Trim(),
            verzoek.AanbevolenVoorHergebruik!.Value, nu));
    }
}

public static class AfspraakEvaluerenEndpoint
{
    [WolverinePost("/v1/samenwerkingsafspraken/{id}/evaluaties", OperationId = "samenwerkingsafspraakEvalueren")]
    [EndpointSummary("Een afspraak evalueren")]
    [EndpointDescription("Een partij geeft haar oordeel (succesvol, deelsSuccesvol, nietSuccesvol), de lessen in woorden, en of zij de afspraak " +
                         "aanbeveelt voor hergebruik. Niet voor een concept.")]
    [ProducesResponseType<SamenwerkingsafspraakWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static Task<IResult> Post(Guid id, EvaluatieVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok) =>
        AfspraakEvalueren.Uitvoeren(schrijver, HttpOpdracht.Context(http), id, verzoek, klok).AlsResultaat();
}
