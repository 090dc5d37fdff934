using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Afspraken.Historie;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Werkgevers.Historie;

namespace Samenwerkingsafspraken.Werkgevers.Opvragen;

/// <summary>An employer's details and, for whoever may read it, its history: GET /v1/werkgevers/{kvk} and …/historie as a page.</summary>
[Toegangssleutel("werkgeverPagina")]
public sealed class WerkgeverModel(IQuerySession session, Klok klok) : Webpagina
{
    public WerkgeverWeergave Werkgever { get; private set; } = null!;

    public IReadOnlyList<HistorieRegel>? Historie { get; private set; }

    public string? Melding { get; private set; }

    public bool MagWijzigen => Gebruiker.IsBeheerder || Gebruiker.IsWerkgeverVan(Werkgever.KvkNummer);

    public async Task<IActionResult> OnGetAsync(string kvkNummer, string? melding, CancellationToken cancellation)
    {
        var werkgever = await WerkgeverOpvragenEndpoint.Lees(kvkNummer, Gebruiker, session, klok, cancellation);
        if (werkgever.IsProbleem) return Weigering(werkgever.Probleem);
        Werkgever = werkgever.Waarde;

        var historie = await WerkgeverHistorieEndpoint.Lees(kvkNummer, Gebruiker, session, cancellation);
        Historie = historie.IsProbleem ? null : historie.Waarde.Gebeurtenissen.OrderByDescending(r => r.Versie).ToList();
        Melding = melding switch
        {
            "gewijzigd" => "De wijziging is vastgelegd.",
            "geregistreerd" => "De werkgever is geregistreerd.",
            "uitgeschreven" => "De uitschrijving bij de KvK is vastgelegd.",
            "samengevoegd" => "De samenvoeging is vastgelegd: de afspraken van de werkgever die opging, staan nu bij deze werkgever.",
            _ => null,
        };
        return Page();
    }

    public static string Sectornaam(string code) => Sectoren.Vind(code)?.Naam ?? code;
}
