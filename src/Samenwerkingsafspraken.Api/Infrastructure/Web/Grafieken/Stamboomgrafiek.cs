using System.Text;
using Microsoft.AspNetCore.Html;
using static Samenwerkingsafspraken.Infrastructure.Web.Grafieken.Svg;

namespace Samenwerkingsafspraken.Infrastructure.Web.Grafieken;

/// <summary>An agreement in a lineage picture, with the label of the edge that leads to it from its source.</summary>
public sealed record Stamboomknooppunt(Guid Id, string Kop, string Regel, bool Bewezen, string? Taklabel, IReadOnlyList<Stamboomknooppunt> Kinderen);

/// <summary>
/// A lineage as a left-to-right tree: each agreement a box (green edge when proven), each reuse an arrow labelled
/// with what changed on the way. Boxes are links to the agreement's page.
/// </summary>
public static class Stamboomgrafiek
{
    private const double Knoopbreedte = 210;
    private const double Knoophoogte = 56;
    private const double Kolomafstand = 170;
    private const double Rijafstand = 24;

    public static IHtmlContent Teken(string id, string titel, string beschrijving, Stamboomknooppunt wortel, Guid? huidig, Func<Guid, string> adres)
    {
        var posities = new List<(Stamboomknooppunt Knoop, int Kolom, double Rij, Stamboomknooppunt? Ouder)>();
        var volgendeRij = 0.0;
        double Plaats(Stamboomknooppunt knoop, int kolom, Stamboomknooppunt? ouder)
        {
            double rij;
            if (knoop.Kinderen.Count == 0)
            {
                rij = volgendeRij++;
            }
            else
            {
                var rijen = knoop.Kinderen.Select(k => Plaats(k, kolom + 1, knoop)).ToList();
                rij = (rijen.Min() + rijen.Max()) / 2;
            }

            posities.Add((knoop, kolom, rij, ouder));
            return rij;
        }

        Plaats(wortel, 0, null);
        var kolommen = posities.Max(p => p.Kolom) + 1;
        var breedte = kolommen * Knoopbreedte + (kolommen - 1) * Kolomafstand + 8;
        var hoogte = Math.Max(volgendeRij, 1) * (Knoophoogte + Rijafstand) + 8;
        double X(int kolom) => 4 + kolom * (Knoopbreedte + Kolomafstand);
        double Y(double rij) => 4 + rij * (Knoophoogte + Rijafstand);

        var svg = new StringBuilder();
        svg.Append($"<svg class=\"grafiek stamboom\" viewBox=\"0 0 {C(breedte)} {C(hoogte)}\" width=\"{C(breedte)}\" role=\"group\" aria-labelledby=\"{id}-titel {id}-beschrijving\">");
        svg.Append($"<title id=\"{id}-titel\">{T(titel)}</title><desc id=\"{id}-beschrijving\">{T(beschrijving)}</desc>");
        svg.Append($"<defs><marker id=\"{id}-pijl\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">" +
                   "<path class=\"pijlpunt\" d=\"M 0 0 L 10 5 L 0 10 z\"/></marker></defs>");

        var plek = posities.ToDictionary(p => p.Knoop.Id);
        foreach (var (knoop, kolom, rij, ouder) in posities.Where(p => p.Ouder is not null))
        {
            var van = plek[ouder!.Id];
            var x1 = X(van.Kolom) + Knoopbreedte;
            var y1 = Y(van.Rij) + Knoophoogte / 2;
            var x2 = X(kolom);
            var y2 = Y(rij) + Knoophoogte / 2;
            var midden = (x1 + x2) / 2;
            svg.Append($"<path class=\"tak\" d=\"M {C(x1)} {C(y1)} C {C(midden)} {C(y1)}, {C(midden)} {C(y2)}, {C(x2 - 2)} {C(y2)}\" marker-end=\"url(#{id}-pijl)\" aria-hidden=\"true\"/>");
            if (knoop.Taklabel is { } label)
            {
                svg.Append($"<text class=\"taklabel\" x=\"{C(midden)}\" y=\"{C(y2 - 6)}\" text-anchor=\"middle\" aria-hidden=\"true\">{T(Afgekort(label, 28))}</text>");
            }
        }

        foreach (var (knoop, kolom, rij, _) in posities)
        {
            var x = X(kolom);
            var y = Y(rij);
            var klassen = "knoop" + (knoop.Bewezen ? " knoop--bewezen" : "") + (knoop.Id == huidig ? " knoop--huidig" : "");
            // The link's name is its visible text (one text element, so that its two lines read as words apart).
            svg.Append($"<a class=\"{klassen}\" href=\"{T(adres(knoop.Id))}\"{(knoop.Id == huidig ? " aria-current=\"true\"" : "")}>");
            svg.Append($"<rect x=\"{C(x)}\" y=\"{C(y)}\" width=\"{C(Knoopbreedte)}\" height=\"{C(Knoophoogte)}\" rx=\"6\"/>");
            svg.Append($"<text x=\"{C(x + 10)}\" y=\"{C(y + 22)}\"><tspan font-weight=\"bold\">{T(Afgekort(knoop.Kop, 28))}</tspan> " +
                       $"<tspan x=\"{C(x + 10)}\" y=\"{C(y + 42)}\">{T(Afgekort(knoop.Regel, 30))}</tspan></text>");
            svg.Append("</a>");
        }

        svg.Append("</svg>");
        return Html(svg);
    }
}
