using System.Text.Json;

namespace Samenwerkingsafspraken.Afspraken;

/// <summary>Structural equality of agreement content (records hold lists and JSON values, which compare by reference).</summary>
public static class Inhoudvergelijking
{
    public static bool Gelijk(Afspraakinhoud a, Afspraakinhoud b) =>
        a.Titel == b.Titel
        && a.WerkgeverContactrol == b.WerkgeverContactrol
        && a.Regiopartijen.SequenceEqual(b.Regiopartijen)
        && a.Werkafspraken.Count == b.Werkafspraken.Count
        && a.Werkafspraken.Zip(b.Werkafspraken).All(p => Gelijk(p.First, p.Second))
        && a.Doelgroepen.SequenceEqual(b.Doelgroepen)
        && a.Beroepen.SequenceEqual(b.Beroepen)
        && a.Doelstellingen == b.Doelstellingen
        && a.Looptijd == b.Looptijd
        && a.Werkaanbod.SequenceEqual(b.Werkaanbod);

    public static bool Gelijk(Werkafspraak a, Werkafspraak b) =>
        a.VariantCode == b.VariantCode && a.Maatwerk == b.Maatwerk && GelijkeParameters(a.Parameters, b.Parameters);

    public static bool GelijkeParameters(IReadOnlyDictionary<string, JsonElement> a, IReadOnlyDictionary<string, JsonElement> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var w) && JsonElement.DeepEquals(p.Value, w));
}
