using Samenwerkingsafspraken.Infrastructure.Http;
using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Beeindigen;

public sealed record BeeindigingVerzoek(string? Reden, string? Toelichting, long? Versie);

/// <summary>Why an agreement ends: a documented list, so that auditors can count reasons; the words say the rest.</summary>
public static class Beeindigingsredenen
{
    public static readonly IReadOnlyDictionary<string, string> Alle = new Dictionary<string, string>
    {
        ["doelen-bereikt"] = "De doelen zijn bereikt.",
        ["onvoldoende-resultaat"] = "De afspraak leverde te weinig op.",
        ["werkgever-gestopt"] = "De werkgever stopt (in deze regio).",
        ["samenwerking-gestopt"] = "De partijen stoppen de samenwerking.",
        ["vervangen"] = "Vervangen door een nieuwe afspraak.",
        ["ingetrokken"] = "Het concept wordt niet voortgezet.",
        ["anders"] = "Een andere reden (zie de toelichting).",
    };
}

public sealed class BeeindigingValidator : Invoerregels<BeeindigingVerzoek>
{
    public BeeindigingValidator()
    {
        RuleFor(v => v.Reden).NotEmpty().Must(r => r is not null && Beeindigingsredenen.Alle.ContainsKey(r)).WithErrorCode("onbekende-reden")
            .WithMessage($"De reden is een van: {string.Join(", ", Beeindigingsredenen.Alle.Keys)}.");
        RuleFor(v => v.Toelichting).NotEmpty().MaximumLength(Grenzen.Reden);
    }
}

public static class AfspraakBeeindigen
{
    public static Task<Schrijfuitkomst> Uitvoeren(Schrijver schrijver, Opdrachtcontext context, Guid id, BeeindigingVerzoek verzoek, Klok klok) =>
        schrijver.WijzigAfspraak(context, id, verzoek, new BeeindigingValidator(), verzoek?.Versie,
            (afspraak, door) => Beslis(afspraak, verzoek!, door, klok.Vandaag, klok.GetUtcNow()), verzoek?.Toelichting);

    /// <summary>A public party of the agreement's region ends a concept or an active agreement today, with a reason.</summary>
    public static Besluit Beslis(Samenwerkingsafspraak afspraak, BeeindigingVerzoek verzoek, Gebruiker door, DateOnly vandaag, DateTimeOffset nu)
    {
        if (!door.IsRegiopartijVan(afspraak.Arbeidsmarktregio))
        {
            return Weigering.NietToegestaan("geen-regiopartij", $"Alleen een regiopartij van {afspraak.Arbeidsmarktregio} beëindigt deze afspraak.");
        }

        if (afspraak.IsAfgesloten) return Regels.Afgesloten(afspraak);
        var einddatum = vandaag < afspraak.Inhoud.Looptijd.Einddatum ? vandaag : afspraak.Inhoud.Looptijd.Einddatum;
        return Besluit.Met(new AfspraakBeeindigd(afspraak.Id, verzoek.Reden!, verzoek.Toelichting!.Trim(), einddatum, nu));
    }
}

public static class AfspraakBeeindigenEndpoint
{
    [WolverinePost("/v1/samenwerkingsafspraken/{id}/beeindiging", OperationId = "samenwerkingsafspraakBeeindigen")]
    [EndpointSummary("Een afspraak beëindigen")]
    [EndpointDescription("Een regiopartij van de regio beëindigt een concept of een actieve afspraak per vandaag, met een reden uit de lijst " +
                         "(doelen-bereikt, onvoldoende-resultaat, werkgever-gestopt, samenwerking-gestopt, vervangen, ingetrokken, anders) en een toelichting.")]
    [ProducesResponseType<SamenwerkingsafspraakWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static Task<IResult> Post(Guid id, BeeindigingVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok) =>
        AfspraakBeeindigen.Uitvoeren(schrijver, HttpOpdracht.Context(http), id, verzoek, klok).AlsResultaat();
}
