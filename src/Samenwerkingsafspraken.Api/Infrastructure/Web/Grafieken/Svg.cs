using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Samenwerkingsafspraken.Infrastructure.Web.Grafieken;

/// <summary>
/// Small helpers for server-rendered SVG: coordinates in invariant culture, text escaped, numbers for people in Dutch.
/// Every picture is styled by class from the site's stylesheet (the pages' CSP allows no inline style) and carries
/// its own title and description for assistive technology; its numbers are also in a table beside it.
/// </summary>
public static class Svg
{
    public static readonly CultureInfo Nederlands = CultureInfo.GetCultureInfo("nl-NL");

    public static string C(double waarde) => Math.Round(waarde, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string T(string? tekst) => HtmlEncoder.Default.Encode(tekst ?? "");

    public static string Getal(decimal waarde) => waarde.ToString("0.##", Nederlands);

    public static string Getal(decimal? waarde) => waarde is { } w ? Getal(w) : "–";

    public static string Afgekort(string tekst, int lengte) => tekst.Length <= lengte ? tekst : tekst[..(lengte - 1)].TrimEnd() + "…";

    /// <summary>A round upper bound for an axis: 1, 2, 5 × 10^n at or above the largest value.</summary>
    public static decimal RondeBovengrens(decimal grootste)
    {
        if (grootste <= 0) return 1;
        var macht = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)grootste)));
        foreach (var stap in new[] { 1m, 2m, 5m, 10m })
        {
            if (stap * macht >= grootste) return stap * macht;
        }

        return 10 * macht;
    }

    public static IHtmlContent Html(StringBuilder svg) => new HtmlString(svg.ToString());
}
