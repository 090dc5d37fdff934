using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Afspraken.Verlengen;

/// <summary>A later end date for an active agreement: the same command as POST …/verlengingen.</summary>
[Toegangssleutel("afspraakVerlengenPagina")]
public sealed class VerlengenModel(IQuerySession session, Schrijver schrijver, Klok klok) : Afspraakactie(session)
{
    [BindProperty] public string? NieuweEinddatum { get; set; }
    [BindProperty] public string? Reden { get; set; }

    protected override string Actienaam => "Verlengen";

    protected override string Actiepad => "verlengen";

    public IEnumerable<Veld> Velden => [new("nieuweEinddatum", "Nieuwe einddatum", "Vul de nieuwe einddatum in."), new("reden", "Reden (niet verplicht)")];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        Geopend();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        var invoer = new Infrastructure.Web.Formulieren.Invoer();
        var verzoek = new VerlengingVerzoek(invoer.Datum("nieuweEinddatum", NieuweEinddatum, "Nieuwe einddatum"), Reden, null);
        var uitkomst = await AfspraakVerlengen.Uitvoeren(schrijver, Opdracht(Handeling("verlengingen"), Versie), id, verzoek, klok);
        return await Uitkomst(uitkomst, Velden, "verlengd", invoer.Fouten, cancellation);
    }
}
