using Marten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Werkgevers.Zoeken;

namespace Samenwerkingsafspraken.Werkgevers.Registreren;

/// <summary>
/// Registering an employer: the same command as POST /v1/werkgevers. Before it is recorded, a name that closely
/// resembles a registered one is shown (the same look-alike search as the command's warning), and the user decides.
/// </summary>
[Toegangssleutel("werkgeverRegistrerenPagina")]
public sealed class RegistrerenModel(IQuerySession session, NpgsqlDataSource database, Schrijver schrijver, Klok klok) : Formulierpagina
{
    [BindProperty] public string? KvkNummer { get; set; }
    [BindProperty] public string? Naam { get; set; }
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public List<string> Netwerken { get; set; } = [];
    /// <summary>One vestiging, named as the API names it (<c>vestigingen[0].gemeente</c>), so that its problems stand beside it.</summary>
    [BindProperty] public List<Vestigingsinvoer> Vestigingen { get; set; } = [new()];

    public Vestigingsinvoer Vestiging => Vestigingen.Count > 0 ? Vestigingen[0] : new();

    /// <summary>Set when the user saw the look-alikes and registers anyway.</summary>
    [BindProperty] public bool Bevestigd { get; set; }

    public IReadOnlyList<Waarschuwing>? Lijktop { get; private set; }

    public static IEnumerable<Veld> Velden =>
    [
        new("kvkNummer", "KvK-nummer", "Vul het KvK-nummer in."), new("naam", "Naam", "Vul de naam in."), new("sector", "Sector", "Kies de sector."),
        new("soort", "Sector"), new("netwerken", "Netwerken"), new("vestigingen[0].vestigingsnummer", "Vestigingsnummer", "Vul het vestigingsnummer in."),
        new("vestigingen[0].gemeente", "Gemeente van de vestiging", "Vul de gemeente van de vestiging in (GM-code)."),
        new("vestigingen[0].arbeidsmarktregio", "Gemeente van de vestiging"), new("vestigingen", "Vestiging"),
    ];

    public IActionResult OnGet()
    {
        if (Gebruiker.IsWerkgever) KvkNummer = Gebruiker.Kvk;
        NieuweFormuliersleutel();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var verzoek = Verzoek();
        if (!Bevestigd && verzoek.Naam is { Length: > 0 and <= 200 } naam && verzoek.KvkNummer is { } kvk && Formaten.KvkNummer().IsMatch(kvk))
        {
            var lijkendOp = await Werkgeverdubbels.Zoek(database, naam, kvk, cancellation);
            if (Werkgeverdubbels.Waarschuwingen(lijkendOp, Gebruiker) is { } waarschuwingen)
            {
                Lijktop = waarschuwingen;
                return Page();
            }
        }

        var uitkomst = await WerkgeverRegistreren.Uitvoeren(schrijver, Opdracht("POST /v1/werkgevers"), verzoek, klok, session, database);
        return uitkomst switch
        {
            Schrijfuitkomst.Gelukt => Redirect($"/werkgevers/{verzoek.KvkNummer}?melding=geregistreerd"),
            Schrijfuitkomst.Geweigerd geweigerd => Geweigerd(geweigerd.Weigering, Velden),
            _ => throw new InvalidOperationException($"Unexpected outcome {uitkomst.GetType().Name}."),
        };
    }

    private WerkgeverRegistrerenVerzoek Verzoek()
    {
        var sector = Leeg(Sector);
        var soort = Sectoren.Vind(sector)?.Soort.ToString().ToLowerInvariant() ?? "privaat";
        var vestiging = Leeg(Vestiging.Vestigingsnummer) is null && Leeg(Vestiging.Gemeente) is null
            ? null
            : new VestigingVerzoek(Leeg(Vestiging.Vestigingsnummer), null, Leeg(Vestiging.Gemeente)?.ToUpperInvariant());
        return new WerkgeverRegistrerenVerzoek(Leeg(KvkNummer), Leeg(Naam), sector, soort, Netwerken, vestiging is null ? [] : [vestiging]);
    }

    private static string? Leeg(string? waarde) => string.IsNullOrWhiteSpace(waarde) ? null : waarde.Trim();
}

public sealed class Vestigingsinvoer
{
    public string? Vestigingsnummer { get; set; }
    public string? Gemeente { get; set; }
}
