using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Hergebruik.Besluiten;

/// <summary>The employer withdraws its open request: the same command as POST /v1/hergebruikverzoeken/{id}/intrekking.</summary>
[Toegangssleutel("hergebruikverzoekIntrekkenPagina")]
public sealed class IntrekkenModel(IQuerySession session, Schrijver schrijver, Klok klok) : Formulierpagina
{
    [BindProperty] public long Versie { get; set; }
    [BindProperty] public string? Toelichting { get; set; }

    public Hergebruikverzoek Verzoek { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        Versie = Verzoek.Version;
        NieuweFormuliersleutel();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        var uitkomst = await HergebruikBesluiten.Intrekken(schrijver, Opdracht($"POST /v1/hergebruikverzoeken/{id}/intrekking", Versie), id,
            new IntrekkingVerzoek(Toelichting, null), klok);
        switch (uitkomst)
        {
            case Schrijfuitkomst.Gelukt:
                return Redirect($"/hergebruikverzoeken/{id}?melding=ingetrokken");
            case Schrijfuitkomst.Geweigerd geweigerd:
                return Geweigerd(geweigerd.Weigering, [new Veld("toelichting", "Toelichting")]);
            default:
                var actueel = await session.LoadAsync<Hergebruikverzoek>(id, cancellation) ?? Verzoek;
                Conflict = new Versieconflict(Versie, actueel.Version, [$"Het verzoek heeft nu de status {Tekst.Verzoekstatus(actueel.Status).ToLowerInvariant()}."], []);
                Verzoek = actueel;
                Versie = actueel.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
    }

    private async Task<IActionResult?> Laad(Guid id, CancellationToken cancellation)
    {
        var verzoek = await session.LoadAsync<Hergebruikverzoek>(id, cancellation);
        if (verzoek is null) return Foutpagina(404, $"Hergebruikverzoek {id} bestaat niet.");
        if (!Gebruiker.IsWerkgeverVan(verzoek.KvkNummer)) return Foutpagina(403, "Alleen de werkgever die het vroeg, trekt het verzoek in.");
        Verzoek = verzoek;
        return null;
    }
}
