using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Werkgevers.Wijzigen;

namespace Samenwerkingsafspraken.Werkgevers.Uitschrijven;

/// <summary>The beheerder records an employer's deregistration at the KvK: the same command as POST /v1/werkgevers/{kvk}/uitschrijving.</summary>
[Toegangssleutel("werkgeverUitschrijvenPagina")]
public sealed class UitschrijvenModel(IQuerySession session, Schrijver schrijver, Klok klok) : Formulierpagina
{
    [BindProperty] public long Versie { get; set; }
    [BindProperty] public string? Datum { get; set; }
    [BindProperty] public string? Reden { get; set; }

    public Werkgever Werkgever { get; private set; } = null!;

    public static IEnumerable<Veld> Velden =>
        [new("datum", "Datum van uitschrijving", "Vul de datum van uitschrijving in."), new("reden", "Reden", "Geef de reden."), new("body", "Uitschrijving")];

    public async Task<IActionResult> OnGetAsync(string kvkNummer, CancellationToken cancellation)
    {
        if (await Laad(kvkNummer, cancellation) is { } probleem) return probleem;
        Versie = Werkgever.Version;
        NieuweFormuliersleutel();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kvkNummer, CancellationToken cancellation)
    {
        if (await Laad(kvkNummer, cancellation) is { } probleem) return probleem;
        var invoer = new Invoer();
        var verzoek = new WerkgeverUitschrijvenVerzoek(invoer.Datum("datum", Datum, "Datum van uitschrijving"), Reden, null);
        var uitkomst = await WerkgeverUitschrijven.Uitvoeren(schrijver, Opdracht($"POST /v1/werkgevers/{kvkNummer}/uitschrijving", Versie), kvkNummer, verzoek, klok);
        switch (uitkomst)
        {
            case Schrijfuitkomst.Gelukt:
                return Redirect($"/werkgevers/{kvkNummer}?melding=uitgeschreven");
            case Schrijfuitkomst.Geweigerd geweigerd:
                return Geweigerd(geweigerd.Weigering, Velden, invoer.Fouten);
            case Schrijfuitkomst.Versieconflict conflict:
                Conflict = new Versieconflict(Versie, conflict.ActueleVersie, [], ["De gegevens van de werkgever zijn intussen gewijzigd: zie de historie."]);
                Versie = conflict.ActueleVersie;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                throw new InvalidOperationException($"Unknown outcome {uitkomst.GetType().Name}.");
        }
    }

    /// <summary>The same rule as the command: only the beheerder; anyone else learns nothing about the employer here.</summary>
    private async Task<IActionResult?> Laad(string kvkNummer, CancellationToken cancellation)
    {
        if (Werkgeverregels.Kvkfout(kvkNummer) is { } fout) return Weigering(fout);
        if (!Gebruiker.IsBeheerder) return Foutpagina(403, "Alleen de beheerder legt een uitschrijving bij de KvK vast.");
        var werkgever = await session.LoadAsync<Werkgever>(Werkgever.StreamId(kvkNummer), cancellation);
        if (werkgever is null) return Foutpagina(404, $"Er is geen werkgever met KvK-nummer {kvkNummer}.");
        Werkgever = werkgever;
        return null;
    }
}
