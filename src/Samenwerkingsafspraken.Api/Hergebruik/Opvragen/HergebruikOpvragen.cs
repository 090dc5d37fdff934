using Marten;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Bewijs;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Hergebruik.Besluiten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Referenties;
using Samenwerkingsafspraken.Werkgevers;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Hergebruik.Opvragen;

public sealed record Hergebruikinbox(string Arbeidsmarktregio, IReadOnlyList<HergebruikverzoekWeergave> Hergebruikverzoeken, int Aantal);

public sealed record ActueleStand(AfspraakStatus Status, long Versie, Realisatie Realisatie, IReadOnlyList<Evaluatie> Evaluaties);

/// <summary>What the region that is asked sees: the source as it was at the version asked for, the proof, and the employer's history.</summary>
public sealed record Referentiedossier(
    HergebruikverzoekWeergave Verzoek,
    SamenwerkingsafspraakWeergave Bronafspraak,
    Bewijs Bewijs,
    ActueleStand ActueleStand,
    ReferentieLijst Referentiehistorie);

public sealed record RegioDoorlooptijd(string Arbeidsmarktregio, int AantalVerzoeken, int AantalBesluiten, int AantalOpen, decimal? MediaanDagenTotBesluit,
    decimal? LangsteWachttijdOpenInDagen);

public sealed record Doorlooptijden(IReadOnlyList<RegioDoorlooptijd> Regios, decimal? MediaanDagenTotBesluit);

public static class HergebruikOpvragenEndpoint
{
    [WolverineGet("/v1/hergebruikverzoeken/{id}", OperationId = "hergebruikverzoekOpvragen")]
    [EndpointSummary("Een hergebruikverzoek")]
    [EndpointDescription("Voor de werkgever die het vroeg, de regiopartijen van de gevraagde regio en auditors.")]
    [ProducesResponseType<HergebruikverzoekWeergave>(200)]
    [MetETag]
    [Problemen(401, 403, 404)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, Klok klok, CancellationToken cancellation)
    {
        var verzoek = await session.LoadAsync<Hergebruikverzoek>(id, cancellation);
        if (verzoek is null) return Problemen.NietGevonden($"Hergebruikverzoek {id} bestaat niet.");
        if (!HergebruikToegang.MagLezen(Gebruiker.Van(http.User), verzoek)) return Problemen.GeenToegang("Dit verzoek is voor een andere werkgever of regio.");
        return Voorwaardelijk.Antwoord(http, verzoek.Version, HergebruikverzoekWeergave.Van(verzoek, klok.GetUtcNow()));
    }

    [WolverineGet("/v1/arbeidsmarktregios/{code}/hergebruikverzoeken", OperationId = "hergebruikinboxOpvragen")]
    [EndpointSummary("De inbox van hergebruikverzoeken van een regio")]
    [EndpointDescription("De verzoeken aan deze regio, te filteren op status (open, geaccepteerd, afgewezen, ingetrokken), de langst wachtende eerst, " +
                         "met de wachttijd. Voor de regiopartijen van de regio en auditors.")]
    [ProducesResponseType<Hergebruikinbox>(200)]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Inbox(string code, string? status, HttpContext http, IQuerySession session, Klok klok, CancellationToken cancellation)
    {
        var inbox = await HergebruikOpvragen.Inbox(code, status, Gebruiker.Van(http.User), session, klok.GetUtcNow(), cancellation);
        return inbox.IsProbleem ? inbox.Probleem : Results.Ok(inbox.Waarde);
    }

    [WolverineGet("/v1/hergebruikverzoeken/{id}/referentiedossier", OperationId = "referentiedossierOpvragen")]
    [EndpointSummary("Het referentiedossier bij een hergebruikverzoek")]
    [EndpointDescription("De bronafspraak zoals zij was bij de gevraagde versie, haar bewijs, haar actuele resultaten en evaluaties, en de hele " +
                         "referentiehistorie van de werkgever. Voor de gevraagde regio, de werkgever en auditors.")]
    [ProducesResponseType<Referentiedossier>(200)]
    [MetETag]
    [Problemen(401, 403, 404)]
    public static async Task<IResult> Dossier(Guid id, HttpContext http, IQuerySession session, Klok klok, CancellationToken cancellation)
    {
        var dossier = await HergebruikOpvragen.Dossier(id, Gebruiker.Van(http.User), session, klok.GetUtcNow(), cancellation);
        return dossier.IsProbleem ? dossier.Probleem : Voorwaardelijk.AntwoordNaarInhoud(http, dossier.Waarde);
    }

