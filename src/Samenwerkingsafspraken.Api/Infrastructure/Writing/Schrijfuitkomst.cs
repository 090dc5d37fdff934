using Samenwerkingsafspraken.Infrastructure.Http;

namespace Samenwerkingsafspraken.Infrastructure.Writing;

/// <summary>
/// How a command ended, in terms any front end can show: recorded (or replayed), refused with the reasons per field,
/// or refused because the caller's version is no longer current. The API maps it to HTTP (<see cref="HttpOpdracht"/>);
/// a web page shows it beside its form.
/// </summary>
public abstract record Schrijfuitkomst
{
    private Schrijfuitkomst()
    {
    }

    /// <summary>
    /// The command was recorded (or, with a repeated idempotency key, had been): the status the API answers (201 for
    /// a new resource, else 200), the new version, where the resource lives, and its API shape as JSON.
    /// </summary>
    /// <param name="Weergave">The API shape as an object; absent on a replay, which has only the remembered JSON.</param>
    public sealed record Gelukt(int Status, long Versie, string? Locatie, string Json, object? Weergave, bool Herhaald) : Schrijfuitkomst;

    /// <summary>Refused: invalid input (with every problem per field), not allowed, not found, a conflict with the state, …</summary>
    public sealed record Geweigerd(Weigering Weigering) : Schrijfuitkomst
    {
        public int Status => (int)Weigering.Soort;

        public IReadOnlyList<OngeldigeParameter> Fouten => Weigering.Fouten ?? [];
    }

    /// <summary>The caller named a version that is no longer the current one; the current one is given.</summary>
    public sealed record Versieconflict(long ActueleVersie) : Schrijfuitkomst
    {
        public const string Code = "versie-verouderd";

        public string Detail =>
            $"De bron is intussen gewijzigd: de actuele versie is {ActueleVersie}. Haal haar opnieuw op en probeer het dan nog eens.";
    }

    public static implicit operator Schrijfuitkomst(Weigering weigering) => new Geweigerd(weigering);
}
