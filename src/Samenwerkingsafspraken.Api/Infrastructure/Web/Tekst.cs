using System.Globalization;
using System.Text.Json;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Hergebruik;

namespace Samenwerkingsafspraken.Infrastructure.Web;

/// <summary>Domain values as the pages say them: Dutch words, Dutch dates, a status badge's look.</summary>
public static class Tekst
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    public static string Datum(DateOnly datum) => datum.ToString("d MMMM yyyy", Nl);

    public static string Datum(DateOnly? datum) => datum is { } d ? Datum(d) : "–";

    public static string Datum(DateTimeOffset moment) => Datum(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Klok.Nederland).DateTime));

    public static string Tijdstip(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Klok.Nederland).ToString("d MMMM yyyy, HH:mm", Nl);

    public static string Getal(decimal? waarde) => waarde is { } w ? w.ToString("0.##", Nl) : "–";

    public static string Status(AfspraakStatus status) => status switch
    {
        AfspraakStatus.Concept => "Concept",
        AfspraakStatus.Actief => "Actief",
        AfspraakStatus.Beeindigd => "Beëindigd",
        _ => "Verlopen",
    };

    /// <summary>The Utrecht status badge modifier for a status.</summary>
    public static string Statusklasse(AfspraakStatus status) => status switch
    {
        AfspraakStatus.Actief => "utrecht-status-badge--success",
        AfspraakStatus.Concept => "utrecht-status-badge--neutral",
        _ => "utrecht-status-badge--inactive",
    };

    public static string Verzoekstatus(Verzoekstatus status) => status switch
    {
        Hergebruik.Verzoekstatus.Open => "Open",
        Hergebruik.Verzoekstatus.Geaccepteerd => "Geaccepteerd",
        Hergebruik.Verzoekstatus.Afgewezen => "Afgewezen",
        _ => "Ingetrokken",
    };

    public static string Doelgroep(Doelgroep doelgroep) => doelgroep switch
    {
        Afspraken.Doelgroep.Banenafspraak => "Banenafspraak",
        Afspraken.Doelgroep.Participatiewet => "Participatiewet",
        Afspraken.Doelgroep.Wajong => "Wajong",
        Afspraken.Doelgroep.Ww => "WW",
        Afspraken.Doelgroep.Wia => "WIA",
        Afspraken.Doelgroep.Nugger => "Nuggers (niet-uitkeringsgerechtigden)",
        Afspraken.Doelgroep.Statushouders => "Statushouders",
        Afspraken.Doelgroep.Jongeren => "Jongeren",
        _ => "Overig",
    };

    public static string Partijsoort(Partijsoort soort) => soort switch
    {
        Afspraken.Partijsoort.Gemeente => "gemeente",
        Afspraken.Partijsoort.Uwv => "UWV",
        Afspraken.Partijsoort.Werkgeversservicepunt => "werkgeversservicepunt",
        Afspraken.Partijsoort.Werkcentrum => "werkcentrum",
        Afspraken.Partijsoort.SwBedrijf => "SW-bedrijf",
        _ => "anders",
    };

    public static string Oordeel(Oordeel oordeel) => Afspraken.Historie.AfspraakHistorieEndpoint.Oordeeltekst(oordeel);

    /// <summary>The camelCase value that a query key takes (the same words as the API).</summary>
    public static string Sleutel<T>(T waarde) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(waarde.ToString());

    public static string Waarde(JsonElement? waarde) => waarde switch
    {
        null => "–",
        { ValueKind: JsonValueKind.String } w => w.GetString() ?? "",
        { ValueKind: JsonValueKind.True } => "ja",
        { ValueKind: JsonValueKind.False } => "nee",
        { ValueKind: JsonValueKind.Number } w => w.TryGetDecimal(out var d) ? d.ToString("0.##", Nl) : w.GetRawText(),
        { ValueKind: JsonValueKind.Null } => "–",
        { } w => w.GetRawText(),
    };

    /// <summary>A local change made on reuse, as a sentence: what changed, from what to what, and why.</summary>
    public static string Verschil(Maatwerkverschil v) =>
        $"{v.VariantCode}: {v.Soort}{(v.Parameter is { } p ? $" {p}" : "")}" +
        (v.Oud is not null || v.Nieuw is not null ? $" van {Waarde(v.Oud)} naar {Waarde(v.Nieuw)}" : "") +
        $" (reden: {v.Reden.TrimEnd('.')})";

    public static string Dagen(decimal dagen) => dagen < 1 ? "minder dan een dag" : $"{Math.Floor(dagen).ToString("0", Nl)} dag{(Math.Floor(dagen) == 1 ? "" : "en")}";
}
