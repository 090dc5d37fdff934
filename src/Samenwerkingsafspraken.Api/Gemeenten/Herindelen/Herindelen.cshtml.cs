using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Beheer.Indeling;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.MultiStreamWriting;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;

namespace Samenwerkingsafspraken.Gemeenten.Herindelen;

/// <summary>
/// The beheerder records a herindeling: the old gemeenten end and go into a new one (a new GM code and name) or an
/// existing one. The same command as POST /v1/gemeenten/herindelingen, all streams in one go.
/// </summary>
[Toegangssleutel("gemeentenHerindelenPagina")]
public sealed class HerindelenModel(IQuerySession session, Meerstroomschrijver schrijver, Klok klok) : Indelingspagina
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Naam { get; set; }
    [BindProperty] public string? Provincie { get; set; }
    [BindProperty] public string? Arbeidsmarktregio { get; set; }
    [BindProperty] public string? GeldigVanaf { get; set; }
    [BindProperty(SupportsGet = true)] public string? Opgeheven { get; set; }
    [BindProperty] public string? Reden { get; set; }

    public static IEnumerable<Optie> Provincieopties => Provincies.Alle.Select(p => new Optie(p.Code, p.Naam));

    public static IEnumerable<Veld> Velden =>
    [
        new("opgeheven", "Opgeheven gemeenten", "Noem de gemeenten die opgaan in de herindeling (GM-codes)."),
        new("code", "Code van de gemeente waarin zij opgaan", "Vul de GM-code in van de nieuwe of de bestaande gemeente."),
        new("naam", "Naam", "Vul de naam van de nieuwe gemeente in."),
        new("provincie", "Provincie"),
        new("arbeidsmarktregio", "Arbeidsmarktregio"),
        new("geldigVanaf", "Geldig vanaf", "Vul de datum van de herindeling in."),
        new("reden", "Reden", "Vul de reden in: die komt in de historie van elke betrokken gemeente."),
        new("body", "Herindeling"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        await LaadRegios(session, klok.Vandaag, cancellation);
        GeldigVanaf = Invoer.Datumtekst(new DateOnly(klok.Vandaag.Year + 1, 1, 1));
        NieuweFormuliersleutel();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        await LaadRegios(session, klok.Vandaag, cancellation);
        var invoer = new Invoer();
        var datum = string.IsNullOrWhiteSpace(GeldigVanaf) ? null : invoer.Datum("geldigVanaf", GeldigVanaf, "Geldig vanaf");
        var verzoek = new GemeentenHerindelenVerzoek(Leeg(Code)?.ToUpperInvariant(), Leeg(Naam), Leeg(Provincie), Leeg(Arbeidsmarktregio), datum,
            Codelijst.Lees(Opgeheven), Leeg(Reden));
        var uitkomst = await GemeentenHerindelen.Uitvoeren(schrijver, session, Opdracht("POST /v1/gemeenten/herindelingen"), verzoek);
        return Toon(uitkomst, Velden, $"/gemeenten?gemeente={verzoek.Code}&peildatum={GeldigVanaf}&melding=heringedeeld", invoer.Fouten);
    }

    private static string? Leeg(string? tekst) => string.IsNullOrWhiteSpace(tekst) ? null : tekst.Trim();
}
