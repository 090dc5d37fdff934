using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Varianten.Beheren;

/// <summary>A form on one variant of the catalogue: the variant as it is, the version the form was opened at, and the outcome of its command.</summary>
public abstract class Variantactie(IQuerySession session) : Formulierpagina
{
    [BindProperty] public long Versie { get; set; }

    public Variant Variant { get; private set; } = null!;

    protected async Task<IActionResult?> Laad(string code, CancellationToken cancellation)
    {
        var variant = await session.LoadAsync<Variant>(Variant.StreamId(code), cancellation);
        if (variant is null) return Foutpagina(404, $"Variant '{code}' bestaat niet.");
        Variant = variant;
        return null;
    }

    protected async Task<IActionResult> Uitkomst(Schrijfuitkomst uitkomst, IEnumerable<Veld> velden, string melding,
        IReadOnlyList<Infrastructure.Http.OngeldigeParameter>? eigenFouten, CancellationToken cancellation)
    {
        switch (uitkomst)
        {
            case Schrijfuitkomst.Gelukt:
                return Redirect($"/varianten/{Variant.Code}?melding={melding}");
            case Schrijfuitkomst.Geweigerd geweigerd:
                return Geweigerd(geweigerd.Weigering, velden, eigenFouten);
            case Schrijfuitkomst.Versieconflict conflict:
                var gebeurtenissen = await session.Events.FetchStreamAsync(Variant.Id, token: cancellation);
                Conflict = new Versieconflict(Versie, conflict.ActueleVersie, [],
                    gebeurtenissen.Where(e => e.Version > Versie).Select(e => $"{Tekst.Tijdstip(e.Timestamp)}: {Varianthistorie.Omschrijving(e.Data)}").ToList());
                Versie = conflict.ActueleVersie;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                throw new InvalidOperationException($"Unknown outcome {uitkomst.GetType().Name}.");
        }
    }
}

public static class Varianthistorie
{
    public static string Omschrijving(object gebeurtenis) => gebeurtenis switch
    {
        VariantToegevoegd e => $"Toegevoegd als '{e.Naam}', met {e.Parameters.Count} parameter(s): {string.Join(", ", e.Parameters.Select(p => p.Naam))}.",
        VariantGewijzigd e => $"Definitie gewijzigd: '{e.Naam}', pijler {Tekst.Sleutel(e.Pijler)}, parameters {string.Join(", ", e.Parameters.Select(p => p.Naam))}.",
        VariantUitgefaseerd e => $"Uitgefaseerd: {e.Reden}",
        _ => gebeurtenis.GetType().Name,
    };
}
