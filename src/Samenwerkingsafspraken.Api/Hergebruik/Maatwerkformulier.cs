using System.Text.Json;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Varianten;

namespace Samenwerkingsafspraken.Hergebruik;

/// <summary>A werkafspraak of the source agreement as the form shows it: its values, which the person may change, remove, with a reason.</summary>
public sealed class Bronwerkafspraakrij
{
    public Dictionary<string, string?> Parameters { get; set; } = new();
    public string? Maatwerk { get; set; }
    public bool Verwijderen { get; set; }
    public string? Reden { get; set; }
}

/// <summary>A werkafspraak the region (or the employer) adds, with a reason.</summary>
public sealed class Nieuwewerkafspraakrij
{
    public string? VariantCode { get; set; }
    public Dictionary<string, string?> Parameters { get; set; } = new();
    public string? Maatwerk { get; set; }
    public string? Reden { get; set; }
}

/// <summary>
/// Maatwerk as a person makes it: the source's werkafspraken with their values in fields, changed in place, each with
/// a reason, and werkafspraken added from the catalogue. The form turns every change into the explicit difference
/// the API takes (a parameter, the tailoring text, removed, added), each with the reason of its werkafspraak, and
/// maps the command's problems (<c>maatwerk[3].waarde</c>, <c>werkafspraken[1].parameters.x</c>) back to the fields
/// they came from.
/// </summary>
public sealed class Maatwerkformulier
{
    public List<Bronwerkafspraakrij> Bron { get; set; } = [];
    public List<Nieuwewerkafspraakrij> Nieuw { get; set; } = [];

    /// <summary>The variant chosen to add.</summary>
    public string? NieuweVariant { get; set; }

    /// <summary>The source's values in the fields; a proposal of the employer filled in where there is one, with its reason.</summary>
    public static Maatwerkformulier Van(IReadOnlyList<Werkafspraak> bron, IReadOnlyList<Maatwerkvoorstel>? voorstellen = null)
    {
        var formulier = new Maatwerkformulier
        {
            Bron = bron.Select(w => new Bronwerkafspraakrij
            {
                Parameters = w.Parameters.ToDictionary(p => p.Key, p => Invoer.AlsTekst(p.Value)), Maatwerk = w.Maatwerk,
            }).ToList(),
        };

        foreach (var voorstel in voorstellen ?? [])
        {
            if (voorstel.Soort == "toegevoegd")
            {
                formulier.Nieuw.Add(new Nieuwewerkafspraakrij
                {
                    VariantCode = voorstel.VariantCode, Parameters = (voorstel.Parameters ?? new Dictionary<string, JsonElement>()).ToDictionary(p => p.Key, p => Invoer.AlsTekst(p.Value)),
                    Maatwerk = voorstel.Maatwerk, Reden = voorstel.Reden,
                });
                continue;
            }

            var positie = Positie(bron, voorstel.VariantCode, 1);
            if (positie < 0) continue;
            var rij = formulier.Bron[positie];
            rij.Reden = string.IsNullOrWhiteSpace(rij.Reden) ? voorstel.Reden : $"{rij.Reden} {voorstel.Reden}";
            switch (voorstel.Soort)
            {
                case "verwijderd":
                    rij.Verwijderen = true;
                    break;
                case "maatwerk":
                    rij.Maatwerk = voorstel.Maatwerk;
                    break;
                case "parameter" when voorstel.Parameter is { } parameter:
                    rij.Parameters[parameter] = Invoer.AlsTekst(voorstel.Waarde);
                    break;
            }
        }

        return formulier;
    }

    public bool Bewerk(string? actie, IReadOnlyDictionary<string, Variant> varianten, out string? fout)
    {
        fout = null;
        switch (actie)
        {
            case "maatwerk-toevoegen":
                if (NieuweVariant is null || !varianten.TryGetValue(NieuweVariant, out var variant) || !variant.IsActief)
                {
                    fout = "Kies de variant van de werkafspraak die u wilt toevoegen.";
                    return true;
                }

                Nieuw.Add(new Nieuwewerkafspraakrij { VariantCode = variant.Code, Parameters = variant.Parameters.ToDictionary(p => p.Naam, p => Invoer.AlsTekst(p.Standaard)) });
                NieuweVariant = null;
                return true;
            case { } a when a.StartsWith("maatwerk-verwijderen-", StringComparison.Ordinal):
                if (int.TryParse(a["maatwerk-verwijderen-".Length..], out var i) && i >= 0 && i < Nieuw.Count) Nieuw.RemoveAt(i);
                return true;
            default:
                return false;
        }
    }

    /// <summary>One change as the API takes it, and the form field each of its parts came from.</summary>
    private sealed record Wijziging(MaatwerkVerzoek Verzoek, string Rij, string? Waardeveld);

