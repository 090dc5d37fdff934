using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Beheer.Indeling;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Gemeenten.Verplaatsen;

/// <summary>The beheerder moves a gemeente to another region from a date: the same command as POST /v1/gemeenten/{code}/verplaatsingen.</summary>
[Toegangssleutel("gemeenteVerplaatsenPagina")]
public sealed class VerplaatsenModel(IQuerySession session, Schrijver schrijver, Klok klok) : Indelingspagina
{
    [BindProperty] public string? Arbeidsmarktregio { get; set; }
    [BindProperty] public string? GeldigVanaf { get; set; }
    [BindProperty] public string? Reden { get; set; }

    public Gemeente Gemeente { get; private set; } = null!;

    public static IEnumerable<Veld> Velden =>
    [
        new("arbeidsmarktregio", "Naar arbeidsmarktregio", "Kies de regio waar de gemeente naartoe gaat."),
        new("geldigVanaf", "Geldig vanaf", "Vul de datum in vanaf wanneer de gemeente bij de nieuwe regio hoort."),
        new("reden", "Reden", "Vul de reden in: die komt in de historie van de gemeente."),
        new("code", "Gemeente"), new("body", "Verplaatsing"),
    ];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellation)
    {
        if (await Laad(code, cancellation) is { } probleem) return probleem;
        Versie = Gemeente.Version;
        GeldigVanaf = Invoer.Datumtekst(new DateOnly(klok.Vandaag.Year + 1, 1, 1));
        NieuweFormuliersleutel();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellation)
    {
        if (await Laad(code, cancellation) is { } probleem) return probleem;
        var invoer = new Invoer();
        var datum = string.IsNullOrWhiteSpace(GeldigVanaf) ? null : invoer.Datum("geldigVanaf", GeldigVanaf, "Geldig vanaf");
        var verzoek = new GemeenteVerplaatsenVerzoek(Leeg(Arbeidsmarktregio), datum, Leeg(Reden), null);
        var uitkomst = await GemeenteVerplaatsen.Uitvoeren(schrijver, session, Opdracht($"POST /v1/gemeenten/{Gemeente.Code}/verplaatsingen", Versie),
            Gemeente.Code, verzoek);
        return Toon(uitkomst, Velden, $"/gemeenten?gemeente={Gemeente.Code}&peildatum={GeldigVanaf}&melding=verplaatst", invoer.Fouten,
            "De indeling van de gemeente is intussen gewijzigd: controleer haar regio hierboven.");
    }

    private static string? Leeg(string? tekst) => string.IsNullOrWhiteSpace(tekst) ? null : tekst.Trim();

    private async Task<IActionResult?> Laad(string code, CancellationToken cancellation)
    {
        code = code.ToUpperInvariant();
        if (!Gemeente.CodeFormaat().IsMatch(code)) return Foutpagina(404, $"Een gemeentecode is GM gevolgd door vier cijfers; {code} is dat niet.");
        var gemeente = await session.LoadAsync<Gemeente>(Gemeente.StreamId(code), cancellation);
        if (gemeente is null) return Foutpagina(404, $"Gemeente {code} bestaat niet.");
        Gemeente = gemeente;
        await LaadRegios(session, klok.Vandaag, cancellation);
        return null;
    }
}
