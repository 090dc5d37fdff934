using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Exports;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Varianten;
using Samenwerkingsafspraken.Werkgevers;

namespace Samenwerkingsafspraken.Werkaanbod;

/// <summary>Offered against filled places per region and nationally: GET /v1/werkaanbod as a page, with its export.</summary>
[Toegangssleutel("werkaanbodPagina")]
public sealed class WerkaanbodModel(IQuerySession session, Klok klok) : Formulierpagina
{
    public const string Adres = "/werkaanbod";

    [BindProperty(SupportsGet = true)] public string? Periode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Arbeidsmarktregio { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Variant { get; set; }

    public Werkaanbodoverzicht? Overzicht { get; private set; }

    public IReadOnlyDictionary<string, string> Variantnamen { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Regionamen { get; private set; } = new Dictionary<string, string>();

    public static IEnumerable<Veld> Velden =>
        [new("periode", "Kwartaal"), new("arbeidsmarktregio", "Arbeidsmarktregio"), new("sector", "Sector"), new("variant", "Variant")];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        Variantnamen = (await session.Query<Variant>().ToListAsync(cancellation)).ToDictionary(v => v.Code, v => v.Naam);
        Regionamen = (await session.Query<Arbeidsmarktregio>().ToListAsync(cancellation)).ToDictionary(r => r.Code, r => r.Naam);
        var filter = Filter();
        if (filter.Controleer() is { Count: > 0 } fouten) return Ongeldig(fouten, Velden);

        var overzicht = await filter.Bereken([], session, klok.Vandaag, cancellation);
        if (overzicht.IsProbleem) return Weigering(overzicht.Probleem);
        Overzicht = overzicht.Waarde;
        Periode ??= Overzicht.Periode;
        return Page();
    }

    /// <summary>The same file as GET /v1/werkaanbod/export: the same checks, rows and columns.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? formaat, CancellationToken cancellation)
    {
        var formaatfout = Exportformaten.Lees(formaat, out var gekozen);
        var overzicht = await Filter().Bereken(formaatfout is null ? [] : [formaatfout], session, klok.Vandaag, cancellation);
        if (overzicht.IsProbleem) return Weigering(overzicht.Probleem);
        await Export.Bestand(WerkaanbodExporterenEndpoint.Kolommen, overzicht.Waarde.PerRegioSectorEnVariant, gekozen, "werkaanbod",
            $"{Leeg(Arbeidsmarktregio) ?? "landelijk"}-{overzicht.Waarde.Periode}", klok.Vandaag).ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    private WerkaanbodFilter Filter() => new(Leeg(Periode), Leeg(Arbeidsmarktregio), Leeg(Sector), Leeg(Variant));

    public string Exportadres(string formaat)
    {
        var delen = new List<string> { "handler=export", $"formaat={formaat}" };
        foreach (var (sleutel, waarde) in new[] { ("periode", Periode), ("arbeidsmarktregio", Arbeidsmarktregio), ("sector", Sector), ("variant", Variant) })
        {
            if (!string.IsNullOrWhiteSpace(waarde)) delen.Add($"{sleutel}={Uri.EscapeDataString(waarde.Trim())}");
        }

        return Adres + "?" + string.Join("&", delen);
    }

    public string Variantnaam(string? code) => code is null ? "zonder variant" : Variantnamen.GetValueOrDefault(code, code);

    public string Regionaam(string? code) => code is null ? "" : Regionamen.TryGetValue(code, out var naam) ? $"{naam} ({code})" : code;

    public static string Sectornaam(string? code) => code is null ? "" : Sectoren.Vind(code)?.Naam ?? code;

    public static string Percentage(decimal? waarde) => waarde is { } p ? $"{Tekst.Getal(p)}%" : "–";

    private static string? Leeg(string? waarde) => string.IsNullOrWhiteSpace(waarde) ? null : waarde.Trim();
}
