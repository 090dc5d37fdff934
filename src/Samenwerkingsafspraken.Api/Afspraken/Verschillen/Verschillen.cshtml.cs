using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;

namespace Samenwerkingsafspraken.Afspraken.Verschillen;

/// <summary>Two versions of an agreement side by side, and exactly what differs between them.</summary>
[Toegangssleutel("versieverschillenPagina")]
public sealed class VerschillenModel(IQuerySession session) : Webpagina
{
    [BindProperty(SupportsGet = true)] public string? Van { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tot { get; set; }

    public Versievergelijking Vergelijking { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        var vergelijking = await AfspraakVerschillenEndpoint.Vergelijk(id, Van, Tot, Gebruiker, session, cancellation);
        if (vergelijking.IsProbleem) return Weigering(vergelijking.Probleem);

        Vergelijking = vergelijking.Waarde;
        return Page();
    }

    /// <summary>What a reader compares, per version: the same rows on both sides.</summary>
    public static IReadOnlyList<(string Veld, string Waarde)> Regels(Samenwerkingsafspraak a) =>
    [
        ("Status", Tekst.Status(a.Status)),
        ("Titel", a.Inhoud.Titel),
        ("Looptijd", $"{Tekst.Datum(a.Inhoud.Looptijd.Startdatum)} – {Tekst.Datum(a.Inhoud.Looptijd.Einddatum)}"),
        ("Doelstellingen", $"{a.Inhoud.Doelstellingen.PlaatsingenPerJaar} per jaar, {a.Inhoud.Doelstellingen.DuurzamePlaatsingenPerJaar} duurzaam"),
        ("Doelgroepen", string.Join(", ", a.Inhoud.Doelgroepen.Select(Tekst.Doelgroep))),
        ("Regiopartijen", string.Join(", ", a.Inhoud.Regiopartijen.Select(p => p.Naam))),
        ("Werkafspraken", string.Join("; ", a.Inhoud.Werkafspraken.Select(w =>
            $"{w.VariantCode} ({string.Join(", ", w.Parameters.Select(p => $"{p.Key} {Tekst.Waarde(p.Value)}"))}){(w.Maatwerk is { } m ? $", maatwerk: {m}" : "")}"))),
        ("Ondertekend door", a.Ondertekeningen.Count == 0 ? "niemand" : string.Join(", ", a.Ondertekeningen.Select(o => o.Partij.Naam))),
        ("Resultaten", a.Resultaten.Count == 0 ? "geen" : string.Join("; ", a.Resultaten.OrderBy(r => r.Periode, StringComparer.Ordinal)
            .Select(r => $"{r.Periode}: {r.Resultaten.Plaatsingen} plaatsingen"))),
        ("Evaluaties", a.Evaluaties.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
