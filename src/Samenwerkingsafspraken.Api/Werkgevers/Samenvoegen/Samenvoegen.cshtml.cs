using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Beheer.Indeling;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.MultiStreamWriting;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Werkgevers.Wijzigen;

namespace Samenwerkingsafspraken.Werkgevers.Samenvoegen;

/// <summary>
/// The beheerder records that an employer went into another KvK-nummer (a merger): its agreements pass to the
/// successor in the same go. The same command as POST /v1/werkgevers/{kvk}/samenvoeging.
/// </summary>
[Toegangssleutel("werkgeverSamenvoegenPagina")]
public sealed class SamenvoegenModel(IQuerySession session, Meerstroomschrijver schrijver, Klok klok) : Indelingspagina
{
    [BindProperty] public string? OpgegaanIn { get; set; }
    [BindProperty] public string? Datum { get; set; }
    [BindProperty] public string? Reden { get; set; }

    public Werkgever Werkgever { get; private set; } = null!;

    public int AantalAfspraken { get; private set; }

    public static IEnumerable<Veld> Velden =>
    [
        new("opgegaanIn", "KvK-nummer van de opvolger", "Vul het KvK-nummer in van de werkgever waarin deze opgaat."),
        new("datum", "Datum van de samenvoeging", "Vul de datum van de samenvoeging in."),
        new("reden", "Reden", "Vul de reden in: die komt in de historie van beide werkgevers en van elke afspraak."),
        new("body", "Samenvoeging"),
    ];

    public async Task<IActionResult> OnGetAsync(string kvkNummer, CancellationToken cancellation)
    {
        if (await Laad(kvkNummer, cancellation) is { } probleem) return probleem;
        Versie = Werkgever.Version;
        Datum = Invoer.Datumtekst(klok.Vandaag);
        NieuweFormuliersleutel();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kvkNummer, CancellationToken cancellation)
    {
        if (await Laad(kvkNummer, cancellation) is { } probleem) return probleem;
        var invoer = new Invoer();
        var datum = string.IsNullOrWhiteSpace(Datum) ? null : invoer.Datum("datum", Datum, "Datum van de samenvoeging");
        var verzoek = new WerkgeverSamenvoegenVerzoek(string.IsNullOrWhiteSpace(OpgegaanIn) ? null : OpgegaanIn.Trim().Replace(" ", ""), datum,
            string.IsNullOrWhiteSpace(Reden) ? null : Reden.Trim(), null);
        var uitkomst = await WerkgeverSamenvoegen.Uitvoeren(schrijver, session, Opdracht($"POST /v1/werkgevers/{kvkNummer}/samenvoeging", Versie), kvkNummer,
            verzoek, klok);
        return Toon(uitkomst, Velden, $"/werkgevers/{verzoek.OpgegaanIn}?melding=samengevoegd", invoer.Fouten,
            "De gegevens van de werkgever zijn intussen gewijzigd: zie de historie.");
    }

    private async Task<IActionResult?> Laad(string kvkNummer, CancellationToken cancellation)
    {
        if (Werkgeverregels.Kvkfout(kvkNummer) is { } fout) return Weigering(fout);
        var werkgever = await session.LoadAsync<Werkgever>(Werkgever.StreamId(kvkNummer), cancellation);
        if (werkgever is null) return Foutpagina(404, $"Er is geen werkgever met KvK-nummer {kvkNummer}.");
        Werkgever = werkgever;
        AantalAfspraken = await session.Query<Samenwerkingsafspraak>().CountAsync(a => a.Werkgever.KvkNummer == kvkNummer, cancellation);
        return null;
    }
}
