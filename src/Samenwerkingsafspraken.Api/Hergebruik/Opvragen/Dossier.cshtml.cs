using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Samenwerkingsafspraken.Afspraken.Bewijs;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;

namespace Samenwerkingsafspraken.Hergebruik.Opvragen;

/// <summary>A reuse request with its reference dossier: what the asked region reads before it decides.</summary>
[Toegangssleutel("referentiedossierPagina")]
public sealed class DossierModel(IQuerySession session, Klok klok, IOptions<Bewijsregel> regel) : Webpagina
{
    public Referentiedossier Dossier { get; private set; } = null!;

    /// <summary>What a form that sent the user here just recorded (post-redirect-get).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Melding { get; set; }

    public string? Meldingtekst => Melding switch
    {
        "verzocht" => "Uw verzoek is verstuurd. De regio ziet het nu in haar inbox, met dit referentiedossier.",
        "ingetrokken" => "Het verzoek is ingetrokken.",
        "besloten" => "Uw besluit is vastgelegd; de werkgever ziet het bij zijn verzoek.",
        _ => null,
    };

    public bool KanBesluiten => Dossier.Verzoek.Status == Verzoekstatus.Open && Gebruiker.IsRegiopartijVan(Dossier.Verzoek.DoelArbeidsmarktregio);

    public bool KanIntrekken => Dossier.Verzoek.Status == Verzoekstatus.Open && Gebruiker.IsWerkgeverVan(Dossier.Verzoek.KvkNummer);

    public string Regel => regel.Value.Omschrijving;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        var dossier = await HergebruikOpvragen.Dossier(id, Gebruiker, session, klok.GetUtcNow(), cancellation);
        if (dossier.IsProbleem) return Weigering(dossier.Probleem);

        Dossier = dossier.Waarde;
        return Page();
    }
}
