namespace Samenwerkingsafspraken.Infrastructure;

/// <summary>
/// Domain time: the "now" of every decision and the timestamp of every event. A service of its own (not the
/// host's TimeProvider) so that tests can move domain time over months without moving the clock that token
/// lifetimes and Wolverine's scheduler use.
/// <para>
/// A clock made <see cref="Simuleerbaar"/> (Development, and the demo data command; never in production) lets one
/// flow of work run in simulated time: inside <see cref="Simuleer"/> this flow, and only this flow, sees the time the
/// simulation sets, while every other request on the same host keeps the real time.
/// </para>
/// </summary>
public sealed class Klok(TimeProvider tijd, bool simuleerbaar = false) : TimeProvider
{
    public static readonly TimeZoneInfo Nederland = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private readonly AsyncLocal<Simulatie?>? _simulatie = simuleerbaar ? new AsyncLocal<Simulatie?>() : null;

    public bool Simuleerbaar => _simulatie is not null;

    public override DateTimeOffset GetUtcNow() => _simulatie?.Value is { Actief: true } simulatie ? simulatie.Nu : tijd.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => Nederland;

    /// <summary>Today's date in the Netherlands.</summary>
    public DateOnly Vandaag => DagVan(GetUtcNow());

    /// <summary>
    /// The Dutch calendar day of a moment. Converted from UTC as a DateTime, which stays at the ends of the calendar
    /// where a DateTimeOffset in Dutch time would not fit.
    /// </summary>
    public static DateOnly DagVan(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(moment.UtcDateTime, Nederland));

    /// <summary>The first moment of a Dutch calendar day, as an instant.</summary>
    public static DateTimeOffset BeginVan(DateOnly datum)
    {
        var lokaal = datum.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(lokaal, Nederland.GetUtcOffset(lokaal));
    }

    /// <summary>
    /// A domain moment as a moment for a scheduler that keeps real time (Wolverine's): the same, unless this flow runs
    /// in simulated time, where it lies as far from the real now as it lies from the simulated now. A message planned
    /// in a simulation therefore never falls due while the simulation still runs.
    /// </summary>
    public DateTimeOffset AlsEchtTijdstip(DateTimeOffset domeinmoment) =>
        _simulatie?.Value is { Actief: true } simulatie ? tijd.GetUtcNow() + (domeinmoment - simulatie.Nu) : domeinmoment;

    /// <summary>Starts simulated time for the calling flow (and the tasks it starts), until the returned scope is disposed.</summary>
    public Simulatie Simuleer(DateTimeOffset start)
    {
        if (_simulatie is null) throw new InvalidOperationException("Deze klok kan geen tijd simuleren (alleen in Development en het voorbeeldgegevenscommando).");
        if (_simulatie.Value is { Actief: true }) throw new InvalidOperationException("Er loopt in deze stroom al een simulatie.");
        var simulatie = new Simulatie(start, () => _simulatie.Value = null);
        _simulatie.Value = simulatie;
        return simulatie;
    }

    /// <summary>
    /// Simulated time: it stands still until it is set, and only moves forward. Once disposed it is over for good, also
    /// for work that the flow started and that outlives it (it then sees the real time).
    /// </summary>
    public sealed class Simulatie(DateTimeOffset start, Action einde) : IDisposable
    {
        public DateTimeOffset Nu { get; private set; } = start.ToUniversalTime();

        public bool Actief { get; private set; } = true;

        public void Zet(DateTimeOffset nu)
        {
            if (nu < Nu) throw new InvalidOperationException($"Gesimuleerde tijd gaat niet terug ({Nu:O} → {nu:O}).");
            Nu = nu.ToUniversalTime();
        }

        public void Dispose()
        {
            Actief = false;
            einde();
        }
    }
}
