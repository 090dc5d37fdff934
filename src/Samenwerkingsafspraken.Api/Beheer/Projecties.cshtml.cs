using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Samenwerkingsafspraken.Beheer;

/// <summary>The projections (the registry's lookups), how far each has read the events, and rebuilding one as a background job.</summary>
[Toegangssleutel("projectiesPagina")]
public sealed class ProjectiesModel(IDocumentStore store, OutboxedSessionFactory sessies, IMessageBus bus, Herbouwmeldingen meldingen) : Webpagina
{
    public Projectiestanden Standen { get; private set; } = null!;

    /// <summary>The rebuild job just started (post-redirect-get), whose state the page shows above the table.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Taak { get; set; }

    public Herbouwtaak? Herbouw { get; private set; }

    /// <summary>Jobs that wait or run, so that a beheerder sees a rebuild another one started.</summary>
    public IReadOnlyList<Herbouwtaak> Lopend { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Standen = await Projectiestandlezer.Lees(store, cancellation);
        await using var session = store.QuerySession();
        if (Taak is { } id) Herbouw = await session.LoadAsync<Herbouwtaak>(id, cancellation);
        Lopend = await session.Query<Herbouwtaak>()
            .Where(t => t.Status == Herbouwstatus.Wachtend || t.Status == Herbouwstatus.Bezig)
            .OrderBy(t => t.AangevraagdOp)
            .ToListAsync(cancellation);
    }

    /// <summary>
    /// The same job as POST /v1/beheer/projecties/{naam}/herbouw, through the same code: the job's document and its message
    /// are stored in one transaction (the outbox), so the message never runs before its job exists. Like the API it waits a
    /// little, so that a rebuild done by then shows its result at once; either way the page then shows the job.
    /// </summary>
    public async Task<IActionResult> OnPostHerbouwAsync(string? naam)
    {
        await using var session = sessies.OpenSession(bus);
        var uitkomst = await ProjectiesHerbouwenEndpoint.Herbouwen(naam ?? "", HttpContext, session, bus, meldingen);
        if (uitkomst is IValueHttpResult { Value: Herbouwtaak taak } and IStatusCodeHttpResult { StatusCode: 200 or 202 })
        {
            return Redirect($"/beheer/projecties?taak={taak.Id}#herbouw");
        }

        return Weigering(uitkomst);
    }
}
