using System.Text.Json;
using Samenwerkingsafspraken.Infrastructure;

namespace Samenwerkingsafspraken.Afspraken.Verschillen;

/// <summary>One field that differs: its path, and the old and new value as JSON (absent when there was none).</summary>
public sealed record Veldverschil(string Veld, JsonElement? Oud, JsonElement? Nieuw);

public sealed record GewijzigdeWerkafspraak(string VariantCode, int Volgnummer, IReadOnlyList<Veldverschil> Velden);

public sealed record Werkafspraakverschillen(
    IReadOnlyList<Werkafspraak> Toegevoegd, IReadOnlyList<Werkafspraak> Verwijderd, IReadOnlyList<GewijzigdeWerkafspraak> Gewijzigd);

public sealed record Regiopartijverschillen(IReadOnlyList<Regiopartij> Toegevoegd, IReadOnlyList<Regiopartij> Verwijderd, IReadOnlyList<Veldverschil> Gewijzigd);

/// <summary>The structured difference between two versions of one agreement.</summary>
public sealed record Afspraakverschillen(
    Guid Id,
    long Van,
    long Tot,
    bool Gelijk,
    IReadOnlyList<Veldverschil> Velden,
    Werkafspraakverschillen Werkafspraken,
    Regiopartijverschillen Regiopartijen,
    IReadOnlyList<Veldverschil> Resultaten);

/// <summary>
/// Compares two states of an agreement: the plain fields (title, targets, period, status, …) one by one; werkafspraken
/// matched by variant and occurrence (the second praktijkroute with the second), compared parameter by parameter;
/// public parties matched by OIN; results per period.
/// </summary>
public static class Afspraakvergelijking
{
    public static Afspraakverschillen Tussen(Samenwerkingsafspraak van, Samenwerkingsafspraak tot)
    {
        var velden = new List<Veldverschil>();
        void Vergelijk<T>(string veld, T oud, T nieuw)
        {
            var a = Json(oud);
            var b = Json(nieuw);
            if (!JsonElement.DeepEquals(a, b)) velden.Add(new Veldverschil(veld, Leeg(a), Leeg(b)));
        }

        Vergelijk("status", van.Status, tot.Status);
        Vergelijk("titel", van.Inhoud.Titel, tot.Inhoud.Titel);
        Vergelijk("werkgeverContactrol", van.Inhoud.WerkgeverContactrol, tot.Inhoud.WerkgeverContactrol);
        Vergelijk("doelstellingen.plaatsingenPerJaar", van.Inhoud.Doelstellingen.PlaatsingenPerJaar, tot.Inhoud.Doelstellingen.PlaatsingenPerJaar);
        Vergelijk("doelstellingen.duurzamePlaatsingenPerJaar", van.Inhoud.Doelstellingen.DuurzamePlaatsingenPerJaar, tot.Inhoud.Doelstellingen.DuurzamePlaatsingenPerJaar);
        Vergelijk("looptijd.startdatum", van.Inhoud.Looptijd.Startdatum, tot.Inhoud.Looptijd.Startdatum);
        Vergelijk("looptijd.einddatum", van.Inhoud.Looptijd.Einddatum, tot.Inhoud.Looptijd.Einddatum);
        Vergelijk("doelgroepen", van.Inhoud.Doelgroepen, tot.Inhoud.Doelgroepen);
        Vergelijk("beroepen", van.Inhoud.Beroepen, tot.Inhoud.Beroepen);
        Vergelijk("werkaanbod", van.Inhoud.Werkaanbod, tot.Inhoud.Werkaanbod);
        Vergelijk("vervullingen", van.Vervullingen.Select(v => new { v.Periode, v.Regels }), tot.Vervullingen.Select(v => new { v.Periode, v.Regels }));
        Vergelijk("actiefVanaf", van.ActiefVanaf, tot.ActiefVanaf);
        Vergelijk("ondertekening.inhoudVersie", van.InhoudVersie, tot.InhoudVersie);
        Vergelijk("ondertekening.gezet", van.Ondertekeningen.Select(o => o.Partij.Identificatie), tot.Ondertekeningen.Select(o => o.Partij.Identificatie));
        Vergelijk("evaluaties.aantal", van.Evaluaties.Count, tot.Evaluaties.Count);
        Vergelijk("beeindiging", van.Beeindiging, tot.Beeindiging);
        Vergelijk("verlopenOp", van.VerlopenOp, tot.VerlopenOp);

        var werkafspraken = Werkafspraken(van.Inhoud.Werkafspraken, tot.Inhoud.Werkafspraken);
        var regiopartijen = Regiopartijen(van.Inhoud.Regiopartijen, tot.Inhoud.Regiopartijen);
        var resultaten = Resultaten(van.Resultaten, tot.Resultaten);
        var gelijk = velden.Count == 0 && werkafspraken is { Toegevoegd.Count: 0, Verwijderd.Count: 0, Gewijzigd.Count: 0 }
                     && regiopartijen is { Toegevoegd.Count: 0, Verwijderd.Count: 0, Gewijzigd.Count: 0 } && resultaten.Count == 0;
        return new Afspraakverschillen(van.Id, van.Version, tot.Version, gelijk, velden, werkafspraken, regiopartijen, resultaten);
    }

