using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Afspraken.Ondertekenen;

/// <summary>A required party signs the current content: the same command as POST …/ondertekeningen.</summary>
[Toegangssleutel("afspraakOndertekenenPagina")]
public sealed class OndertekenenModel(IQuerySession session, Schrijver schrijver, Klok klok) : Afspraakactie(session)
{
    protected override string Actienaam => "Ondertekenen";

    protected override string Actiepad => "ondertekenen";

    public Partij? Partij => Toegang.AlsPartij(Gebruiker, Afspraak);

    /// <summary>Why this person cannot sign now, in the decide function's own words; nothing when they can.</summary>
    public string? Bezwaar { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        Geopend();
        Bezwaar = AfspraakOndertekenen.Beslis(Afspraak, Gebruiker, klok.Vandaag, klok.GetUtcNow()).Weigering?.Detail;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        var uitkomst = await AfspraakOndertekenen.Uitvoeren(schrijver, Opdracht(Handeling("ondertekeningen"), Versie), id, new OndertekenenVerzoek(null), klok);
        return await Uitkomst(uitkomst, [], "ondertekend", cancellation: cancellation);
    }
}
