using System.Globalization;
using Samenwerkingsafspraken.Infrastructure.Http;

namespace Samenwerkingsafspraken.Infrastructure;

/// <summary>
/// Every date the registry accepts lies in one window, 2000-01-01 to 2100-12-31: wide enough for any real agreement,
/// narrow enough that no date arithmetic the service does (ten years of looptijd, the day after an end date, a
/// quarter's end, the start of a Dutch day) can leave the calendar .NET and PostgreSQL share.
/// </summary>
public static class Datumvenster
{
    public static readonly DateOnly Vroegst = new(2000, 1, 1);
    public static readonly DateOnly Laatst = new(2100, 12, 31);

    public static bool Bevat(DateOnly datum) => datum >= Vroegst && datum <= Laatst;

    public static string Omschrijving => $"tussen {Vroegst:yyyy-MM-dd} en {Laatst:yyyy-MM-dd}";

    public static OngeldigeParameter? Controleer(string naam, DateOnly datum) =>
        Bevat(datum) ? null : new OngeldigeParameter(naam, "buiten-venster", $"'{naam}' ligt {Omschrijving}.");

    /// <summary>A date as a query or JSON value carries it (JJJJ-MM-DD), inside the window.</summary>
    public static OngeldigeParameter? Lees(string naam, string? tekst, out DateOnly datum, string? formaatfout = null)
    {
        if (!DateOnly.TryParseExact(tekst, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out datum))
            return new OngeldigeParameter(naam, "ongeldig-formaat", formaatfout ?? $"'{naam}' is een datum: JJJJ-MM-DD.");
        return Controleer(naam, datum);
    }
}
