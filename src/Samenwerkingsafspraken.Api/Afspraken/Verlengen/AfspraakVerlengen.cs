using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Verlengen;

public sealed record VerlengingVerzoek(DateOnly? NieuweEinddatum, string? Reden, long? Versie);

public sealed class VerlengingValidator : Invoerregels<VerlengingVerzoek>
{
    public VerlengingValidator()
    {
        RuleFor(v => v.NieuweEinddatum).NotNull().Must(d => Datumvenster.Bevat(d!.Value)).WithErrorCode("buiten-venster")
            .WithMessage($"De nieuwe einddatum ligt {Datumvenster.Omschrijving}.");
        RuleFor(v => v.Reden).MaximumLength(Grenzen.Reden);
    }
}

public static class AfspraakVerlengen
{
    public static Task<Schrijfuitkomst> Uitvoeren(Schrijver schrijver, Opdrachtcontext context, Guid id, VerlengingVerzoek verzoek, Klok klok) =>
        schrijver.WijzigAfspraak(context, id, verzoek, new VerlengingValidator(), verzoek?.Versie,
            (afspraak, door) => Beslis(afspraak, verzoek!, door, klok.GetUtcNow()), verzoek?.Reden);

    /// <summary>An active agreement gets a later end date; its expiry moves with it (the old message then changes nothing).</summary>
    public static Besluit Beslis(Samenwerkingsafspraak afspraak, VerlengingVerzoek verzoek, Gebruiker door, DateTimeOffset nu)
    {
        if (Toegang.AlsPartij(door, afspraak) is null) return Regels.GeenPartij(afspraak);
        if (afspraak.IsAfgesloten) return Regels.Afgesloten(afspraak);
        if (afspraak.Status != AfspraakStatus.Actief)
        {
            return Weigering.Conflict("nog-concept", "Alleen een actieve afspraak wordt verlengd; wijzig de looptijd van een concept.");
        }

        var huidig = afspraak.Inhoud.Looptijd;
        var nieuw = verzoek.NieuweEinddatum!.Value;
        if (nieuw <= huidig.Einddatum)
        {
            return Weigering.Ongeldig("niet-later", $"De nieuwe einddatum ligt na de huidige ({huidig.Einddatum}).",
                new OngeldigeParameter("nieuweEinddatum", "niet-later", $"Kies een datum na {huidig.Einddatum}."));
        }

        var laatste = Grenzen.LaatsteEinddatum(huidig.Startdatum);
        if (nieuw > laatste)
        {
            return Weigering.Ongeldig("te-lang", $"Een looptijd is ten hoogste {Grenzen.LooptijdInJaren} jaar.",
                new OngeldigeParameter("nieuweEinddatum", "te-lang", $"Ten laatste {laatste:yyyy-MM-dd}."));
        }

        return Besluit.Met(new AfspraakVerlengd(afspraak.Id, huidig.Einddatum, nieuw, string.IsNullOrWhiteSpace(verzoek.Reden) ? null : verzoek.Reden.Trim(), nu))
            .PlanVerloop(afspraak.Id, nieuw);
    }
}

public static class AfspraakVerlengenEndpoint
{
    [WolverinePost("/v1/samenwerkingsafspraken/{id}/verlengingen", OperationId = "samenwerkingsafspraakVerlengen")]
    [EndpointSummary("Een actieve afspraak verlengen")]
    [ProducesResponseType<SamenwerkingsafspraakWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static Task<IResult> Post(Guid id, VerlengingVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok) =>
        AfspraakVerlengen.Uitvoeren(schrijver, HttpOpdracht.Context(http), id, verzoek, klok).AlsResultaat();
}
