using System.Text.Json;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Varianten;

namespace Samenwerkingsafspraken.Hergebruik;

/// <summary>One local change to the source's werkafspraken, with its reason.</summary>
public sealed record MaatwerkVerzoek(
    string? VariantCode, int? Volgnummer, string? Soort, string? Parameter, JsonElement? Waarde, Dictionary<string, JsonElement>? Parameters,
    string? Maatwerk, string? Reden);

/// <summary>
/// Applies local changes to the werkafspraken of a source agreement: change a parameter, change the tailoring text,
/// add a werkafspraak, remove one. Every change is recorded as an explicit difference with its reason, and the result
/// is checked against the catalogue as it is now.
/// </summary>
public static class Maatwerk
{
    public static readonly IReadOnlyList<string> Soorten = ["parameter", "maatwerk", "toegevoegd", "verwijderd"];

    public sealed record Uitkomst(IReadOnlyList<Werkafspraak> Werkafspraken, IReadOnlyList<Maatwerkverschil> Verschillen, IReadOnlyList<OngeldigeParameter> Fouten);

    public static Uitkomst PasToe(IReadOnlyList<Werkafspraak> bron, IReadOnlyList<MaatwerkVerzoek> wijzigingen, Referentiekader kader, string veld = "maatwerk")
    {
        var werkafspraken = bron.ToList();
        var verschillen = new List<Maatwerkverschil>();
        var fouten = new List<OngeldigeParameter>();

        for (var i = 0; i < wijzigingen.Count; i++)
        {
            var w = wijzigingen[i];
            var pad = $"{veld}[{i}]";
            if (w is null)
            {
                fouten.Add(new OngeldigeParameter(pad, "verplicht", "Een maatwerkwijziging is leeg."));
                continue;
            }

            void Fout(string sub, string code, string reden) => fouten.Add(new OngeldigeParameter($"{pad}.{sub}", code, reden));

            if (string.IsNullOrWhiteSpace(w.Reden) || w.Reden.Length > Grenzen.Reden) Fout("reden", "verplicht", "Elke wijziging heeft een reden (ten hoogste 2000 tekens).");
            if (string.IsNullOrWhiteSpace(w.VariantCode)) { Fout("variantCode", "verplicht", "Noem de werkafspraak (variantCode)."); continue; }
            if (w.Soort is null || !Soorten.Contains(w.Soort)) { Fout("soort", "onbekende-waarde", $"Soort is een van: {string.Join(", ", Soorten)}."); continue; }
            var reden = w.Reden?.Trim() ?? "";

            if (w.Soort == "toegevoegd")
            {
                if (!kader.Varianten.TryGetValue(w.VariantCode, out var nieuw) || !nieuw.IsActief)
                {
                    Fout("variantCode", "onbekende-variant", $"Variant '{w.VariantCode}' staat niet (meer) in de catalogus.");
                    continue;
                }

                foreach (var f in Parametercontrole.Controleer(nieuw, w.Parameters)) Fout($"parameters.{f.Parameter}", f.Code, f.Reden);
                if (w.Maatwerk is { Length: > Grenzen.Maatwerk }) Fout("maatwerk", "te-lang", $"Maatwerk is ten hoogste {Grenzen.Maatwerk} tekens.");
                var werkafspraak = new Werkafspraak(w.VariantCode, nieuw.MetStandaardwaarden(w.Parameters), string.IsNullOrWhiteSpace(w.Maatwerk) ? null : w.Maatwerk.Trim());
                werkafspraken.Add(werkafspraak);
                verschillen.Add(new Maatwerkverschil(w.VariantCode, "toegevoegd", null, null, JsonSerializer.SerializeToElement(werkafspraak, Json.Options), reden));
                continue;
            }

            var positie = Positie(werkafspraken, w.VariantCode, w.Volgnummer ?? 1);
            if (positie < 0)
            {
                Fout("variantCode", "onbekende-werkafspraak", $"De afspraak heeft geen werkafspraak '{w.VariantCode}' (volgnummer {w.Volgnummer ?? 1}).");
                continue;
            }

            var huidig = werkafspraken[positie];
            switch (w.Soort)
            {
                case "verwijderd":
                    werkafspraken.RemoveAt(positie);
                    verschillen.Add(new Maatwerkverschil(huidig.VariantCode, "verwijderd", null, JsonSerializer.SerializeToElement(huidig, Json.Options), null, reden));
                    break;
                case "maatwerk":
                    if (w.Maatwerk is { Length: > Grenzen.Maatwerk }) Fout("maatwerk", "te-lang", $"Maatwerk is ten hoogste {Grenzen.Maatwerk} tekens.");
                    var tekst = string.IsNullOrWhiteSpace(w.Maatwerk) ? null : w.Maatwerk.Trim();
                    werkafspraken[positie] = huidig with { Maatwerk = tekst };
                    verschillen.Add(new Maatwerkverschil(huidig.VariantCode, "maatwerk", null, Tekst(huidig.Maatwerk), Tekst(tekst), reden));
                    break;
                default:
                    if (string.IsNullOrWhiteSpace(w.Parameter) || w.Waarde is not { } waarde)
                    {
                        Fout("parameter", "verplicht", "Een parameterwijziging noemt de parameter en de nieuwe waarde.");
                        break;
                    }

                    var parameters = new Dictionary<string, JsonElement>(huidig.Parameters) { [w.Parameter] = waarde.Clone() };
                    if (kader.Varianten.TryGetValue(huidig.VariantCode, out var variant))
                    {
                        foreach (var f in Parametercontrole.Controleer(variant, parameters).Where(f => f.Parameter == w.Parameter))
                            Fout("waarde", f.Code, f.Reden);
                    }

                    werkafspraken[positie] = huidig with { Parameters = parameters };
                    verschillen.Add(new Maatwerkverschil(huidig.VariantCode, "parameter", w.Parameter,
                        huidig.Parameters.TryGetValue(w.Parameter, out var oud) ? oud : null, waarde.Clone(), reden));
                    break;
            }
        }

        if (werkafspraken.Count == 0) fouten.Add(new OngeldigeParameter(veld, "geen-werkafspraken", "Na het maatwerk blijft geen werkafspraak over."));
        return new Uitkomst(werkafspraken, verschillen, fouten);
    }