    /// <summary>
    /// The changes against the source as the API's maatwerk list, with the form's own problems (text that is no
    /// number). A werkafspraak left as it was gives no change.
    /// </summary>
    public (IReadOnlyList<MaatwerkVerzoek> Maatwerk, IReadOnlyList<OngeldigeParameter> Fouten) NaarVerzoek(IReadOnlyList<Werkafspraak> bron,
        IReadOnlyDictionary<string, Variant> varianten)
    {
        var (wijzigingen, fouten) = Wijzigingen(bron, varianten);
        return (wijzigingen.Select(w => w.Verzoek).ToList(), fouten);
    }

    private (List<Wijziging> Wijzigingen, IReadOnlyList<OngeldigeParameter> Fouten) Wijzigingen(IReadOnlyList<Werkafspraak> bron,
        IReadOnlyDictionary<string, Variant> varianten)
    {
        var invoer = new Invoer();
        var wijzigingen = new List<Wijziging>();
        for (var i = 0; i < bron.Count && i < Bron.Count; i++)
        {
            var w = bron[i];
            var rij = Bron[i];
            var pad = $"bron[{i}]";
            var volgnummer = bron.Take(i + 1).Count(x => x.VariantCode == w.VariantCode);
            var reden = rij.Reden;
            if (rij.Verwijderen)
            {
                wijzigingen.Add(new Wijziging(new MaatwerkVerzoek(w.VariantCode, volgnummer, "verwijderd", null, null, null, null, reden), pad, null));
                continue;
            }

            var variant = varianten.GetValueOrDefault(w.VariantCode);
            foreach (var (naam, tekst) in rij.Parameters)
            {
                var definitie = variant?.Parameters.FirstOrDefault(p => p.Naam == naam);
                var veld = $"{pad}.parameters[{naam}]";
                var waarde = definitie is null
                    ? string.IsNullOrWhiteSpace(tekst) ? (JsonElement?)null : JsonSerializer.SerializeToElement(tekst.Trim())
                    : invoer.Parameter(veld, definitie, tekst);
                JsonElement? oud = w.Parameters.TryGetValue(naam, out var o) ? o : null;
                if (waarde is null && oud is null) continue;
                if (waarde is { } nieuw && oud is { } vorig && JsonElement.DeepEquals(nieuw, vorig)) continue;
                if (waarde is null)
                {
                    invoer.Fout(veld, "verplicht", "Een parameter van de bron kan niet leeg worden; verwijder de werkafspraak als zij niet meer geldt.");
                    continue;
                }

                wijzigingen.Add(new Wijziging(new MaatwerkVerzoek(w.VariantCode, volgnummer, "parameter", naam, waarde, null, null, reden), pad, veld));
            }

            var tekstNu = string.IsNullOrWhiteSpace(rij.Maatwerk) ? null : rij.Maatwerk.Trim();
            if (tekstNu != w.Maatwerk)
            {
                wijzigingen.Add(new Wijziging(new MaatwerkVerzoek(w.VariantCode, volgnummer, "maatwerk", null, null, null, tekstNu, reden), pad, $"{pad}.maatwerk"));
            }
        }

        for (var j = 0; j < Nieuw.Count; j++)
        {
            var rij = Nieuw[j];
            var pad = $"nieuw[{j}]";
            var variant = rij.VariantCode is not null ? varianten.GetValueOrDefault(rij.VariantCode) : null;
            var parameters = new Dictionary<string, JsonElement>();
            foreach (var (naam, tekst) in rij.Parameters)
            {
                var definitie = variant?.Parameters.FirstOrDefault(p => p.Naam == naam);
                var waarde = definitie is null ? null : invoer.Parameter($"{pad}.parameters[{naam}]", definitie, tekst);
                if (waarde is { } gegeven) parameters[naam] = gegeven;
            }

            wijzigingen.Add(new Wijziging(new MaatwerkVerzoek(rij.VariantCode, null, "toegevoegd", null, null, parameters, rij.Maatwerk, rij.Reden), pad, null));
        }

        return (wijzigingen, invoer.Fouten);
    }

