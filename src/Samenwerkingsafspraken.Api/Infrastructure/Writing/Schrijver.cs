using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using JasperFx.Events;
using Marten;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Werkgevers;
using Samenwerkingsafspraken.Werkgevers.Registreren;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Runtime;

namespace Samenwerkingsafspraken.Infrastructure.Writing;

/// <summary>
/// The one path by which any front end changes an event stream, so that every write behaves the same: replay of a
/// repeated idempotency key, input validation (all problems at once), the expected version, the pure decide
/// function, who/why as event metadata, the optimistic concurrency check, scheduled messages through Wolverine's
/// outbox, and one transaction for all of it. It knows nothing of HTTP: it takes an <see cref="Opdrachtcontext"/>
/// and answers a <see cref="Schrijfuitkomst"/>.
/// <para>
/// Cost: one session on one connection; every read the command needs (the idempotency record, the stream and its
/// snapshot, the employer, the reference data's stamp, and the documents the inline projections will update) in one
/// batch, one round trip; then the write. The session keeps what it read (an identity map, with Marten's
/// <c>UseIdentityMapForAggregates</c>), so that the inline projections take their documents from it instead of
/// reading each in a round trip of its own during the save.
/// </para>
/// </summary>
public sealed class Schrijver(IDocumentStore store, IWolverineRuntime wolverine, Referentiecache referentiedata, Klok klok)
{
    /// <summary>Starts a new stream. A stream with that id already there is a 409.</summary>
    public async Task<Schrijfuitkomst> Start<T, TVerzoek>(Opdrachtcontext context, Startopdracht<T, TVerzoek> opdracht)
        where T : class, IAggregate<T>
    {
        if (SleutelProbleem(context) is { } sleutelProbleem) return sleutelProbleem;

        await using var session = store.IdentitySession();
        var gelezen = await Lees<T>(session, context, null, opdracht.Werkgever);
        if (Herhaling(gelezen, context, opdracht.Verzoek) is { } herhaald) return herhaald;
        if (await Valideer<TVerzoek>(opdracht.Verzoek, opdracht.Validator(gelezen.Kader), gelezen.Kader, context.Annulering) is { } ongeldig) return ongeldig;

        var besluit = await opdracht.Beslis(new Beslisgegevens(gelezen.Kader, context.Gebruiker, session, context.Annulering));
        if (besluit.Weigering is { } weigering) return weigering;
        if (besluit.Gebeurtenissen.Count == 0) throw new InvalidOperationException("A new stream needs at least one event.");

        ZetMetadata(session, context, opdracht.Reden);
        foreach (var (naam, waarde) in opdracht.Metadata) session.SetHeader(naam, waarde);
        session.Events.StartStream<T>(opdracht.Id, besluit.Gebeurtenissen.ToArray());
        var toestand = Evolueer<T>(null, besluit.Gebeurtenissen, 0);
        await Plan(session, context, besluit);
        var gelukt = Vastleggen(session, context, opdracht.Verzoek, StatusCodes.Status201Created, toestand, opdracht.Antwoord(toestand),
            opdracht.Locatie(toestand));

        try
        {
            await session.SaveChangesAsync(context.Annulering);
        }
        catch (Exception e) when (e is ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            return Weigering.Conflict("bestaat-al", opdracht.BestaatAl);
        }
        catch (JasperFx.DocumentAlreadyExistsException) when (context.IdempotencyKey is not null)
        {
            return await GelijktijdigHerhaald(context, opdracht.Verzoek);
        }
        catch (Exception e) when (IsUniekeSchending(e))
        {
            return Weigering.Conflict("bestaat-al", opdracht.BestaatAl);
        }

        return gelukt;
    }

