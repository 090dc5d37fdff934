using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Beheer.Indeling;

/// <summary>
/// Where the beheerder keeps the delineation: every region of today with its gemeenten and a way to change it, a
/// gemeente to move, a herindeling, and next year's CBS file.
/// </summary>
[Toegangssleutel("indelingPagina")]
public sealed class IndelingModel(IQuerySession session, Schrijver schrijver, Klok klok) : Formulierpagina
{
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }

    /// <summary>A new region: its CBS code, name, first day and why (the same command as POST /v1/arbeidsmarktregios).</summary>
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Naam { get; set; }
    [BindProperty] public string? GeldigVanaf { get; set; }
    [BindProperty] public string? Reden { get; set; }

    public IReadOnlyList<Arbeidsmarktregio> Regios { get; private set; } = [];

    public IReadOnlyList<Arbeidsmarktregio> Opgeheven { get; private set; } = [];

    public IReadOnlyDictionary<string, int> AantalGemeenten { get; private set; } = new Dictionary<string, int>();

    public DateOnly Vandaag { get; private set; }

    public string? Bevestiging { get; private set; }

    public static IEnumerable<Veld> Velden =>
    [
        new("gemeente", "Gemeente", "Vul de CBS-code van de gemeente in, bijvoorbeeld GM0014."),
        new("code", "Code van de nieuwe regio", "Vul de CBS-code van de nieuwe regio in (AM en twee cijfers)."),
        new("naam", "Naam van de nieuwe regio", "Vul de naam van de nieuwe regio in."),
        new("geldigVanaf", "Geldig vanaf", "Vul de eerste dag van de nieuwe regio in."),
        new("reden", "Reden", "Vul de reden in: die komt in de historie van de regio."),
        new("body", "Nieuwe regio"),
    ];

    public async Task<IActionResult> OnGetAsync(string? melding, int? gebeurtenissen, CancellationToken cancellation)
    {
        NieuweFormuliersleutel();
        GeldigVanaf = Invoer.Datumtekst(new DateOnly(klok.Vandaag.Year + 1, 1, 1));
        var gemeenten = await Laad(cancellation);
        Bevestiging = melding switch
        {
            "hernoemen" => "De nieuwe naam is vastgelegd.",
            "splitsen" => "De splitsing is vastgelegd.",
            "samenvoegen" => "De samenvoeging is vastgelegd.",
            "opheffen" => "De opheffing is vastgelegd; de gemeenten gaan naar de opvolger.",
            "centrumgemeente" => "De centrumgemeente is vastgelegd.",
            "vastgesteld" => "De nieuwe regio is vastgesteld. Verplaats er gemeenten naartoe, of gebruik een splitsing of samenvoeging.",
            "cbs-geladen" => $"Het CBS-bestand is geladen: {gebeurtenissen ?? 0} {(gebeurtenissen == 1 ? "gebeurtenis" : "gebeurtenissen")} vastgelegd.",
            _ => null,
        };

        if (Gemeente is null) return Page();
        var code = Gemeente.Trim().ToUpperInvariant();
        if (!Gemeenten.Gemeente.CodeFormaat().IsMatch(code))
            return Ongeldig([new OngeldigeParameter("gemeente", "ongeldig-formaat", "Een gemeentecode is GM gevolgd door vier cijfers, bijvoorbeeld GM0014.")], Velden);
        if (gemeenten.All(g => g.Code != code))
            return Ongeldig([new OngeldigeParameter("gemeente", "niet-gevonden", $"Gemeente {code} bestaat niet.")], Velden);
        return Redirect($"/gemeenten/{code}/verplaatsen");
    }

    /// <summary>A new region, still without gemeenten.</summary>
    public async Task<IActionResult> OnPostVaststellenAsync(CancellationToken cancellation)
    {
        await Laad(cancellation);
        var invoer = new Invoer();
        var datum = string.IsNullOrWhiteSpace(GeldigVanaf) ? null : invoer.Datum("geldigVanaf", GeldigVanaf, "Geldig vanaf");
        var verzoek = new Arbeidsmarktregios.Beheren.RegioVaststellenVerzoek(string.IsNullOrWhiteSpace(Code) ? null : Code.Trim().ToUpperInvariant(),
            string.IsNullOrWhiteSpace(Naam) ? null : Naam.Trim(), datum, string.IsNullOrWhiteSpace(Reden) ? null : Reden.Trim());
        var uitkomst = await Arbeidsmarktregios.Beheren.RegiosBeheren.Vaststellen(schrijver, Opdracht("POST /v1/arbeidsmarktregios"), verzoek);
        return uitkomst switch
        {
            Schrijfuitkomst.Gelukt => Redirect("/beheer/indeling?melding=vastgesteld"),
            Schrijfuitkomst.Geweigerd geweigerd => Geweigerd(geweigerd.Weigering, Velden, invoer.Fouten),
            _ => throw new InvalidOperationException($"A new region names no version: unexpected {uitkomst.GetType().Name}."),
        };
    }

    private async Task<IReadOnlyList<Gemeente>> Laad(CancellationToken cancellation)
    {
        Vandaag = klok.Vandaag;
        var regios = await session.Query<Arbeidsmarktregio>().ToListAsync(cancellation);
        Regios = regios.Where(r => r.IsGeldigOp(Vandaag)).OrderBy(r => r.Code).ToList();
        Opgeheven = regios.Where(r => !r.IsGeldigOp(Vandaag)).OrderBy(r => r.Code).ToList();
        var gemeenten = await session.Query<Gemeente>().ToListAsync(cancellation);
        AantalGemeenten = gemeenten.Select(g => g.RegioOp(Vandaag)).OfType<string>().GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        return gemeenten;
    }
}
