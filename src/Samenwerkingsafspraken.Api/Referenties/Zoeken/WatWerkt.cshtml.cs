using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Bewijs;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Varianten;
using Samenwerkingsafspraken.Werkgevers;

namespace Samenwerkingsafspraken.Referenties.Zoeken;

/// <summary>"Wat werkt": the national search of GET /v1/bewezen-afspraken as a page, with the same filters, checks, scope and paging.</summary>
[Toegangssleutel("watWerktPagina")]
public sealed class WatWerktModel(IQuerySession session, NpgsqlDataSource database, IOptions<Bewijsregel> regel) : Formulierpagina
{
    public const string Adres = "/wat-werkt";

    [BindProperty(SupportsGet = true)] public string? Zoek { get; set; }
    [BindProperty(SupportsGet = true)] public string? Variant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Doelgroep { get; set; }
    [BindProperty(SupportsGet = true)] public string? Arbeidsmarktregio { get; set; }
    [BindProperty(SupportsGet = true)] public string? Van { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tot { get; set; }
    [BindProperty(SupportsGet = true)] public string? Na { get; set; }

    public BewezenAfsprakenLijst? Lijst { get; private set; }

    public IReadOnlyDictionary<string, string> Variantnamen { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Regionamen { get; private set; } = new Dictionary<string, string>();

    public string Regel => regel.Value.Omschrijving;

    public static IEnumerable<Veld> Velden =>
    [
        new("zoek", "Zoekwoorden"), new("variant", "Variant"), new("sector", "Sector"), new("doelgroep", "Doelgroep"),
        new("arbeidsmarktregio", "Arbeidsmarktregio"), new("van", "Looptijd vanaf"), new("tot", "Looptijd tot en met"), new("na", "Pagina"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        Variantnamen = (await session.Query<Variant>().ToListAsync(cancellation)).ToDictionary(v => v.Code, v => v.Naam);
        Regionamen = (await session.Query<Arbeidsmarktregio>().ToListAsync(cancellation)).ToDictionary(r => r.Code, r => r.Naam);

        var filter = Filter();
        if (filter.Controleer() is { Count: > 0 } fouten) return Ongeldig(fouten, Velden);
        if (BewezenAfsprakenZoeken.Controleer(filter, Gebruiker) is { } probleem) return Weigering(probleem);

        Lijst = await BewezenAfsprakenZoeken.Zoek(filter, Zoekbereik.Van(Gebruiker), Adres, session, database, cancellation);
        return Page();
    }

    private Zoekfilter Filter() =>
        new(Leeg(Zoek), Leeg(Variant), Leeg(Sector), Leeg(Doelgroep), Leeg(Arbeidsmarktregio), Leeg(Van), Leeg(Tot), Leeg(Na), null);

    public bool HeeftFilter => new[] { Zoek, Variant, Sector, Doelgroep, Arbeidsmarktregio, Van, Tot }.Any(w => !string.IsNullOrWhiteSpace(w));

    public bool IsEerstePagina => string.IsNullOrWhiteSpace(Na);

    /// <summary>This search with one filter set to a value (a facet's link), from the first page.</summary>
    public string Met(string sleutel, string waarde)
    {
        var waarden = new Dictionary<string, string?>
        {
            ["zoek"] = Zoek, ["variant"] = Variant, ["sector"] = Sector, ["doelgroep"] = Doelgroep, ["arbeidsmarktregio"] = Arbeidsmarktregio,
            ["van"] = Van, ["tot"] = Tot,
        };
        waarden[sleutel] = waarde;
        var delen = waarden.Where(w => !string.IsNullOrWhiteSpace(w.Value)).Select(w => $"{w.Key}={Uri.EscapeDataString(w.Value!.Trim())}");
        return Adres + "?" + string.Join("&", delen);
    }

    public string Variantnaam(string code) => Variantnamen.GetValueOrDefault(code, code);

    public string Regionaam(string code) => Regionamen.TryGetValue(code, out var naam) ? $"{naam} ({code})" : code;

    public static string Sectornaam(string code) => Sectoren.Vind(code)?.Naam ?? code;

    public static IEnumerable<Optie> Doelgroepen => Enum.GetValues<Doelgroep>().Select(d => new Optie(Tekst.Sleutel(d), Tekst.Doelgroep(d)));

    /// <summary>The search's excerpt with the matched words marked (the search marks them with « and »).</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Fragment(string fragment) =>
        new Microsoft.AspNetCore.Html.HtmlString(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(fragment)
            .Replace(System.Text.Encodings.Web.HtmlEncoder.Default.Encode("«"), "<mark>").Replace(System.Text.Encodings.Web.HtmlEncoder.Default.Encode("»"), "</mark>"));

    /// <summary>Whether the signed-in user may open the agreement itself (its own region, or an auditor), or sees only what the search shows.</summary>
    public bool MagOpenen(BewezenAfspraak afspraak) => Gebruiker.IsAuditor || Gebruiker.IsRegiopartijVan(afspraak.Arbeidsmarktregio);

    private static string? Leeg(string? waarde) => string.IsNullOrWhiteSpace(waarde) ? null : waarde.Trim();
}
