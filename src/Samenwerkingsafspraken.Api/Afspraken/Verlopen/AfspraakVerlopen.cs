using JasperFx;
using Marten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Afspraken.Verlopen;

public static class AfspraakLatenVerlopen
{
    /// <summary>
    /// An active agreement whose end date has passed expires. A message for an end date that was extended since, or
    /// for an agreement that ended otherwise, changes nothing: the extension scheduled its own message.
    /// </summary>
    public static Besluit Beslis(Samenwerkingsafspraak afspraak, LaatAfspraakVerlopen bericht, DateOnly vandaag, DateTimeOffset nu)
    {
        if (afspraak.Status != AfspraakStatus.Actief) return Besluit.Niets;
        var einddatum = afspraak.Inhoud.Looptijd.Einddatum;
        if (einddatum != bericht.Einddatum || vandaag <= einddatum) return Besluit.Niets;
        return Besluit.Met(new AfspraakVerlopen(afspraak.Id, einddatum, nu));
    }
}

/// <summary>Handles the durable scheduled message: Wolverine keeps it in PostgreSQL until it is due, across restarts.</summary>
public static class LaatAfspraakVerlopenHandler
{
    public static async Task Handle(LaatAfspraakVerlopen bericht, IDocumentSession session, Klok klok, ILogger<LaatAfspraakVerlopen> logger,
        CancellationToken cancellation)
    {
        var stroom = await session.Events.FetchForWriting<Samenwerkingsafspraak>(bericht.AfspraakId, cancellation);
        if (stroom.Aggregate is null) return;

        var besluit = AfspraakLatenVerlopen.Beslis(stroom.Aggregate, bericht, klok.Vandaag, klok.GetUtcNow());
        if (besluit.Gebeurtenissen.Count == 0)
        {
            logger.LogInformation("Agreement {Id}: expiry for {Einddatum} changes nothing (status {Status}, end date {Huidig}).",
                bericht.AfspraakId, bericht.Einddatum, stroom.Aggregate.Status, stroom.Aggregate.Inhoud.Looptijd.Einddatum);
            return;
        }

        session.LastModifiedBy = Gebruiker.Systeem.Id;
        session.SetHeader(Metadata.Rol, Gebruiker.Systeem.Rol);
        session.SetHeader(Metadata.Organisatie, Gebruiker.Systeem.Organisatie);
        session.SetHeader(Metadata.Reden, "einddatum verstreken");
        stroom.AppendMany(besluit.Gebeurtenissen.ToArray());
        await session.SaveChangesAsync(cancellation);
    }
}
