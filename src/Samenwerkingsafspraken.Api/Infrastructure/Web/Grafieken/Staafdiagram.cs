using System.Text;
using Microsoft.AspNetCore.Html;
using static Samenwerkingsafspraken.Infrastructure.Web.Grafieken.Svg;

namespace Samenwerkingsafspraken.Infrastructure.Web.Grafieken;

/// <summary>One category on the horizontal axis (a quarter): a bar per series, and an optional target drawn as a dashed line.</summary>
public sealed record Staafgroep(string Label, IReadOnlyList<decimal> Waarden, decimal? Doel);

/// <summary>Grouped bars with a dashed target per group: results against targets per quarter.</summary>
public static class Staafdiagram
{
    private const double Breedte = 640;
    private const double Hoogte = 260;
    private const double Links = 44;
    private const double Rechts = 12;
    private const double Boven = 16;
    private const double Onder = 36;

    public static IHtmlContent Teken(string id, string titel, string beschrijving, IReadOnlyList<string> reeksen, IReadOnlyList<Staafgroep> groepen)
    {
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"grafiek\" viewBox=\"0 0 {C(Breedte)} {C(Hoogte)}\" role=\"img\" aria-labelledby=\"{id}-titel {id}-beschrijving\" focusable=\"false\">");
        svg.Append($"<title id=\"{id}-titel\">{T(titel)}</title><desc id=\"{id}-beschrijving\">{T(beschrijving)}</desc>");

        var grootste = groepen.SelectMany(g => g.Waarden.Append(g.Doel ?? 0)).DefaultIfEmpty(0).Max();
        var bovengrens = RondeBovengrens(grootste);
        var hoogte = Hoogte - Boven - Onder;
        double Y(decimal waarde) => Boven + hoogte - (double)(waarde / bovengrens) * hoogte;

        foreach (var stap in new[] { 0m, bovengrens / 2, bovengrens })
        {
            svg.Append($"<line class=\"raster\" x1=\"{C(Links)}\" x2=\"{C(Breedte - Rechts)}\" y1=\"{C(Y(stap))}\" y2=\"{C(Y(stap))}\"/>");
            svg.Append($"<text x=\"{C(Links - 6)}\" y=\"{C(Y(stap) + 4)}\" text-anchor=\"end\">{Getal(stap)}</text>");
        }

        var groepbreedte = (Breedte - Links - Rechts) / Math.Max(groepen.Count, 1);
        var staafbreedte = Math.Min(36, groepbreedte * 0.7 / Math.Max(reeksen.Count, 1));
        for (var g = 0; g < groepen.Count; g++)
        {
            var groep = groepen[g];
            var start = Links + g * groepbreedte + (groepbreedte - staafbreedte * reeksen.Count) / 2;
            for (var r = 0; r < reeksen.Count && r < groep.Waarden.Count; r++)
            {
                var waarde = groep.Waarden[r];
                var x = start + r * staafbreedte;
                svg.Append($"<rect class=\"reeks-{r + 1}\" x=\"{C(x + 1)}\" y=\"{C(Y(waarde))}\" width=\"{C(staafbreedte - 2)}\" height=\"{C(Y(0) - Y(waarde))}\"/>");
                svg.Append($"<text x=\"{C(x + staafbreedte / 2)}\" y=\"{C(Y(waarde) - 3)}\" text-anchor=\"middle\">{Getal(waarde)}</text>");
            }

            if (groep.Doel is { } doel)
            {
                svg.Append($"<line class=\"doel\" x1=\"{C(start - 4)}\" x2=\"{C(start + staafbreedte * reeksen.Count + 4)}\" y1=\"{C(Y(doel))}\" y2=\"{C(Y(doel))}\"/>");
            }

            svg.Append($"<text x=\"{C(Links + g * groepbreedte + groepbreedte / 2)}\" y=\"{C(Hoogte - Onder + 18)}\" text-anchor=\"middle\">{T(groep.Label)}</text>");
        }

        svg.Append($"<line class=\"as\" x1=\"{C(Links)}\" x2=\"{C(Breedte - Rechts)}\" y1=\"{C(Y(0))}\" y2=\"{C(Y(0))}\"/>");
        svg.Append("</svg>");
        return Html(svg);
    }
}
