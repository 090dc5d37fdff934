using System.Globalization;
using JasperFx.Events;
using Marten;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Historie;

public sealed record Actor(string Gebruiker, string? Naam, string? Rol, string? Organisatie);

public sealed record HistorieRegel(
    long Versie, string Type, string Omschrijving, DateTimeOffset Tijdstip, Actor Door, string? Reden, string? CorrelatieId, object Gegevens);

public sealed record AfspraakHistorie(Guid Id, IReadOnlyList<HistorieRegel> Gebeurtenissen);

/// <summary>Every event of an agreement with who did it, for which organisation, when and why, in words a person can read.</summary>
public static class AfspraakHistorieEndpoint
{
    [WolverineGet("/v1/samenwerkingsafspraken/{id}/historie", OperationId = "samenwerkingsafspraakHistorieOpvragen")]
    [EndpointSummary("De volledige historie van een afspraak")]
    [EndpointDescription("Elke gebeurtenis met type, versie, tijdstip, wie (gebruiker, rol, organisatie), reden en correlatie-id. " +
                         "Voor auditors en, binnen hun eigen bereik, de partijen zelf.")]
    [ProducesResponseType<AfspraakHistorie>(200)]
    [MetETag]
    [Problemen(401, 403, 404)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var historie = await Lees(id, Gebruiker.Van(http.User), session, cancellation);
        return historie.IsProbleem ? historie.Probleem : Voorwaardelijk.AntwoordNaarInhoud(http, historie.Waarde);
    }

    /// <summary>The checks and the events, shared by the API and the agreement page's timeline.</summary>
    public static async Task<Opvraging<AfspraakHistorie>> Lees(Guid id, Gebruiker gebruiker, IQuerySession session, CancellationToken cancellation)
    {
        var afspraak = await session.LoadAsync<Samenwerkingsafspraak>(id, cancellation);
        if (afspraak is null) return Opvraging<AfspraakHistorie>.Geweigerd(Problemen.NietGevonden($"Samenwerkingsafspraak {id} bestaat niet."));
        if (!Toegang.MagLezen(gebruiker, afspraak))
            return Opvraging<AfspraakHistorie>.Geweigerd(Problemen.GeenToegang("De historie van deze afspraak is voor haar partijen en auditors."));

        var events = await session.Events.FetchStreamAsync(id, token: cancellation);
        return new AfspraakHistorie(id, events.Select(Regel).ToList());
    }

    public static HistorieRegel Regel(IEvent e) => new(
        e.Version,
        e.EventTypeName,
        Omschrijving(e.Data),
        e.Timestamp,
        new Actor(e.UserName ?? "onbekend", Header(e, Metadata.Naam), Header(e, Metadata.Rol), Header(e, Metadata.Organisatie)),
        Header(e, Metadata.Reden),
        e.CorrelationId,
        e.Data);

    private static string? Header(IEvent e, string naam) => e.Headers?.TryGetValue(naam, out var waarde) == true ? waarde?.ToString() : null;

    private static string Datum(DateOnly datum) => datum.ToString("d MMMM yyyy", new CultureInfo("nl-NL"));

    public static string Omschrijving(object data) => data switch
    {
        AfspraakOpgesteld e => $"Afspraak '{e.Inhoud.Titel}' opgesteld als concept, met {e.Inhoud.Werkafspraken.Count} werkafspraak/werkafspraken.",
        AfspraakOvergenomen e => $"Afspraak overgenomen uit {e.Herkomst.BronArbeidsmarktregio} (versie {e.Herkomst.BronVersie} van de bronafspraak), met {e.Verschillen.Count} maatwerkverschil(len).",
        AfspraakOndertekend e => $"Ondertekend door {e.Partij.Naam} ({(e.Partij.Rol == Partijrol.Werkgever ? "werkgever" : "regiopartij")}).",
        AfspraakGeactiveerd e => $"Door alle vereiste partijen ondertekend: actief vanaf {Datum(e.ActiefVanaf)}.",
        AfspraakGewijzigd e => $"Afspraak gewijzigd: {e.Reden}",
        ResultatenGeregistreerd e => $"Resultaten over {e.Periode} geregistreerd: {e.Resultaten.Plaatsingen} plaatsing(en), {e.Resultaten.Uitval} uitval.",
        ResultatenGecorrigeerd e => $"Resultaten over {e.Periode} gecorrigeerd: {e.Reden}",
        AfspraakGeevalueerd e => $"Geëvalueerd door {e.Partij.Naam}: {Oordeeltekst(e.Oordeel)}{(e.AanbevolenVoorHergebruik ? ", aanbevolen voor hergebruik" : "")}.",
        AfspraakVerlengd e => $"Verlengd van {Datum(e.VorigeEinddatum)} tot {Datum(e.NieuweEinddatum)}.",
        AfspraakBeeindigd e => $"Beëindigd per {Datum(e.Einddatum)}: {e.Toelichting}",
        AfspraakVerlopen e => $"Verlopen: de einddatum {Datum(e.Einddatum)} is verstreken.",
        AfspraakOvergegaan e => $"Overgegaan van {e.VorigeWerkgever.Naam} ({e.VorigeWerkgever.KvkNummer}) naar {e.Werkgever.Naam} ({e.Werkgever.KvkNummer}) " +
                                $"per {Datum(e.Datum)}: de werkgever ging op in zijn rechtsopvolger.",
        VervullingGeregistreerd e => $"Vervulling van het werkaanbod over {e.Periode} geregistreerd: {e.Vervullingen.Sum(v => v.Vervuld)} van " +
                                     $"{e.Vervullingen.Sum(v => v.Aangeboden)} plaats(en) vervuld.",
        VervullingGecorrigeerd e => $"Vervulling van het werkaanbod over {e.Periode} gecorrigeerd: {e.Reden}",
        _ => data.GetType().Name,
    };

    public static string Oordeeltekst(Oordeel oordeel) => oordeel switch
    {
        Oordeel.Succesvol => "succesvol",
        Oordeel.DeelsSuccesvol => "deels succesvol",
        _ => "niet succesvol",
    };
}
