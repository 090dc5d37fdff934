using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Samenwerkingsafspraken.Afspraken.Opstellen;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Varianten;

namespace Samenwerkingsafspraken.Afspraken.Importeren;

/// <summary>Which numbered column group each list position came from (regiopartij2 may be the first party when regiopartij1 is empty).</summary>
public sealed record Importgroepen(IReadOnlyList<int> Regiopartijen, IReadOnlyList<int> Werkafspraken, IReadOnlyList<int> Werkaanbod);

/// <summary>A row as a request to draw up an agreement, the same request the API takes, and the cells that could not be read.</summary>
public sealed record Importregel(int Regel, string? Kenmerk, AfspraakOpstellenVerzoek Verzoek, Importgroepen Groepen, IReadOnlyList<OngeldigeParameter> Celfouten);

/// <summary>
/// Turns a row of cells into the API's request. A cell that cannot be read as what its column holds is reported at its
/// row and column and left out of the request, so that the validation reports only what is really the request's.
/// </summary>
public static partial class Importvertaling
{
    public static Importregel Vertaal(Importrij rij, string arbeidsmarktregio, IReadOnlyDictionary<string, Variant> varianten)
    {
        var fouten = new List<OngeldigeParameter>();
        void Fout(string kolom, string code, string reden) => fouten.Add(new OngeldigeParameter($"regels[{rij.Regel}].{kolom}", code, reden));
        string? Tekst(string kolom) => rij.Cel(kolom) is { IsLeeg: false } cel ? cel.Tekst.Trim() : null;

        string? Kvk(string kolom)
        {
            var cel = rij.Cel(kolom);
            return cel.Getal is { } getal && getal >= 0 && getal < 100_000_000 && getal == Math.Floor(getal)
                ? ((long)getal).ToString("D8", CultureInfo.InvariantCulture)
                : Tekst(kolom);
        }

        string? Oin(string kolom)
        {
            if (rij.Cel(kolom).Getal is null) return Tekst(kolom);
            Fout(kolom, "als-tekst", "Een OIN heeft 20 cijfers: Excel rondt zo'n getal af. Zet de kolom als tekst en typ het OIN opnieuw.");
            return null;
        }

        DateOnly? Datum(string kolom)
        {
            var cel = rij.Cel(kolom);
            if (cel.IsLeeg) return null;
            if (cel.Getal is { } serieel && serieel is >= 1 and < 2_958_466) return DateOnly.FromDateTime(DateTime.FromOADate(serieel));
            if (DateOnly.TryParseExact(cel.Tekst.Trim(), ["yyyy-MM-dd", "d-M-yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum))
                return datum;
            Fout(kolom, "ongeldig-formaat", "Een datum: JJJJ-MM-DD (of D-M-JJJJ).");
            return null;
        }

        int? Geheel(string kolom)
        {
            var cel = rij.Cel(kolom);
            if (cel.IsLeeg) return null;
            if (cel.Getal is { } getal && getal == Math.Floor(getal) && Math.Abs(getal) < int.MaxValue) return (int)getal;
            if (int.TryParse(cel.Tekst.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var waarde)) return waarde;
            Fout(kolom, "ongeldig-formaat", "Een geheel getal.");
            return null;
        }

        bool? JaNee(string kolom)
        {
            var tekst = Tekst(kolom);
            if (tekst is null) return null;
            if (JaNeeWaarde(tekst) is { } waarde) return waarde;
            Fout(kolom, "ongeldig-formaat", "ja of nee.");
            return null;
        }

        var regiopartijen = new List<RegiopartijVerzoek>();
        var regiogroepen = new List<int>();
        for (var n = 1; n <= Importkolommen.Regiopartijen; n++)
        {
            var k = $"regiopartij{n}";
            if (Leeg(rij, $"{k}Oin", $"{k}Naam", $"{k}Soort", $"{k}Ondertekent", $"{k}Contactrol")) continue;
            regiopartijen.Add(new RegiopartijVerzoek(Oin($"{k}Oin"), Tekst($"{k}Naam"), Tekst($"{k}Soort"), JaNee($"{k}Ondertekent") ?? false, Tekst($"{k}Contactrol")));
            regiogroepen.Add(n);
        }

        var werkafspraken = new List<WerkafspraakVerzoek>();
        var werkgroepen = new List<int>();
        for (var n = 1; n <= Importkolommen.Werkafspraken; n++)
        {
            var k = $"werkafspraak{n}";
            if (Leeg(rij, $"{k}Variant", $"{k}Parameters", $"{k}Maatwerk")) continue;
            var variant = Tekst($"{k}Variant");
            var parameters = Parameters(Tekst($"{k}Parameters"), variant is null ? null : varianten.GetValueOrDefault(variant),
                reden => Fout($"{k}Parameters", "ongeldig-formaat", reden));
            werkafspraken.Add(new WerkafspraakVerzoek(variant, parameters, Tekst($"{k}Maatwerk")));
            werkgroepen.Add(n);
        }

        var werkaanbod = new List<WerkaanbodVerzoek>();
        var aanbodgroepen = new List<int>();
        for (var n = 1; n <= Importkolommen.Werkaanbodregels; n++)
        {
            var k = $"werkaanbod{n}";
            if (Leeg(rij, $"{k}Sector", $"{k}Functie", $"{k}Variant", $"{k}Plaatsen", $"{k}Vanaf")) continue;
            werkaanbod.Add(new WerkaanbodVerzoek(Tekst($"{k}Sector"), Tekst($"{k}Functie"), Tekst($"{k}Variant"), Geheel($"{k}Plaatsen"), Datum($"{k}Vanaf")));
            aanbodgroepen.Add(n);
        }

        var verzoek = new AfspraakOpstellenVerzoek(
            Kvk("werkgever"),
            arbeidsmarktregio,
            Tekst("titel"),
            Tekst("werkgeverContactrol"),
            regiopartijen,
            werkafspraken,
            Lijst(Tekst("doelgroepen")),
            Lijst(Tekst("beroepen")),
            new DoelstellingenVerzoek(Geheel("plaatsingenPerJaar"), Geheel("duurzamePlaatsingenPerJaar")),
            new LooptijdVerzoek(Datum("startdatum"), Datum("einddatum")),
            werkaanbod);
        // The kenmerk is the import's own field (no request validator sees it): the limit of an identifier.
        var kenmerk = Tekst("kenmerk");
        if (kenmerk is { Length: > Tekstregels.Standaardgrens })
            Fout("kenmerk", "te-lang", $"Een kenmerk is ten hoogste {Tekstregels.Standaardgrens} tekens (nu {kenmerk.Length}).");
        return new Importregel(rij.Regel, kenmerk, verzoek, new Importgroepen(regiogroepen, werkgroepen, aanbodgroepen), fouten);
    }

    /// <summary>
    /// The column a problem of the request is about. The API names fields by JSON path (werkafspraken[1].parameters.urenPerWeek);
    /// the file has a column per field of each numbered group (werkafspraak2Parameters).
    /// </summary>
    public static string Kolom(string pad, string code, Importgroepen groepen)
    {
        static int Groep(IReadOnlyList<int> groepen, string index) =>
            int.TryParse(index, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < groepen.Count ? groepen[i] : 1;

        if (Lijstpad().Match(pad) is { Success: true } lijst)
        {
            var veld = lijst.Groups[3].Value;
            return lijst.Groups[1].Value switch
            {
                "regiopartijen" => $"regiopartij{Groep(groepen.Regiopartijen, lijst.Groups[2].Value)}{Hoofdletter(veld.Length == 0 ? "oin" : veld)}",
                "werkafspraken" => $"werkafspraak{Groep(groepen.Werkafspraken, lijst.Groups[2].Value)}" + (veld switch
                {
                    "maatwerk" => "Maatwerk",
                    _ when veld.StartsWith("parameters", StringComparison.Ordinal) => "Parameters",
                    _ => "Variant",
                }),
                "werkaanbod" => $"werkaanbod{Groep(groepen.Werkaanbod, lijst.Groups[2].Value)}" + (veld switch
                {
                    "functie" => "Functie",
                    "variantCode" => "Variant",
                    "aantalPlaatsen" => "Plaatsen",
                    "vanaf" => "Vanaf",
                    _ => "Sector",
                }),
                var naam => naam,
            };
        }

        return pad switch
        {
            "regiopartijen" => code == "geen-ondertekenaar" ? $"regiopartij{groepen.Regiopartijen.FirstOrDefault(1)}Ondertekent" : "regiopartij1Oin",
            "werkafspraken" => "werkafspraak1Variant",
            "werkaanbod" => "werkaanbod1Sector",
            "doelstellingen" => "plaatsingenPerJaar",
            "looptijd" => "startdatum",
            _ when pad.StartsWith("doelstellingen.", StringComparison.Ordinal) => pad["doelstellingen.".Length..],
            _ when pad.StartsWith("looptijd.", StringComparison.Ordinal) => pad["looptijd.".Length..],
            _ when pad.StartsWith("doelgroepen", StringComparison.Ordinal) => "doelgroepen",
            _ when pad.StartsWith("beroepen", StringComparison.Ordinal) => "beroepen",
            _ => pad,
        };
    }

    private static string Hoofdletter(string veld) => char.ToUpperInvariant(veld[0]) + veld[1..];

    private static bool Leeg(Importrij rij, params string[] kolommen) => kolommen.All(k => rij.Cel(k).IsLeeg);

    private static List<string> Lijst(string? tekst) =>
        tekst is null ? [] : tekst.Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static bool? JaNeeWaarde(string tekst) => tekst.Trim().ToLowerInvariant() switch
    {
        "ja" or "j" or "true" or "waar" or "1" or "yes" => true,
        "nee" or "n" or "false" or "onwaar" or "0" or "no" => false,
        _ => null,
    };

    /// <summary>
    /// "naam=waarde; naam=waarde", each value as the variant's parameter takes it (a number, ja/nee, a date, text).
    /// A value that does not fit is passed on as text, so that the parameter check names it with the variant's own words.
    /// </summary>
    private static Dictionary<string, JsonElement>? Parameters(string? tekst, Variant? variant, Action<string> fout)
    {
        if (tekst is null) return null;
        var parameters = new Dictionary<string, JsonElement>();
        foreach (var deel in tekst.Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var scheiding = deel.IndexOf('=');
            if (scheiding <= 0)
            {
                fout($"'{(deel.Length > 40 ? deel[..40] : deel)}' is geen naam=waarde.");
                continue;
            }

            var naam = deel[..scheiding].Trim();
            var waarde = deel[(scheiding + 1)..].Trim();
            if (!parameters.TryAdd(naam, Json(waarde, variant?.Parameters.FirstOrDefault(p => p.Naam == naam)?.Type)))
                fout($"Parameter '{naam}' staat er meer dan eens.");
        }

        return parameters;
    }

    private static JsonElement Json(string waarde, Parametertype? type) => type switch
    {
        Parametertype.GeheelGetal when long.TryParse(waarde, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var geheel) =>
            JsonSerializer.SerializeToElement(geheel),
        Parametertype.Decimaal when decimal.TryParse(waarde.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var getal) =>
            JsonSerializer.SerializeToElement(getal),
        Parametertype.JaNee when JaNeeWaarde(waarde) is { } jaNee => JsonSerializer.SerializeToElement(jaNee),
        Parametertype.Datum when DateOnly.TryParseExact(waarde, ["yyyy-MM-dd", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum) =>
            JsonSerializer.SerializeToElement(datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => JsonSerializer.SerializeToElement(waarde),
    };

    [GeneratedRegex(@"^(regiopartijen|werkafspraken|werkaanbod)\[(\d+)\]\.?([A-Za-z]*)")]
    private static partial Regex Lijstpad();
}
