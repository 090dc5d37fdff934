using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;

namespace Samenwerkingsafspraken.Beheer.Indeling;

/// <summary>
/// Where the beheerder keeps the delineation: every region of today with its gemeenten and a way to change it, a
/// gemeente to move, a herindeling, and next year's CBS file.
/// </summary>
[Toegangssleutel("indelingPagina")]
public sealed class IndelingModel(IQuerySession session, Klok klok) : Formulierpagina
{
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }

    public IReadOnlyList<Arbeidsmarktregio> Regios { get; private set; } = [];

    public IReadOnlyList<Arbeidsmarktregio> Opgeheven { get; private set; } = [];

    public IReadOnlyDictionary<string, int> AantalGemeenten { get; private set; } = new Dictionary<string, int>();

    public DateOnly Vandaag { get; private set; }

    public string? Bevestiging { get; private set; }

    public static IEnumerable<Veld> Velden => [new("gemeente", "Gemeente", "Vul de CBS-code van de gemeente in, bijvoorbeeld GM0014.")];

    public async Task<IActionResult> OnGetAsync(string? melding, int? gebeurtenissen, CancellationToken cancellation)
    {
        Vandaag = klok.Vandaag;
        var regios = await session.Query<Arbeidsmarktregio>().ToListAsync(cancellation);
        Regios = regios.Where(r => r.IsGeldigOp(Vandaag)).OrderBy(r => r.Code).ToList();
        Opgeheven = regios.Where(r => !r.IsGeldigOp(Vandaag)).OrderBy(r => r.Code).ToList();
        var gemeenten = await session.Query<Gemeente>().ToListAsync(cancellation);
        AantalGemeenten = gemeenten.Select(g => g.RegioOp(Vandaag)).OfType<string>().GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        Bevestiging = melding switch
        {
            "hernoemen" => "De nieuwe naam is vastgelegd.",
            "splitsen" => "De splitsing is vastgelegd.",
            "samenvoegen" => "De samenvoeging is vastgelegd.",
            "opheffen" => "De opheffing is vastgelegd; de gemeenten gaan naar de opvolger.",
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
}
