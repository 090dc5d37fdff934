using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Werkgevers.Wijzigen;

namespace Samenwerkingsafspraken.Werkgevers.Vindbaarheid;

/// <summary>The employer's consent to be found by other regions: the same command as POST /v1/werkgevers/{kvkNummer}/vindbaarheid.</summary>
[Toegangssleutel("vindbaarheidPagina")]
public sealed class VindbaarheidModel(IQuerySession session, Schrijver schrijver, Klok klok) : Formulierpagina
{
    [BindProperty] public long Versie { get; set; }
    [BindProperty] public string? Vindbaar { get; set; }
    [BindProperty] public string? Reden { get; set; }

    public Werkgever Werkgever { get; private set; } = null!;

    public bool Vastgelegd { get; private set; }

    public static IReadOnlyList<Optie> Keuzes { get; } =
    [
        new("true", "Ja, mijn bewezen afspraken zijn vindbaar voor alle regio's"),
        new("false", "Nee, alleen de regio's van mijn afspraken zien ze"),
    ];

    public static IEnumerable<Veld> Velden => [new("vindbaar", "Vindbaar in 'Wat werkt'", "Kies of uw bewezen afspraken vindbaar zijn."), new("reden", "Toelichting")];

    public async Task<IActionResult> OnGetAsync(string kvkNummer, string? melding, CancellationToken cancellation)
    {
        if (await Laad(kvkNummer, cancellation) is { } probleem) return probleem;
        Versie = Werkgever.Version;
        Vastgelegd = melding == "vastgelegd";
        NieuweFormuliersleutel();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kvkNummer, CancellationToken cancellation)
    {
        if (await Laad(kvkNummer, cancellation) is { } probleem) return probleem;
        bool? vindbaar = Vindbaar switch { "true" => true, "false" => false, _ => null };
        var uitkomst = await VindbaarheidVastleggen.Uitvoeren(schrijver,
            Opdracht($"POST /v1/werkgevers/{kvkNummer}/vindbaarheid", Versie), kvkNummer, new VindbaarheidVerzoek(vindbaar, Reden, null), klok);
        switch (uitkomst)
        {
            case Schrijfuitkomst.Gelukt:
                return Redirect($"/werkgevers/{kvkNummer}/vindbaarheid?melding=vastgelegd");
            case Schrijfuitkomst.Geweigerd geweigerd:
                return Geweigerd(geweigerd.Weigering, Velden);
            case Schrijfuitkomst.Versieconflict conflict:
                Conflict = new Versieconflict(Versie, conflict.ActueleVersie, [], ["De toestemming of de gegevens van de werkgever zijn intussen gewijzigd."]);
                Versie = conflict.ActueleVersie;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                throw new InvalidOperationException($"Unknown outcome {uitkomst.GetType().Name}.");
        }
    }

    /// <summary>The employer itself only, as the command requires; another employer's page is refused as the API refuses it.</summary>
    private async Task<IActionResult?> Laad(string kvkNummer, CancellationToken cancellation)
    {
        if (Werkgeverregels.Kvkfout(kvkNummer) is { } fout) return Weigering(fout);
        if (!Gebruiker.IsWerkgeverVan(kvkNummer))
            return Foutpagina(403, "Alleen de werkgever zelf geeft of trekt de toestemming voor landelijke vindbaarheid in.");
        var werkgever = await session.LoadAsync<Werkgever>(Werkgever.StreamId(kvkNummer), cancellation);
        if (werkgever is null) return Foutpagina(404, $"Er is geen werkgever met KvK-nummer {kvkNummer}.");
        Werkgever = werkgever;
        return null;
    }
}
