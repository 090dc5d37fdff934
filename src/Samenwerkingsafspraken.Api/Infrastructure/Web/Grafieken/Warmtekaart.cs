using System.Text;
using Microsoft.AspNetCore.Html;
using static Samenwerkingsafspraken.Infrastructure.Web.Grafieken.Svg;

namespace Samenwerkingsafspraken.Infrastructure.Web.Grafieken;

/// <summary>A cell of the heat map: its count, where it leads, and what it says to a screen reader.</summary>
public sealed record Warmtecel(int Waarde, string? Adres, string Omschrijving);

/// <summary>
/// Rows × columns of counts, darker for more, each non-empty cell a link. Not an image to assistive technology but a
/// group of links, each with its own name; the same counts are in a table beside it.
/// </summary>
public static class Warmtekaart
{
    private const double Labelbreedte = 230;
    private const double Kopregel = 30;
    private const double Cel = 38;
    private const double Celhoogte = 30;

    public static IHtmlContent Teken(string id, string titel, IReadOnlyList<string> rijen, IReadOnlyList<string> kolommen, Func<int, int, Warmtecel> cel)
    {
        var grootste = 0;
        for (var r = 0; r < rijen.Count; r++)
        for (var k = 0; k < kolommen.Count; k++)
            grootste = Math.Max(grootste, cel(r, k).Waarde);

        var breedte = Labelbreedte + kolommen.Count * Cel + 4;
        var hoogte = Kopregel + rijen.Count * Celhoogte + 4;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"grafiek warmtekaart\" viewBox=\"0 0 {C(breedte)} {C(hoogte)}\" width=\"{C(breedte)}\" role=\"group\" aria-labelledby=\"{id}-titel\">");
        svg.Append($"<title id=\"{id}-titel\">{T(titel)}</title>");
        for (var k = 0; k < kolommen.Count; k++)
        {
            svg.Append($"<text x=\"{C(Labelbreedte + k * Cel + Cel / 2)}\" y=\"{C(Kopregel - 10)}\" text-anchor=\"middle\" aria-hidden=\"true\">{T(kolommen[k])}</text>");
        }

        for (var r = 0; r < rijen.Count; r++)
        {
            var y = Kopregel + r * Celhoogte;
            svg.Append($"<text x=\"{C(Labelbreedte - 8)}\" y=\"{C(y + Celhoogte / 2 + 4)}\" text-anchor=\"end\" aria-hidden=\"true\">{T(Afgekort(rijen[r], 32))}</text>");
            for (var k = 0; k < kolommen.Count; k++)
            {
                var c = cel(r, k);
                var niveau = c.Waarde == 0 || grootste == 0 ? 0 : (int)Math.Ceiling(5.0 * c.Waarde / grootste);
                var x = Labelbreedte + k * Cel;
                var inhoud = $"<rect x=\"{C(x)}\" y=\"{C(y)}\" width=\"{C(Cel)}\" height=\"{C(Celhoogte)}\"/>" +
                             (c.Waarde == 0 ? "" : $"<text x=\"{C(x + Cel / 2)}\" y=\"{C(y + Celhoogte / 2 + 4)}\" text-anchor=\"middle\">{c.Waarde}</text>");
                svg.Append(c.Waarde > 0 && c.Adres is not null
                    ? $"<a class=\"warmte warmte-{niveau}\" href=\"{T(c.Adres)}\" aria-label=\"{T(c.Omschrijving)}\">{inhoud}</a>"
                    : $"<g class=\"warmte warmte-{niveau}\" aria-hidden=\"true\">{inhoud}</g>");
            }
        }

        svg.Append("</svg>");
        return Html(svg);
    }
}
