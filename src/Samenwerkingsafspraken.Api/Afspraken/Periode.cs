using System.Globalization;
using System.Text.RegularExpressions;

namespace Samenwerkingsafspraken.Afspraken;

/// <summary>A reporting period: a calendar quarter, written "2025-K1".</summary>
public readonly partial record struct Kwartaal(int Jaar, int Nummer)
{
    public DateOnly Start => new(Jaar, (Nummer - 1) * 3 + 1, 1);

    public DateOnly Eind => Start.AddMonths(3).AddDays(-1);

    public override string ToString() => $"{Jaar}-K{Nummer}";

    public static bool TryParse(string? tekst, out Kwartaal kwartaal)
    {
        kwartaal = default;
        if (tekst is null || Formaat().Match(tekst) is not { Success: true } match) return false;
        kwartaal = new Kwartaal(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        return kwartaal.Jaar is >= 2000 and <= 2100;
    }

    public static Kwartaal Van(string tekst) => TryParse(tekst, out var k) ? k : throw new FormatException($"'{tekst}' is geen kwartaal.");

    public bool Overlapt(Looptijd looptijd) => Start <= looptijd.Einddatum && Eind >= looptijd.Startdatum;

    [GeneratedRegex("^([0-9]{4})-K([1-4])\\z")]
    private static partial Regex Formaat();
}
