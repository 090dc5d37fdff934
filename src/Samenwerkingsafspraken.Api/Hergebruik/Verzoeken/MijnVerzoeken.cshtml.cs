using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;

namespace Samenwerkingsafspraken.Hergebruik.Verzoeken;

/// <summary>The employer follows its reuse requests: every request to every region, its status and how long it waited.</summary>
[Toegangssleutel("mijnHergebruikverzoekenPagina")]
public sealed class MijnVerzoekenModel(IQuerySession session, Klok klok) : Webpagina
{
    public string KvkNummer { get; private set; } = "";

    public IReadOnlyList<HergebruikverzoekWeergave> Verzoeken { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string kvkNummer, CancellationToken cancellation)
    {
        if (!Gebruiker.IsAuditor && !Gebruiker.IsWerkgeverVan(kvkNummer))
        {
            HttpContext.Items[FoutSleutel] = new Foutmelding(403, "Een werkgever ziet zijn eigen hergebruikverzoeken.", []);
            return StatusCode(403);
        }

        KvkNummer = kvkNummer;
        var nu = klok.GetUtcNow();
        var verzoeken = await session.Query<Hergebruikverzoek>().Where(v => v.KvkNummer == kvkNummer).OrderByDescending(v => v.VerzochtOp).ToListAsync(cancellation);
        Verzoeken = verzoeken.Select(v => HergebruikverzoekWeergave.Van(v, nu)).ToList();
        return Page();
    }
}
