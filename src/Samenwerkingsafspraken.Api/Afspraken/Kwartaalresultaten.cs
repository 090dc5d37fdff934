using Microsoft.AspNetCore.Html;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Grafieken;

namespace Samenwerkingsafspraken.Afspraken;

/// <summary>An agreement's results per quarter against its targets: a chart and the same numbers as a table.</summary>
public sealed record Kwartaalresultaten(string Id, string Titel, IReadOnlyList<Perioderesultaat> Perioden, Doelstellingen Doelen, Realisatie Realisatie)
{
    public static Kwartaalresultaten Van(string id, Samenwerkingsafspraak afspraak) => new(id, afspraak.Inhoud.Titel,
        afspraak.Resultaten.OrderBy(r => r.Periode, StringComparer.Ordinal).ToList(), afspraak.Inhoud.Doelstellingen, Realisatie.Van(afspraak));

    /// <summary>The yearly target pro rata over a quarter, as <see cref="Realisatie"/> measures it.</summary>
    public decimal DoelPerKwartaal => Math.Round(Doelen.PlaatsingenPerJaar / 4m, 2);

    public decimal DuurzaamDoelPerKwartaal => Math.Round(Doelen.DuurzamePlaatsingenPerJaar / 4m, 2);

    public IHtmlContent Grafiek() => Staafdiagram.Teken(Id,
        $"Resultaten per kwartaal van '{Titel}'",
        Perioden.Count == 0
            ? "Er zijn nog geen resultaten geregistreerd."
            : $"Plaatsingen en plaatsingen na twaalf maanden nog in werk per kwartaal, tegen een doel van {Tekst.Getal(DoelPerKwartaal)} plaatsingen per kwartaal. " +
              string.Join("; ", Perioden.Select(p => $"{p.Periode}: {p.Resultaten.Plaatsingen} plaatsingen, {p.Resultaten.NaTwaalfMaandenInWerk} na twaalf maanden")) + ".",
        ["Plaatsingen", "Na 12 maanden in werk"],
        Perioden.Select(p => new Staafgroep(p.Periode, [p.Resultaten.Plaatsingen, p.Resultaten.NaTwaalfMaandenInWerk], DoelPerKwartaal)).ToList());
}