    /// <summary>Every werkafspraak of an agreement to be started must be agreeable under today's catalogue.</summary>
    public static IReadOnlyList<OngeldigeParameter> ControleerTegenCatalogus(IReadOnlyList<Werkafspraak> werkafspraken, Referentiekader kader)
    {
        var fouten = new List<OngeldigeParameter>();
        for (var i = 0; i < werkafspraken.Count; i++)
        {
            var w = werkafspraken[i];
            if (!kader.Varianten.TryGetValue(w.VariantCode, out var variant) || !variant.IsActief)
            {
                fouten.Add(new OngeldigeParameter($"werkafspraken[{i}].variantCode", "variant-uitgefaseerd",
                    $"Variant '{w.VariantCode}' is uitgefaseerd: verwijder of vervang deze werkafspraak als maatwerk."));
                continue;
            }

            foreach (var f in Parametercontrole.Controleer(variant, w.Parameters))
            {
                fouten.Add(new OngeldigeParameter($"werkafspraken[{i}].parameters.{f.Parameter}", f.Code,
                    $"{f.Reden} (de catalogus is gewijzigd sinds de bronafspraak: pas dit aan als maatwerk)."));
            }
        }

        return fouten;
    }

    private static int Positie(List<Werkafspraak> werkafspraken, string variantCode, int volgnummer)
    {
        var gezien = 0;
        for (var i = 0; i < werkafspraken.Count; i++)
        {
            if (werkafspraken[i].VariantCode == variantCode && ++gezien == volgnummer) return i;
        }

        return -1;
    }

    private static JsonElement? Tekst(string? tekst) => tekst is null ? null : JsonSerializer.SerializeToElement(tekst);
}
