using System.Text.RegularExpressions;
using Samenwerkingsafspraken.Infrastructure.Http;

namespace Samenwerkingsafspraken.Infrastructure.Web.Formulieren;

/// <summary>A field (or group of fields) a form shows: its JSON path in the API's request, its label, and what to say when it is missing.</summary>
public sealed record Veld(string Pad, string Label, string? Verplicht = null)
{
    public string Id => Formulierfouten.Id(Pad);
}

/// <summary>One line of the error summary at the top of a form: the message, and the field it links to (none when it belongs to no field).</summary>
public sealed record Samenvattingsregel(string Tekst, string? Doel);

/// <summary>
/// The problems of a refused command, placed where the user acts. The API names a problem by the JSON path of its
/// field (<c>werkafspraken[1].parameters.urenPerWeek</c>); a form's fields are named by the same paths, so a problem
/// goes to its field, or to the nearest group that holds it (<c>beroepen[3]</c> to the list of occupations). What
/// belongs to no field stays in the summary, which lists every problem and links to the field of each (the NL Design
/// System and GOV.UK pattern).
/// </summary>
public sealed partial class Formulierfouten
{
    public static readonly Formulierfouten Geen = new(new Dictionary<string, List<string>>(), []);

    private readonly IReadOnlyDictionary<string, List<string>> _perVeld;

    private Formulierfouten(IReadOnlyDictionary<string, List<string>> perVeld, IReadOnlyList<Samenvattingsregel> samenvatting)
    {
        _perVeld = perVeld;
        Samenvatting = samenvatting;
    }

    public IReadOnlyList<Samenvattingsregel> Samenvatting { get; }

    public bool Aanwezig => Samenvatting.Count > 0;

    /// <summary>The messages shown beside the field (or group) with this path.</summary>
    public IReadOnlyList<string> Voor(string pad) => _perVeld.TryGetValue(Id(pad), out var berichten) ? berichten : [];

    public bool Heeft(string pad) => _perVeld.ContainsKey(Id(pad));

    /// <summary>The HTML id of a field: its JSON path or its form name, which name the same thing (<c>a[1].b.c</c>, <c>a[1].b[c]</c>).</summary>
    public static string Id(string pad) => "veld-" + pad.Replace("]", "").Replace('[', '-').Replace('.', '-');

    public static Formulierfouten Koppel(IEnumerable<OngeldigeParameter> fouten, IEnumerable<Veld> velden)
    {
        var perId = new Dictionary<string, Veld>();
        foreach (var veld in velden) perId.TryAdd(veld.Id, veld);

        var perVeld = new Dictionary<string, List<string>>();
        var samenvatting = new List<Samenvattingsregel>();
        foreach (var fout in fouten)
        {
            var veld = Zoek(Id(fout.Name), perId);
            var tekst = Bericht(fout, veld);
            if (veld is null)
            {
                if (!samenvatting.Contains(new Samenvattingsregel(tekst, null))) samenvatting.Add(new Samenvattingsregel(tekst, null));
                continue;
            }

            var berichten = perVeld.TryGetValue(veld.Id, out var lijst) ? lijst : perVeld[veld.Id] = [];
            if (berichten.Contains(tekst)) continue;
            berichten.Add(tekst);
            samenvatting.Add(new Samenvattingsregel(tekst, veld.Id));
        }

        return new Formulierfouten(perVeld, samenvatting);
    }

    /// <summary>Problems the form found itself (text that is no number or date) go first; the command's problems for the same fields after them.</summary>
    public static IReadOnlyList<OngeldigeParameter> Samen(IReadOnlyList<OngeldigeParameter> eigen, IReadOnlyList<OngeldigeParameter> vanOpdracht)
    {
        var paden = eigen.Select(f => Id(f.Name)).ToHashSet();
        return [.. eigen, .. vanOpdracht.Where(f => !paden.Contains(Id(f.Name)))];
    }

    /// <summary>The field itself, else the nearest enclosing group the form shows.</summary>
    private static Veld? Zoek(string id, IReadOnlyDictionary<string, Veld> perId)
    {
        for (var kandidaat = id; kandidaat.Length > "veld-".Length; )
        {
            if (perId.TryGetValue(kandidaat, out var veld)) return veld;
            var streep = kandidaat.LastIndexOf('-');
            if (streep <= "veld".Length) break;
            kandidaat = kandidaat[..streep];
        }

        return null;
    }

    /// <summary>
    /// The API's message, said about the form's field: a missing value in the form's own words, and the field's label
    /// where the API named its JSON key.
    /// </summary>
    private static string Bericht(OngeldigeParameter fout, Veld? veld)
    {
        if (veld is null) return fout.Reason;
        if (fout.Code == "verplicht" && Id(fout.Name) == veld.Id) return veld.Verplicht ?? $"Vul {Kleineletter(veld.Label)} in.";
        return Aanhalingsteken().Replace(fout.Reason, veld.Label, 1);
    }

    private static string Kleineletter(string label) => label.Length > 1 && !char.IsUpper(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;

    [GeneratedRegex("^'[^']+'")]
    private static partial Regex Aanhalingsteken();
}