    [WolverineGet("/v1/hergebruikverzoeken/doorlooptijden", OperationId = "hergebruikdoorlooptijdenOpvragen")]
    [EndpointSummary("Hoe lang hergebruikverzoeken op een besluit wachten, per regio")]
    [EndpointDescription("Per gevraagde regio: aantallen, de mediaan van de dagen van verzoek tot besluit (accepteren of afwijzen), en de langste " +
                         "wachttijd van wat nog open is. Voor auditors.")]
    [ProducesResponseType<Doorlooptijden>(200)]
    [Problemen(401, 403)]
    public static async Task<IResult> Doorlooptijden(HttpContext http, IQuerySession session, Klok klok, CancellationToken cancellation)
    {
        if (!Gebruiker.Van(http.User).IsAuditor) return Problemen.GeenToegang("De doorlooptijden zijn voor auditors.");
        var verzoeken = await session.Query<Hergebruikverzoek>().ToListAsync(cancellation);
        var nu = klok.GetUtcNow();
        var regios = verzoeken.GroupBy(v => v.DoelArbeidsmarktregio).OrderBy(g => g.Key).Select(g =>
        {
            var besluiten = g.Where(v => v.BeslistOp is not null).Select(v => Dagen(v.Wachttijd!.Value)).ToList();
            var open = g.Where(v => v.IsOpen).Select(v => Dagen(nu - v.VerzochtOp)).ToList();
            return new RegioDoorlooptijd(g.Key, g.Count(), besluiten.Count, open.Count, Mediaan(besluiten), open.Count == 0 ? null : open.Max());
        }).ToList();
        var alle = verzoeken.Where(v => v.BeslistOp is not null).Select(v => Dagen(v.Wachttijd!.Value)).ToList();
        return Results.Ok(new Doorlooptijden(regios, Mediaan(alle)));
    }

    private static decimal Dagen(TimeSpan duur) => Math.Round((decimal)duur.TotalDays, 2);

    public static decimal? Mediaan(IReadOnlyList<decimal> waarden)
    {
        if (waarden.Count == 0) return null;
        var gesorteerd = waarden.Order().ToList();
        var midden = gesorteerd.Count / 2;
        return gesorteerd.Count % 2 == 1 ? gesorteerd[midden] : (gesorteerd[midden - 1] + gesorteerd[midden]) / 2;
    }
}

/// <summary>A region's inbox and a request's reference dossier, with their checks: shared by the API and the pages.</summary>
public static class HergebruikOpvragen
{
    public static async Task<Opvraging<Hergebruikinbox>> Inbox(string code, string? status, Gebruiker gebruiker, IQuerySession session, DateTimeOffset nu,
        CancellationToken cancellation)
    {
        var fouten = new List<OngeldigeParameter>();
        if (!ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(code)) fouten.Add(new("code", "ongeldig-formaat", "Een regiocode is AM gevolgd door twee cijfers."));
        if (status is not null && !Enum.TryParse<Verzoekstatus>(status, true, out _))
            fouten.Add(new("status", "onbekende-waarde", "Status is open, geaccepteerd, afgewezen of ingetrokken."));
        if (fouten.Count > 0) return Opvraging<Hergebruikinbox>.Geweigerd(Problemen.Ongeldig(fouten));

        if (!gebruiker.IsAuditor && !gebruiker.IsRegiopartijVan(code))
            return Opvraging<Hergebruikinbox>.Geweigerd(Problemen.GeenToegang($"De inbox van {code} is voor de regiopartijen van die regio."));
        if (await session.LoadAsync<Arbeidsmarktregio>(Arbeidsmarktregio.StreamId(code), cancellation) is null)
            return Opvraging<Hergebruikinbox>.Geweigerd(Problemen.NietGevonden($"Arbeidsmarktregio {code} bestaat niet."));

        var query = session.Query<Hergebruikverzoek>().Where(v => v.DoelArbeidsmarktregio == code);
        if (status is not null)
        {
            var gekozen = Enum.Parse<Verzoekstatus>(status, true);
            query = query.Where(v => v.Status == gekozen);
        }

        var verzoeken = await query.OrderBy(v => v.VerzochtOp).ToListAsync(cancellation);
        return new Hergebruikinbox(code, verzoeken.Select(v => HergebruikverzoekWeergave.Van(v, nu)).ToList(), verzoeken.Count);
    }

    public static async Task<Opvraging<Referentiedossier>> Dossier(Guid id, Gebruiker gebruiker, IQuerySession session, DateTimeOffset nu,
        CancellationToken cancellation)
    {
        var verzoek = await session.LoadAsync<Hergebruikverzoek>(id, cancellation);
        if (verzoek is null) return Opvraging<Referentiedossier>.Geweigerd(Problemen.NietGevonden($"Hergebruikverzoek {id} bestaat niet."));
        if (!HergebruikToegang.MagLezen(gebruiker, verzoek))
            return Opvraging<Referentiedossier>.Geweigerd(Problemen.GeenToegang("Het referentiedossier is voor de gevraagde regio, de werkgever en auditors."));

        var bron = await Bronafspraak.OpVersie(session, verzoek.BronAfspraakId, verzoek.BronVersie, cancellation);
        var referentie = await session.LoadAsync<Referentie>(verzoek.BronAfspraakId, cancellation);
        var werkgever = await session.LoadAsync<Werkgever>(Werkgever.StreamId(verzoek.KvkNummer), cancellation);
        if (referentie is null || werkgever is null)
            return Opvraging<Referentiedossier>.Geweigerd(Problemen.NietGevonden("De bronafspraak of de werkgever van dit verzoek bestaat niet meer."));

        var actueel = referentie.Afspraak;
        return new Referentiedossier(
            HergebruikverzoekWeergave.Van(verzoek, nu),
            SamenwerkingsafspraakWeergave.Van(bron),
            referentie.Bewijs,
            new ActueleStand(actueel.Status, actueel.Version, Realisatie.Van(actueel), actueel.Evaluaties),
            await ReferentiesOpvragen.Lijst(session, werkgever, cancellation));
    }
}
