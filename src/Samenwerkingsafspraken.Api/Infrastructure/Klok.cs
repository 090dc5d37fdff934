namespace Samenwerkingsafspraken.Infrastructure;

/// <summary>
/// Domain time: the "now" of every decision and the timestamp of every event. A service of its own (not the
/// host's TimeProvider) so that tests can move domain time over months without moving the clock that token
/// lifetimes and Wolverine's scheduler use.
/// </summary>
public sealed class Klok(TimeProvider tijd) : TimeProvider
{
    public static readonly TimeZoneInfo Nederland = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public override DateTimeOffset GetUtcNow() => tijd.GetUtcNow();

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
}