    /// <summary>
    /// A problem the command named by the API's paths, named by the form's field: <c>{lijst}[k].…</c> is the k-th change,
    /// <c>werkafspraken[m].…</c> the m-th werkafspraak of the result (the source's that stay, then the added ones).
    /// </summary>
    public IReadOnlyList<OngeldigeParameter> NaarVelden(IReadOnlyList<OngeldigeParameter> fouten, string lijst, IReadOnlyList<Werkafspraak> bron,
        IReadOnlyDictionary<string, Variant> varianten)
    {
        var (wijzigingen, _) = Wijzigingen(bron, varianten);
        var resultaat = Enumerable.Range(0, Math.Min(bron.Count, Bron.Count)).Where(i => !Bron[i].Verwijderen).Select(i => $"bron[{i}]")
            .Concat(Enumerable.Range(0, Nieuw.Count).Select(j => $"nieuw[{j}]")).ToList();
        return fouten.Select(f => f with { Name = Veld(f.Name) }).ToList();

        string Veld(string naam)
        {
            if (naam.StartsWith(lijst + "[", StringComparison.Ordinal) && Index(naam, lijst.Length + 1) is { } wijziging && wijziging.Index < wijzigingen.Count)
            {
                var w = wijzigingen[wijziging.Index];
                var rest = wijziging.Verder;
                return rest switch
                {
                    "reden" => $"{w.Rij}.reden",
                    "waarde" or "parameter" => w.Waardeveld ?? w.Rij,
                    "maatwerk" => $"{w.Rij}.maatwerk",
                    _ when rest.StartsWith("parameters.", StringComparison.Ordinal) => $"{w.Rij}.parameters[{rest["parameters.".Length..]}]",
                    _ => w.Rij,
                };
            }

            if (naam.StartsWith("werkafspraken[", StringComparison.Ordinal) && Index(naam, "werkafspraken[".Length) is { } uitkomst && uitkomst.Index < resultaat.Count)
            {
                var (m, verder) = uitkomst;
                return verder.StartsWith("parameters.", StringComparison.Ordinal) ? $"{resultaat[m]}.parameters[{verder["parameters.".Length..]}]" : resultaat[m];
            }

            return naam == lijst ? "maatwerk" : naam;
        }
    }

    private static (int Index, string Verder)? Index(string naam, int start)
    {
        var einde = naam.IndexOf(']', start);
        if (einde < 0 || !int.TryParse(naam[start..einde], out var index)) return null;
        var rest = einde + 1 < naam.Length && naam[einde + 1] == '.' ? naam[(einde + 2)..] : "";
        return (index, rest);
    }

    public IEnumerable<Veld> Velden(IReadOnlyList<Werkafspraak> bron, IReadOnlyDictionary<string, Variant> varianten)
    {
        yield return new Veld("maatwerk", "Maatwerk");
        for (var i = 0; i < bron.Count; i++)
        {
            yield return new Veld($"bron[{i}]", $"Werkafspraak {i + 1}");
            foreach (var p in varianten.GetValueOrDefault(bron[i].VariantCode)?.Parameters ?? [])
                yield return new Veld($"bron[{i}].parameters[{p.Naam}]", Invoer.Parameterlabel(p));
            yield return new Veld($"bron[{i}].maatwerk", "Lokaal maatwerk");
            yield return new Veld($"bron[{i}].reden", "Reden van de wijziging", "Geef de reden van deze wijziging.");
        }

        for (var j = 0; j < Nieuw.Count; j++)
        {
            yield return new Veld($"nieuw[{j}]", $"Toegevoegde werkafspraak {j + 1}");
            foreach (var p in Nieuw[j].VariantCode is { } code ? varianten.GetValueOrDefault(code)?.Parameters ?? [] : [])
                yield return new Veld($"nieuw[{j}].parameters[{p.Naam}]", Invoer.Parameterlabel(p));
            yield return new Veld($"nieuw[{j}].maatwerk", "Lokaal maatwerk");
            yield return new Veld($"nieuw[{j}].reden", "Reden van de toevoeging", "Geef de reden van deze toevoeging.");
        }

        yield return new Veld("nieuweVariant", "Variant");
    }

    public IEnumerable<(string Naam, string? Waarde)> AlsVerborgenVelden()
    {
        for (var i = 0; i < Bron.Count; i++)
        {
            foreach (var (naam, waarde) in Bron[i].Parameters) yield return ($"bron[{i}].parameters[{naam}]", waarde);
            yield return ($"bron[{i}].maatwerk", Bron[i].Maatwerk);
            if (Bron[i].Verwijderen) yield return ($"bron[{i}].verwijderen", "true");
            yield return ($"bron[{i}].reden", Bron[i].Reden);
        }

        for (var j = 0; j < Nieuw.Count; j++)
        {
            yield return ($"nieuw[{j}].variantCode", Nieuw[j].VariantCode);
            foreach (var (naam, waarde) in Nieuw[j].Parameters) yield return ($"nieuw[{j}].parameters[{naam}]", waarde);
            yield return ($"nieuw[{j}].maatwerk", Nieuw[j].Maatwerk);
            yield return ($"nieuw[{j}].reden", Nieuw[j].Reden);
        }
    }

    private static int Positie(IReadOnlyList<Werkafspraak> werkafspraken, string variantCode, int volgnummer)
    {
        var gezien = 0;
        for (var i = 0; i < werkafspraken.Count; i++)
        {
            if (werkafspraken[i].VariantCode == variantCode && ++gezien == volgnummer) return i;
        }

        return -1;
    }
}

/// <summary>What the maatwerk editor's partial view shows.</summary>
public sealed record Maatwerkweergave(Maatwerkformulier Formulier, IReadOnlyList<Werkafspraak> Bron, Formulierfouten Fouten, IReadOnlyDictionary<string, Variant> Varianten);
