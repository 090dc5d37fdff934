using Samenwerkingsafspraken.Infrastructure.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;

namespace Samenwerkingsafspraken.Gemeenten.Opvragen;

/// <summary>Which region a gemeente belongs to (by name or GM code) and a region's gemeenten, on a peildatum: GET /v1/gemeenten as a page.</summary>
[Toegangssleutel("gemeentenPagina")]
public sealed class GemeentenModel(IQuerySession session, Klok klok) : Formulierpagina
{
    public const string Adres = "/gemeenten";

    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty(SupportsGet = true)] public string? Arbeidsmarktregio { get; set; }
    [BindProperty(SupportsGet = true)] public string? Peildatum { get; set; }

    public GemeenteLijst? Lijst { get; private set; }

    public IReadOnlyDictionary<string, string> Regionamen { get; private set; } = new Dictionary<string, string>();

    public bool Gezocht => Lijst is not null;

    public static IEnumerable<Veld> Velden => [new("gemeente", "Gemeente"), new("arbeidsmarktregio", "Arbeidsmarktregio"), new("peildatum", "Peildatum")];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        var regios = await GemeentenOpvragen.Regios(session, cancellation);
        Regionamen = regios.ToDictionary(r => r.Key, r => r.Value.Naam);
        var invoer = Leeg(Gemeente);
        var code = invoer is not null && Gemeenten.Gemeente.CodeFormaat().IsMatch(invoer.ToUpperInvariant()) ? invoer.ToUpperInvariant() : null;

        var fouten = GemeentenOpvragen.Controleer(code is null ? invoer : null, Leeg(Arbeidsmarktregio), Leeg(Peildatum), out var gevraagd)
            .Select(f => f.Name == "naam" ? f with { Name = "gemeente" } : f).ToList();
        if (fouten.Count > 0) return Ongeldig(fouten, Velden);
        var datum = gevraagd ?? klok.Vandaag;
        Peildatum ??= Infrastructure.Web.Formulieren.Invoer.Datumtekst(datum);

        if (code is not null)
        {
            var gemeente = await session.LoadAsync<Gemeente>(Gemeenten.Gemeente.StreamId(code), cancellation);
            if (gemeente is null)
                return Ongeldig([new OngeldigeParameter("gemeente", "niet-gevonden", $"Gemeente {code} bestaat niet. Een gemeentecode is GM gevolgd door vier cijfers.")], Velden);
            Lijst = new GemeenteLijst(datum, [GemeenteWeergave.Van(gemeente, datum, regios)], 1);
            return Page();
        }

        if (invoer is null && Leeg(Arbeidsmarktregio) is null) return Page();
        Lijst = await GemeentenOpvragen.Zoek(invoer, Leeg(Arbeidsmarktregio), datum, session, cancellation);
        if (invoer is not null && Lijst.Aantal == 0)
            return Ongeldig([new OngeldigeParameter("gemeente", "niet-gevonden", $"Er is geen gemeente '{invoer}' op {Tekst.Datum(datum)}. Controleer de spelling, of kies een andere peildatum.")], Velden);
        return Page();
    }

    public string Regioadres(string code) => $"{Adres}?arbeidsmarktregio={code}&peildatum={Peildatum}";

    private static string? Leeg(string? waarde) => string.IsNullOrWhiteSpace(waarde) ? null : waarde.Trim();
}
