using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Exports;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Varianten;

namespace Samenwerkingsafspraken.Afspraken.Register;

/// <summary>A region's register: every agreement in the region, filtered, searched and paged as the API does it.</summary>
[Toegangssleutel("regioregisterPagina")]
public sealed class RegisterModel(IQuerySession session, Klok klok) : Webpagina
{
    public const int Paginagrootte = 25;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Variant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Werkgever { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zoek { get; set; }
    [BindProperty(SupportsGet = true)] public string? Na { get; set; }

    public Arbeidsmarktregio Regio { get; private set; } = null!;

    public AfspraakLijst Lijst { get; private set; } = null!;

    public IReadOnlyList<Variant> Varianten { get; private set; } = [];

    /// <summary>Where the next page starts (the same keyset bookmark as the API's <c>na</c>), or null on the last page.</summary>
    public string? VolgendeBladwijzer =>
        Lijst.Volgende is null ? null : new Bladwijzer(Lijst.Samenwerkingsafspraken[^1].LaatstGewijzigdOp, Lijst.Samenwerkingsafspraken[^1].Id).Token();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellation)
    {
        var filter = Filter(Leeg(Na), Paginagrootte);
        var regio = await Regioregister.Controleer(code, filter, [], Gebruiker, session, cancellation);
        if (regio.IsProbleem) return Weigering(regio.Probleem);

        Regio = regio.Waarde;
        Lijst = await filter.Zoek(Regioregister.Afspraken(session, code), $"/regios/{code}/register", cancellation);
        Varianten = await session.Query<Variant>().OrderBy(v => v.Naam).ToListAsync(cancellation);
        return Page();
    }

    /// <summary>The register's export, with the filters on screen: the same checks, rows and columns as the API's.</summary>
    public async Task<IActionResult> OnGetExportAsync(string code, string? formaat, CancellationToken cancellation)
    {
        var formaatfout = Exportformaten.Lees(formaat, out var gekozen);
        var filter = Filter(null, null);
        var regio = await Regioregister.Controleer(code, filter, formaatfout is null ? [] : [formaatfout], Gebruiker, session, cancellation);
        if (regio.IsProbleem) return Weigering(regio.Probleem);

        var rijen = await Export.Lees(filter.Alle(Regioregister.Afspraken(session, code)), cancellation);
        await Export.Bestand(RegisterExporterenEndpoint.Kolommen, rijen.Select(AfspraakSamenvatting.Van).ToList(), gekozen, "register", code, klok.Vandaag)
            .ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    private AfspraakFilter Filter(string? na, int? grootte) =>
        new(Leeg(Status), Leeg(Variant), Leeg(Werkgever), null, na, grootte) { Sector = Leeg(Sector), Zoekterm = Leeg(Zoek) };

    /// <summary>The filters as query keys, to carry them into the next page and the export.</summary>
    public string Query(string? na = null, string? handler = null, string? formaat = null)
    {
        var delen = new List<string>();
        void Voeg(string sleutel, string? waarde)
        {
            if (!string.IsNullOrWhiteSpace(waarde)) delen.Add($"{sleutel}={Uri.EscapeDataString(waarde.Trim())}");
        }

        Voeg("handler", handler);
        Voeg("formaat", formaat);
        Voeg("status", Status);
        Voeg("variant", Variant);
        Voeg("werkgever", Werkgever);
        Voeg("sector", Sector);
        Voeg("zoek", Zoek);
        Voeg("na", na);
        return $"/regios/{Regio.Code}/register" + (delen.Count == 0 ? "" : "?" + string.Join("&", delen));
    }

    public bool HeeftFilter => new[] { Status, Variant, Werkgever, Sector, Zoek }.Any(w => !string.IsNullOrWhiteSpace(w));

    public bool IsEerstePagina => string.IsNullOrWhiteSpace(Na);

    /// <summary>How many there are, as far as the page knows without counting the whole register (paging is by keyset).</summary>
    public string Aantaltekst
    {
        get
        {
            var waar = HeeftFilter ? "gevonden met deze filters" : "in totaal";
            if (!IsEerstePagina) return $"vervolg van de lijst ({Lijst.Samenwerkingsafspraken.Count} op deze pagina)";
            return VolgendeBladwijzer is null
                ? $"{Lijst.Samenwerkingsafspraken.Count} {waar}"
                : $"meer dan {Lijst.Paginagrootte} {waar}, de eerste {Lijst.Paginagrootte} hieronder";
        }
    }

    private static string? Leeg(string? waarde) => string.IsNullOrWhiteSpace(waarde) ? null : waarde.Trim();
}
