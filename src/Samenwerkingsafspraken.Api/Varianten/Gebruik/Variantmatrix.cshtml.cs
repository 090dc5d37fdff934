using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Exports;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Grafieken;

namespace Samenwerkingsafspraken.Varianten.Gebruik;

/// <summary>The variant matrix as a heat map (variant × region), counted by the same function as the API's, each cell leading to its agreements.</summary>
[Toegangssleutel("variantmatrixPagina")]
public sealed class VariantmatrixModel(IQuerySession session, Klok klok) : Webpagina
{
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Doelgroep { get; set; }
    [BindProperty(SupportsGet = true)] public string? Pijler { get; set; }
    [BindProperty(SupportsGet = true)] public string? Van { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tot { get; set; }

    public Variantmatrix Matrix { get; private set; } = null!;

    public IReadOnlyList<string> Regios { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        var matrix = await Filter().Bereken([], Gebruiker, session, cancellation);
        if (matrix.IsProbleem) return Weigering(matrix.Probleem);

        Matrix = matrix.Waarde;
        Regios = Matrix.Varianten.SelectMany(v => v.PerRegio.Select(r => r.Sleutel)).Distinct().Order(StringComparer.Ordinal).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? formaat, CancellationToken cancellation)
    {
        var formaatfout = Exportformaten.Lees(formaat, out var gekozen);
        var matrix = await Filter().Bereken(formaatfout is null ? [] : [formaatfout], Gebruiker, session, cancellation);
        if (matrix.IsProbleem) return Weigering(matrix.Probleem);

        await Export.Bestand(VariantgebruikExporterenEndpoint.Kolommen, matrix.Waarde.Varianten, gekozen, "variantmatrix", "alle-regios", klok.Vandaag)
            .ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    private VariantgebruikFilter Filter() =>
        new(null, Leeg(Sector), Leeg(Pijler), Leeg(Van), Leeg(Tot)) { Doelgroep = Leeg(Doelgroep) };

    public int Aantal(VariantgebruikRegel regel, string regio) => regel.PerRegio.FirstOrDefault(t => t.Sleutel == regio)?.Aantal ?? 0;

    public Warmtecel Cel(int rij, int kolom)
    {
        var regel = Matrix.Varianten[rij];
        var regio = Regios[kolom];
        var aantal = Aantal(regel, regio);
        var adres = $"/regios/{regio}/register?variant={Uri.EscapeDataString(regel.VariantCode)}" +
                    (Leeg(Sector) is { } sector ? $"&sector={Uri.EscapeDataString(sector)}" : "");
        return new Warmtecel(aantal, adres, $"{regel.Naam} in {regio}: {aantal} afspra{(aantal == 1 ? "ak" : "ken")}");
    }

    public string Query(string handler, string formaat)
    {
        var delen = new List<string> { $"handler={handler}", $"formaat={formaat}" };
        foreach (var (sleutel, waarde) in new[] { ("sector", Sector), ("doelgroep", Doelgroep), ("pijler", Pijler), ("van", Van), ("tot", Tot) })
        {
            if (Leeg(waarde) is { } w) delen.Add($"{sleutel}={Uri.EscapeDataString(w)}");
        }

        return "/variantmatrix?" + string.Join("&", delen);
    }

    private static string? Leeg(string? waarde) => string.IsNullOrWhiteSpace(waarde) ? null : waarde.Trim();
}
