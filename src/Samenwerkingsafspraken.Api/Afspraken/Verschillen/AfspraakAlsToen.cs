using System.Globalization;
using Marten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Afspraken.Verschillen;

/// <summary>An agreement rebuilt from its events as it was at a version, or at the end of a (Dutch) day.</summary>
public static class AfspraakAlsToen
{
    public static async Task<Samenwerkingsafspraak?> OpVersie(IQuerySession session, Guid id, long versie, CancellationToken cancellation)
    {
        var gebeurtenissen = await session.Events.FetchStreamAsync(id, versie, token: cancellation);
        return gebeurtenissen.Count == 0 || gebeurtenissen[^1].Version != versie
            ? null
            : Schrijver.Evolueer<Samenwerkingsafspraak>(null, gebeurtenissen.Select(e => e.Data).ToList(), 0);
    }

    public static async Task<Samenwerkingsafspraak?> OpDatum(IQuerySession session, Guid id, DateOnly peildatum, CancellationToken cancellation)
    {
        var gebeurtenissen = await session.Events.FetchStreamAsync(id, timestamp: Klok.BeginVan(peildatum.AddDays(1)).AddTicks(-1).ToUniversalTime(), token: cancellation);
        return gebeurtenissen.Count == 0 ? null : Schrijver.Evolueer<Samenwerkingsafspraak>(null, gebeurtenissen.Select(e => e.Data).ToList(), 0);
    }

    /// <summary>A date in a query (JJJJ-MM-DD), inside the window of every date the registry knows.</summary>
    public static bool TryDatum(string? tekst, out DateOnly datum) => Datumvenster.Lees("datum", tekst, out datum) is null;

    public static OngeldigeParameter? Versiefout(string naam, string? tekst, out long versie)
    {
        versie = 0;
        return long.TryParse(tekst, NumberStyles.None, CultureInfo.InvariantCulture, out versie) && versie >= 1
            ? null
            : new OngeldigeParameter(naam, "ongeldig-formaat", $"'{naam}' is een versienummer, 1 of hoger.");
    }
}