    /// <summary>Appends to an existing stream at the version the caller names.</summary>
    public async Task<Schrijfuitkomst> Wijzig<T, TVerzoek>(Opdrachtcontext context, Wijzigopdracht<T, TVerzoek> opdracht)
        where T : class, IAggregate<T>
    {
        if (SleutelProbleem(context) is { } sleutelProbleem) return sleutelProbleem;

        await using var session = store.IdentitySession();
        var gelezen = await Lees<T>(session, context, opdracht.Id, opdracht.Werkgever);
        if (Herhaling(gelezen, context, opdracht.Verzoek) is { } herhaald) return herhaald;
        if (await Valideer<TVerzoek>(opdracht.Verzoek, opdracht.Validator(gelezen.Kader), gelezen.Kader, context.Annulering) is { } ongeldig) return ongeldig;
        var (verwacht, versieProbleem) = VerwachteVersie(context.Versie, opdracht.VersieInBody);
        if (versieProbleem is not null) return versieProbleem;

        if (gelezen.Stroom is not { Aggregate: not null } stroom) return Weigering.NietGevonden("niet-gevonden", opdracht.NietGevonden);

        var besluit = await opdracht.Beslis(stroom.Aggregate, new Beslisgegevens(gelezen.Kader, context.Gebruiker, session, context.Annulering));

        // Who may act goes before whether the version is current: a stranger learns nothing about the stream.
        if (besluit.Weigering is { Soort: Weigeringsoort.NietToegestaan or Weigeringsoort.NietGevonden } weigering) return weigering;

        var huidigeVersie = stroom.CurrentVersion ?? 0;
        if (huidigeVersie != verwacht) return new Schrijfuitkomst.Versieconflict(huidigeVersie);
        if (besluit.Weigering is { } anders) return anders;

        ZetMetadata(session, context, opdracht.Reden);
        var toestand = Evolueer(stroom.Aggregate, besluit.Gebeurtenissen, huidigeVersie);
        stroom.AppendMany(besluit.Gebeurtenissen.ToArray());
        await Plan(session, context, besluit);
        var gelukt = Vastleggen(session, context, opdracht.Verzoek, StatusCodes.Status200OK, toestand, opdracht.Antwoord(toestand), null);

        try
        {
            await session.SaveChangesAsync(context.Annulering);
        }
        catch (JasperFx.ConcurrencyException)
        {
            // The session's transaction is gone with the failure: the current version comes from a session of its own.
            await using var vers = store.QuerySession();
            var actueel = await vers.Events.FetchStreamStateAsync(opdracht.Id, CancellationToken.None);
            return new Schrijfuitkomst.Versieconflict(actueel?.Version ?? 0);
        }
        catch (JasperFx.DocumentAlreadyExistsException) when (context.IdempotencyKey is not null)
        {
            return await GelijktijdigHerhaald(context, opdracht.Verzoek);
        }

        return gelukt;
    }

    public static T Evolueer<T>(T? toestand, IReadOnlyList<object> gebeurtenissen, long vanafVersie) where T : class, IAggregate<T>
    {
        var versie = vanafVersie;
        foreach (var gebeurtenis in gebeurtenissen)
        {
            toestand = T.Evolueer(toestand, gebeurtenis, ++versie);
        }

        return toestand ?? throw new InvalidOperationException($"No {typeof(T).Name} after its events.");
    }

    private sealed record Gelezen<T>(Referentiekader Kader, IdempotenteOpdracht? Eerder, IEventStream<T>? Stroom) where T : class;

    /// <summary>Everything the command reads, in one batch: one round trip on the session's one connection.</summary>
    private async Task<Gelezen<T>> Lees<T>(IDocumentSession session, Opdrachtcontext context, Guid? id, string? kvkNummer) where T : class, IAggregate<T>
    {
        var batch = session.CreateBatchQuery();
        var stempel = referentiedata.Stempel(batch);
        var eerder = context.IdempotencyKey is { } sleutel
            ? batch.Load<IdempotenteOpdracht>(IdempotenteOpdracht.IdVoor(context.Gebruiker, sleutel))
            : Task.FromResult<IdempotenteOpdracht?>(null);
        // No stream has the empty id (Marten refuses to fetch one for writing): such a command finds nothing, as for any unknown id.
        var bestaand = id is { } streamId && streamId != Guid.Empty ? streamId : (Guid?)null;
        var stroom = bestaand is { } te ? batch.Events.FetchForWriting<T>(te) : Task.FromResult<IEventStream<T>>(null!);
        var metWerkgever = kvkNummer is not null && Formaten.KvkNummer().IsMatch(kvkNummer);
        var werkgever = metWerkgever ? batch.Load<Werkgever>(Werkgever.StreamId(kvkNummer!)) : Task.FromResult<Werkgever?>(null);

        // An agreement with an employer changes the employer's relations (inline); a stream's own projections follow it.
        if (metWerkgever) _ = batch.Load<Werkgeverrelaties>(kvkNummer!);
        if (bestaand is { } voorladen) T.Voorladen(batch, voorladen);
        await batch.Execute(context.Annulering);

        var stand = await referentiedata.Stand(await stempel, session, context.Annulering);
        return new Gelezen<T>(new Referentiekader(stand.Regios, stand.Varianten, await werkgever), await eerder, id is null ? null : await stroom);
    }

