using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Afspraken.ResultatenRegistreren;

/// <summary>Correcting the counts of a registered quarter, with a reason: the same command as POST …/resultaten/{periode}/correcties.</summary>
[Toegangssleutel("resultatenCorrigerenPagina")]
public sealed class CorrectieModel(IQuerySession session, Schrijver schrijver, Klok klok) : Afspraakactie(session)
{
    [BindProperty]
    public Tellingen Invoer { get; set; } = new();

    [BindProperty]
    public string? Reden { get; set; }

    public string Periode { get; private set; } = "";

    public Perioderesultaat? Geregistreerd => Afspraak.Resultaten.FirstOrDefault(r => r.Periode == Periode);

    protected override string Actienaam => $"Resultaten over {Periode} corrigeren";

    protected override string Actiepad => $"resultaten/{Periode}/correctie";

    public IEnumerable<Veld> Velden => Tellingen.Velden.Append(new Veld("reden", "Reden van de correctie", "Geef de reden van de correctie."));

    public async Task<IActionResult> OnGetAsync(Guid id, string periode, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        Periode = periode;
        if (Geregistreerd is not { } geregistreerd) return Foutpagina(404, $"Over {periode} zijn geen resultaten geregistreerd.");
        Geopend();
        Invoer = Tellingen.Van(geregistreerd.Resultaten);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string periode, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        Periode = periode;
        var invoer = new Infrastructure.Web.Formulieren.Invoer();
        var (plaatsingen, zes, twaalf, uitval) = Invoer.Lees(invoer);
        var uitkomst = await ResultatenRegistreren.Corrigeren(schrijver, Opdracht(Handeling($"resultaten/{periode}/correcties"), Versie), id, periode,
            new CorrectieVerzoek(Reden, plaatsingen, zes, twaalf, uitval, null), klok);
        return await Uitkomst(uitkomst, Velden, "gecorrigeerd", invoer.Fouten, cancellation);
    }
}
