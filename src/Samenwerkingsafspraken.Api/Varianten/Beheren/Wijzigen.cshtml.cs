using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Varianten.Beheren;

/// <summary>The beheerder changes a variant's definition, with a reason: the same command as POST /v1/varianten/{code}/wijzigingen.</summary>
[Toegangssleutel("variantWijzigenPagina")]
public sealed class VariantWijzigenModel(IQuerySession session, Schrijver schrijver, Klok klok) : Variantactie(session)
{
    [BindProperty] public Variantformulier Invoer { get; set; } = new();
    [BindProperty] public string? Reden { get; set; }
    [BindProperty] public string? Actie { get; set; }

    public IEnumerable<Veld> Velden => Invoer.Velden().Append(new Veld("reden", "Reden van de wijziging", "Geef de reden van de wijziging."));

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellation)
    {
        if (await Laad(code, cancellation) is { } probleem) return probleem;
        Versie = Variant.Version;
        Invoer = Variantformulier.Van(Variant);
        NieuweFormuliersleutel();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellation)
    {
        if (await Laad(code, cancellation) is { } probleem) return probleem;
        if (Invoer.Bewerk(Actie)) return Page();
        var (parameters, eigenFouten) = Invoer.NaarParameters();
        var verzoek = new VariantWijzigenVerzoek(Invoer.Naam, Invoer.Omschrijving, Invoer.Pijler, parameters, Reden, null);
        var uitkomst = await VariantenBeheren.Wijzigen(schrijver, Opdracht($"POST /v1/varianten/{code}/wijzigingen", Versie), code, verzoek, klok);
        return await Uitkomst(uitkomst, Velden, "gewijzigd", eigenFouten, cancellation);
    }
}