    private static Weigering? SleutelProbleem(Opdrachtcontext context) =>
        context.IdempotencyKey is { Length: 0 or > Opdrachtcontext.MaximaleSleutellengte }
            ? Weigering.OngeldigeInvoer([new OngeldigeParameter(HttpOpdracht.IdempotencyKeyHeader, "ongeldig-formaat",
                $"Idempotency-Key moet 1 tot {Opdrachtcontext.MaximaleSleutellengte} tekens lang zijn.")])
            : null;

    private static Schrijfuitkomst? Herhaling<T, TVerzoek>(Gelezen<T> gelezen, Opdrachtcontext context, TVerzoek verzoek) where T : class =>
        gelezen.Eerder is { } eerder ? Herhaal(eerder, Vingerafdruk(context, verzoek)) : null;

    private static async Task<Schrijfuitkomst?> Valideer<TVerzoek>(TVerzoek? verzoek, IValidator<TVerzoek>? validator, Referentiekader kader,
        CancellationToken annulering)
    {
        if (verzoek is null) return Weigering.OngeldigeInvoer([new OngeldigeParameter("body", "verplicht", "Het verzoek heeft geen inhoud.")]);
        if (validator is null) return null;
        var uitkomst = await validator.ValidateAsync(Kadercontext.Met(verzoek, kader), annulering);
        return uitkomst.IsValid ? null : new Schrijfuitkomst.Geweigerd(Weigering.OngeldigeInvoer(Validatie.AlsParameters(uitkomst)));
    }

    private static (long Versie, Weigering? Probleem) VerwachteVersie(Versievoorwaarde voorwaarde, long? versieInBody)
    {
        if (voorwaarde.Probleem is { } probleem) return (0, probleem);

        if (voorwaarde.Versie is { } uitVoorwaarde && versieInBody is { } uitBody && uitVoorwaarde != uitBody)
        {
            return (0, Weigering.OngeldigeInvoer([new OngeldigeParameter("versie", "tegenstrijdig", "De versie in de body verschilt van die in If-Match.")]));
        }

        return (voorwaarde.Versie ?? versieInBody) is { } versie
            ? (versie, null)
            : (0, Weigering.VoorwaardeVereist("versie-vereist",
                "Noem de versie die u wijzigt: de ETag van de bron in If-Match, of 'versie' in de body."));
    }

    private static void ZetMetadata(IDocumentSession session, Opdrachtcontext context, string? reden)
    {
        var gebruiker = context.Gebruiker;
        session.LastModifiedBy = gebruiker.Id;
        session.CorrelationId = context.CorrelatieId;
        session.SetHeader(Metadata.Rol, gebruiker.Rol);
        session.SetHeader(Metadata.Organisatie, gebruiker.Organisatie);
        if (gebruiker.Naam is { } naam) session.SetHeader(Metadata.Naam, naam);
        if (!string.IsNullOrWhiteSpace(reden)) session.SetHeader(Metadata.Reden, reden);
    }

    private async Task Plan(IDocumentSession session, Opdrachtcontext context, Besluit besluit)
    {
        foreach (var stroom in besluit.NieuweStromen)
        {
            session.Events.StartStream(stroom.AggregateType, stroom.Id, stroom.Gebeurtenissen.ToArray());
        }

        if (besluit.Berichten.Count == 0) return;

        // Enrolled in the session: the messages are stored in the same transaction as the events, and sent after it.
        var outbox = new MartenOutbox(wolverine, session) { CorrelationId = context.CorrelatieId };
        foreach (var gepland in besluit.Berichten)
        {
            // Wolverine's scheduler keeps real time; the decision named a moment in domain time (they differ only in a simulation).
            await outbox.ScheduleAsync(gepland.Bericht, klok.AlsEchtTijdstip(gepland.Tijdstip));
        }
    }

    /// <summary>The answer, serialized once: for the caller and, with an idempotency key, for a later replay.</summary>
    private static Schrijfuitkomst.Gelukt Vastleggen<T, TVerzoek>(IDocumentSession session, Opdrachtcontext context, TVerzoek verzoek, int status,
        T toestand, object weergave, string? locatie) where T : class, IAggregate<T>
    {
        var versie = toestand.Version;
        var json = JsonSerializer.Serialize(weergave, weergave.GetType(), Json.Options);
        if (context.IdempotencyKey is { } sleutel)
        {
            session.Insert(new IdempotenteOpdracht
            {
                Id = IdempotenteOpdracht.IdVoor(context.Gebruiker, sleutel),
                Vingerafdruk = Vingerafdruk(context, verzoek),
                Status = status,
                Locatie = locatie,
                Versie = versie,
                Body = json,
                Tijdstip = DateTimeOffset.UtcNow,
            });
        }

        return new Schrijfuitkomst.Gelukt(status, versie, locatie, json, weergave, Herhaald: false);
    }

