using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Werkgevers.Wijzigen;

/// <summary>Name, sector and networks of an employer: the same command as POST /v1/werkgevers/{kvk}/wijzigingen.</summary>
[Toegangssleutel("werkgeverWijzigenPagina")]
public sealed class WijzigenModel(IQuerySession session, Schrijver schrijver, Klok klok) : Formulierpagina
{
    [BindProperty] public long Versie { get; set; }
    [BindProperty] public string? Naam { get; set; }
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public List<string> Netwerken { get; set; } = [];
    [BindProperty] public string? Reden { get; set; }

    public Werkgever Werkgever { get; private set; } = null!;

    public static IEnumerable<Optie> Sectoropties => Sectoren.Alle.Select(s => new Optie(s.Code, s.Naam));

    public static IEnumerable<Optie> Netwerkopties => [new("dnz", "De Normaalste Zaak (DNZ)"), new("slw", "Schakelpunt Landelijke Werkgevers (SLW)")];

    public static IEnumerable<Veld> Velden =>
    [
        new("naam", "Naam", "Vul de naam in."), new("sector", "Sector", "Kies de sector."), new("soort", "Sector"), new("netwerken", "Netwerken"),
        new("reden", "Reden"), new("body", "Wijziging"),
    ];

    public async Task<IActionResult> OnGetAsync(string kvkNummer, CancellationToken cancellation)
    {
        if (await Laad(kvkNummer, cancellation) is { } probleem) return probleem;
        Versie = Werkgever.Version;
        Naam = Werkgever.Naam;
        Sector = Werkgever.Sector;
        Netwerken = Werkgever.Netwerken.Select(n => n.ToString().ToLowerInvariant()).ToList();
        NieuweFormuliersleutel();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kvkNummer, CancellationToken cancellation)
    {
        if (await Laad(kvkNummer, cancellation) is { } probleem) return probleem;
        var verzoek = new WerkgeverWijzigenVerzoek(Naam ?? "", Sector, null, Netwerken, string.IsNullOrWhiteSpace(Reden) ? null : Reden, null);
        var uitkomst = await WerkgeverWijzigen.Uitvoeren(schrijver, Opdracht($"POST /v1/werkgevers/{kvkNummer}/wijzigingen", Versie), kvkNummer, verzoek, klok);
        switch (uitkomst)
        {
            case Schrijfuitkomst.Gelukt:
                return Redirect($"/werkgevers/{kvkNummer}?melding=gewijzigd");
            case Schrijfuitkomst.Geweigerd geweigerd:
                return Geweigerd(geweigerd.Weigering, Velden);
            case Schrijfuitkomst.Versieconflict conflict:
                Conflict = new Versieconflict(Versie, conflict.ActueleVersie, [], ["De gegevens van de werkgever zijn intussen gewijzigd: zie de historie."]);
                Versie = conflict.ActueleVersie;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                throw new InvalidOperationException($"Unknown outcome {uitkomst.GetType().Name}.");
        }
    }

    /// <summary>The same rule as the command: the employer itself or the beheerder.</summary>
    private async Task<IActionResult?> Laad(string kvkNummer, CancellationToken cancellation)
    {
        if (Werkgeverregels.Kvkfout(kvkNummer) is { } fout) return Weigering(fout);
        var werkgever = await session.LoadAsync<Werkgever>(Werkgever.StreamId(kvkNummer), cancellation);
        if (werkgever is null) return Foutpagina(404, $"Er is geen werkgever met KvK-nummer {kvkNummer}.");
        if (Werkgeverregels.MagWijzigen(werkgever, Gebruiker) is { } weigering) return Foutpagina(403, weigering.Detail);
        Werkgever = werkgever;
        return null;
    }
}
