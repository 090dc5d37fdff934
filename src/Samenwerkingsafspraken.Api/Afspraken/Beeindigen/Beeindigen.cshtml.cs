using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Afspraken.Beeindigen;

/// <summary>A public party of the region ends the agreement today, with a reason: the same command as POST …/beeindiging.</summary>
[Toegangssleutel("afspraakBeeindigenPagina")]
public sealed class BeeindigenModel(IQuerySession session, Schrijver schrijver, Klok klok) : Afspraakactie(session)
{
    [BindProperty] public string? Reden { get; set; }
    [BindProperty] public string? Toelichting { get; set; }

    protected override string Actienaam => "Beëindigen";

    protected override string Actiepad => "beeindigen";

    public static IReadOnlyList<Optie> Redenen { get; } = Beeindigingsredenen.Alle.Select(r => new Optie(r.Key, r.Value)).ToList();

    public DateOnly Vandaag => klok.Vandaag;

    public IEnumerable<Veld> Velden => [new("reden", "Reden", "Kies de reden."), new("toelichting", "Toelichting", "Licht de beëindiging toe.")];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        Geopend();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        var uitkomst = await AfspraakBeeindigen.Uitvoeren(schrijver, Opdracht(Handeling("beeindiging"), Versie), id, new BeeindigingVerzoek(Reden, Toelichting, null), klok);
        return await Uitkomst(uitkomst, Velden, "beeindigd", cancellation: cancellation);
    }
}