    private static Werkafspraakverschillen Werkafspraken(IReadOnlyList<Werkafspraak> van, IReadOnlyList<Werkafspraak> tot)
    {
        var oud = Genummerd(van);
        var nieuw = Genummerd(tot);
        var gewijzigd = new List<GewijzigdeWerkafspraak>();
        foreach (var (sleutel, a) in oud)
        {
            if (!nieuw.TryGetValue(sleutel, out var b)) continue;
            var velden = new List<Veldverschil>();
            foreach (var parameter in a.Parameters.Keys.Union(b.Parameters.Keys).Order(StringComparer.Ordinal))
            {
                JsonElement? x = a.Parameters.TryGetValue(parameter, out var px) ? px : null;
                JsonElement? y = b.Parameters.TryGetValue(parameter, out var py) ? py : null;
                if (x is null || y is null ? x is not null || y is not null : !JsonElement.DeepEquals(x.Value, y.Value))
                {
                    velden.Add(new Veldverschil($"parameters.{parameter}", x, y));
                }
            }

            if (a.Maatwerk != b.Maatwerk) velden.Add(new Veldverschil("maatwerk", Leeg(Json(a.Maatwerk)), Leeg(Json(b.Maatwerk))));
            if (velden.Count > 0) gewijzigd.Add(new GewijzigdeWerkafspraak(sleutel.Code, sleutel.Volgnummer, velden));
        }

        return new Werkafspraakverschillen(
            nieuw.Where(p => !oud.ContainsKey(p.Key)).Select(p => p.Value).ToList(),
            oud.Where(p => !nieuw.ContainsKey(p.Key)).Select(p => p.Value).ToList(),
            gewijzigd);
    }

    private static Dictionary<(string Code, int Volgnummer), Werkafspraak> Genummerd(IReadOnlyList<Werkafspraak> werkafspraken)
    {
        var genummerd = new Dictionary<(string, int), Werkafspraak>();
        foreach (var groep in werkafspraken.GroupBy(w => w.VariantCode))
        {
            var volgnummer = 0;
            foreach (var w in groep) genummerd[(groep.Key, ++volgnummer)] = w;
        }

        return genummerd;
    }

    private static Regiopartijverschillen Regiopartijen(IReadOnlyList<Regiopartij> van, IReadOnlyList<Regiopartij> tot)
    {
        var oud = van.ToDictionary(p => p.Oin);
        var nieuw = tot.ToDictionary(p => p.Oin);
        var gewijzigd = oud.Where(p => nieuw.TryGetValue(p.Key, out var b) && b != p.Value)
            .Select(p => new Veldverschil($"regiopartijen[{p.Key}]", Json(p.Value), Json(nieuw[p.Key]))).ToList();
        return new Regiopartijverschillen(tot.Where(p => !oud.ContainsKey(p.Oin)).ToList(), van.Where(p => !nieuw.ContainsKey(p.Oin)).ToList(), gewijzigd);
    }

    private static List<Veldverschil> Resultaten(IReadOnlyList<Perioderesultaat> van, IReadOnlyList<Perioderesultaat> tot)
    {
        var oud = van.ToDictionary(r => r.Periode, r => r.Resultaten);
        var nieuw = tot.ToDictionary(r => r.Periode, r => r.Resultaten);
        return oud.Keys.Union(nieuw.Keys).Order(StringComparer.Ordinal)
            .Where(p => !oud.TryGetValue(p, out var a) || !nieuw.TryGetValue(p, out var b) || a != b)
            .Select(p => new Veldverschil($"resultaten[{p}]", oud.TryGetValue(p, out var a) ? Json(a) : null, nieuw.TryGetValue(p, out var b) ? Json(b) : null))
            .ToList();
    }

    private static JsonElement Json<T>(T waarde) => JsonSerializer.SerializeToElement(waarde, Infrastructure.Json.Options);

    private static JsonElement? Leeg(JsonElement waarde) => waarde.ValueKind == JsonValueKind.Null ? null : waarde;
}
