using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Varianten.Beheren;

/// <summary>One variant of the catalogue and its history: every addition, change and phase-out, with who and why.</summary>
[Toegangssleutel("variantPagina")]
public sealed class VariantModel(IQuerySession session) : Webpagina
{
    [BindProperty(SupportsGet = true)] public string? Melding { get; set; }

    public Variant Variant { get; private set; } = null!;

    public IReadOnlyList<IEvent> Historie { get; private set; } = [];

    public string? Meldingtekst => Melding switch
    {
        "toegevoegd" => "De variant staat in de catalogus. Regio's kunnen haar nu afspreken.",
        "gewijzigd" => "De wijziging is vastgelegd. Zij geldt voor nieuwe afspraken en wijzigingen.",
        "uitgefaseerd" => "De variant is uitgefaseerd.",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellation)
    {
        var variant = await session.LoadAsync<Variant>(Variant.StreamId(code), cancellation);
        if (variant is null)
        {
            HttpContext.Items[FoutSleutel] = new Foutmelding(404, $"Variant '{code}' bestaat niet.", []);
            return StatusCode(404);
        }

        Variant = variant;
        Historie = await session.Events.FetchStreamAsync(variant.Id, token: cancellation);
        return Page();
    }

    public static string? Header(IEvent e, string naam) => e.Headers?.TryGetValue(naam, out var waarde) == true ? waarde?.ToString() : null;

    public static string Wie(IEvent e) =>
        (Header(e, Metadata.Naam) ?? e.UserName ?? "onbekend") + (Header(e, Metadata.Rol) is { } rol ? $", {rol}" : "") +
        (Header(e, Metadata.Organisatie) is { } organisatie && organisatie != "onbekend" ? $" ({organisatie})" : "");
}
