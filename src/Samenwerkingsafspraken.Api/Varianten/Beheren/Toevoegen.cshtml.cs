using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Varianten.Beheren;

/// <summary>The beheerder adds a variant to the catalogue: the same command as POST /v1/varianten.</summary>
[Toegangssleutel("variantToevoegenPagina")]
public sealed class ToevoegenModel(Schrijver schrijver, Klok klok) : Formulierpagina
{
    [BindProperty] public Variantformulier Invoer { get; set; } = new();
    [BindProperty] public string? Actie { get; set; }

    public void OnGet()
    {
        Invoer = new Variantformulier { Parameters = [new Parameterrij { Type = "geheelGetal" }] };
        NieuweFormuliersleutel();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Invoer.Bewerk(Actie)) return Page();
        var (parameters, eigenFouten) = Invoer.NaarParameters();
        var verzoek = new VariantToevoegenVerzoek(Invoer.Code?.Trim(), Invoer.Naam, Invoer.Omschrijving, Invoer.Pijler, parameters);
        return await VariantenBeheren.Toevoegen(schrijver, Opdracht("POST /v1/varianten"), verzoek, klok) switch
        {
            Schrijfuitkomst.Gelukt => Redirect($"/varianten/{verzoek.Code}?melding=toegevoegd"),
            Schrijfuitkomst.Geweigerd geweigerd => Geweigerd(geweigerd.Weigering, Invoer.Velden(), eigenFouten),
            _ => throw new InvalidOperationException("A new variant has no version to conflict with."),
        };
    }
}