    private async Task<Schrijfuitkomst> GelijktijdigHerhaald<TVerzoek>(Opdrachtcontext context, TVerzoek verzoek)
    {
        // The same key arrived twice at once and the other request won: answer as it answered.
        await using var vers = store.QuerySession();
        var bestaand = await vers.LoadAsync<IdempotenteOpdracht>(IdempotenteOpdracht.IdVoor(context.Gebruiker, context.IdempotencyKey!), CancellationToken.None);
        return bestaand is null
            ? Weigering.Conflict("idempotency-key-in-behandeling", "Een verzoek met deze Idempotency-Key wordt nog verwerkt.")
            : Herhaal(bestaand, Vingerafdruk(context, verzoek));
    }

    private static Schrijfuitkomst Herhaal(IdempotenteOpdracht bestaand, string vingerafdruk) =>
        bestaand.Vingerafdruk != vingerafdruk
            ? Weigering.NietVerwerkbaar("idempotency-key-hergebruikt",
                "Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik per verzoek een nieuwe sleutel.")
            : new Schrijfuitkomst.Gelukt(bestaand.Status, bestaand.Versie, bestaand.Locatie, bestaand.Body, null, Herhaald: true);

    /// <summary>
    /// The SHA-256 of the action, a line break and the request as JSON in UTF-8: hashed as the serializer writes it,
    /// without making a string of it first (the same bytes, so the same fingerprint as records written before).
    /// </summary>
    private static string Vingerafdruk<TVerzoek>(Opdrachtcontext context, TVerzoek verzoek)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(context.Handeling + "\n"));
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(verzoek, Json.Options));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>A unique index of a projection refused the write: what it guards against already exists (a race lost).</summary>
    private static bool IsUniekeSchending(Exception e)
    {
        for (Exception? binnen = e; binnen is not null; binnen = binnen.InnerException)
        {
            if (binnen is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }) return true;
        }

        return false;
    }
}

/// <summary>What a decision may consult besides the aggregate: reference data, who asks, and the session for a read that depends on the aggregate.</summary>
public sealed record Beslisgegevens(Referentiekader Kader, Gebruiker Gebruiker, IQuerySession Sessie, CancellationToken Annulering);

/// <summary>A command that starts a stream: its id and content, how to check and decide it, and how to answer.</summary>
public sealed record Startopdracht<T, TVerzoek>(Guid Id, TVerzoek? Verzoek) where T : class, IAggregate<T>
{
    /// <summary>A KvK-nummer whose employer the command needs: read in the same batch, found in <see cref="Referentiekader.Werkgever"/>.</summary>
    public string? Werkgever { get; init; }

    public Func<Referentiekader, IValidator<TVerzoek>?> Validator { get; init; } = _ => null;

    public required Func<Beslisgegevens, Task<Besluit>> Beslis { get; init; }

    /// <summary>The new state in its API shape.</summary>
    public required Func<T, object> Antwoord { get; init; }

    public required Func<T, string> Locatie { get; init; }

    /// <summary>The detail of the 409 when the stream (or what a unique index guards) already exists.</summary>
    public required string BestaatAl { get; init; }

    public string? Reden { get; init; }

    /// <summary>Headers beside who and why on every event the command records (an import names itself on each agreement it starts).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}

/// <summary>A command on an existing stream: which one, its content and version, how to check and decide it, and how to answer.</summary>
public sealed record Wijzigopdracht<T, TVerzoek>(Guid Id, TVerzoek? Verzoek) where T : class, IAggregate<T>
{
    /// <summary>The version named in the content ('versie'), beside the one the context brings (If-Match).</summary>
    public long? VersieInBody { get; init; }

    /// <summary>A KvK-nummer whose employer the command needs: read in the same batch, found in <see cref="Referentiekader.Werkgever"/>.</summary>
    public string? Werkgever { get; init; }

    public Func<Referentiekader, IValidator<TVerzoek>?> Validator { get; init; } = _ => null;

    public required Func<T, Beslisgegevens, Task<Besluit>> Beslis { get; init; }

    /// <summary>The new state in its API shape.</summary>
    public required Func<T, object> Antwoord { get; init; }

    /// <summary>The detail of the 404 when there is no such stream.</summary>
    public required string NietGevonden { get; init; }

    public string? Reden { get; init; }
}
