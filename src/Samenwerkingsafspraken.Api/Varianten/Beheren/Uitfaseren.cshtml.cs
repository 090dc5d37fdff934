using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Varianten.Beheren;

/// <summary>The beheerder phases a variant out, with a reason: the same command as POST /v1/varianten/{code}/uitfasering.</summary>
[Toegangssleutel("variantUitfaserenPagina")]
public sealed class UitfaserenModel(IQuerySession session, Schrijver schrijver, Klok klok) : Variantactie(session)
{
    [BindProperty] public string? Reden { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellation)
    {
        if (await Laad(code, cancellation) is { } probleem) return probleem;
        Versie = Variant.Version;
        NieuweFormuliersleutel();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellation)
    {
        if (await Laad(code, cancellation) is { } probleem) return probleem;
        var uitkomst = await VariantenBeheren.Uitfaseren(schrijver, Opdracht($"POST /v1/varianten/{code}/uitfasering", Versie), code,
            new VariantUitfaserenVerzoek(Reden, null), klok);
        return await Uitkomst(uitkomst, [new Veld("reden", "Reden", "Geef de reden van de uitfasering.")], "uitgefaseerd", null, cancellation);
    }
}
