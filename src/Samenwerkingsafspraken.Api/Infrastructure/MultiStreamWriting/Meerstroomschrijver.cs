using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Infrastructure.MultiStreamWriting;

/// <summary>
/// The events one decision adds to one stream: a new stream (<see cref="VerwachteVersie"/> null) or an existing one
/// at the version the decision read it at, so that a stream changed in the meantime makes the whole decision fail.
/// </summary>
public sealed record Stroomwijziging(Type AggregateType, Guid Id, long? VerwachteVersie, IReadOnlyList<object> Gebeurtenissen)
{
    public static Stroomwijziging Nieuw<T>(Guid id, params object[] gebeurtenissen) where T : class, IAggregate<T> =>
        new(typeof(T), id, null, gebeurtenissen);

    public static Stroomwijziging Bij<T>(T aggregate, params object[] gebeurtenissen) where T : class, IAggregate<T> =>
        new(typeof(T), aggregate.Id, aggregate.Version, gebeurtenissen);
}

/// <summary>A decision that changes several streams at once (a re-delineation, a merger of employers), or a refusal.</summary>
public sealed record Meerstroombesluit
{
    public IReadOnlyList<Stroomwijziging> Wijzigingen { get; init; } = [];

    public Weigering? Weigering { get; init; }

    public static Meerstroombesluit Met(IEnumerable<Stroomwijziging> wijzigingen) =>
        new() { Wijzigingen = wijzigingen.Where(w => w.Gebeurtenissen.Count > 0).ToList() };

    public static implicit operator Meerstroombesluit(Weigering weigering) => new() { Weigering = weigering };
}

/// <summary>The resource a recorded decision answers with: its status (201 for a new one), version, location and API shape.</summary>
public sealed record Meerstroomantwoord(int Status, long Versie, string? Locatie, object Weergave)
{
    public static Meerstroomantwoord Ok(long versie, object weergave) => new(StatusCodes.Status200OK, versie, null, weergave);

    public static Meerstroomantwoord Nieuw(long versie, string locatie, object weergave) => new(StatusCodes.Status201Created, versie, locatie, weergave);
}

/// <summary>A decision over several streams: its content, how to check it, the version it needs, how to decide and answer.</summary>
public sealed record Meerstroomopdracht<TVerzoek>(TVerzoek? Verzoek)
{
    public IValidator<TVerzoek>? Validator { get; init; }

    /// <summary>The decision concerns an existing resource, whose version the caller must name (If-Match or a form's field, or 'versie').</summary>
    public bool VersieVereist { get; init; }

    /// <summary>The version named in the content ('versie'), beside the one the context brings.</summary>
    public long? VersieInBody { get; init; }

    /// <summary>Loads what the decision needs and decides; gives the current version of the resource addressed, or null when there is none yet.</summary>
    public required Func<IQuerySession, CancellationToken, Task<(Meerstroombesluit Besluit, long? HuidigeVersie)>> Beslis { get; init; }

    /// <summary>The answer after the write, read back from the projections the write updated.</summary>
    public required Func<IQuerySession, CancellationToken, Task<Meerstroomantwoord>> Antwoord { get; init; }

    public string? Reden { get; init; }
}

/// <summary>
/// Writes a decision that spans streams in one transaction. The Schrijver writes one aggregate per command; a
/// re-delineation moves gemeenten between regions and ends regions in one go, and a merger of employers moves their
/// agreements, so those decisions name every stream they touch with the version they read it at. The steps and
/// outcomes are the Schrijver's: all input problems at once, who may act before whether the version is current, the
/// expected version of the resource addressed (else 'versie-vereist'; stale: a <see cref="Schrijfuitkomst.Versieconflict"/>),
/// who and why as event metadata, and a concurrent change to any stream involved is a conflict. Like the Schrijver
/// it knows nothing of HTTP: the API and the web pages give it an <see cref="Opdrachtcontext"/> and show its
/// <see cref="Schrijfuitkomst"/> each in their own way. It keeps no idempotency record: a repeat cannot have its
/// effect twice, because the versions it read have moved on (or what it would change is already so).
/// </summary>
public sealed class Meerstroomschrijver(IDocumentStore store)
{
    public async Task<Schrijfuitkomst> Schrijf<TVerzoek>(Opdrachtcontext context, Meerstroomopdracht<TVerzoek> opdracht)
    {
        if (opdracht.Verzoek is null) return Weigering.OngeldigeInvoer([new OngeldigeParameter("body", "verplicht", "Het verzoek heeft geen inhoud.")]);
        if (opdracht.Validator is not null)
        {
            var validatie = await opdracht.Validator.ValidateAsync(opdracht.Verzoek, context.Annulering);
            if (!validatie.IsValid) return Weigering.OngeldigeInvoer(Validatie.AlsParameters(validatie));
        }

        long? verwacht = null;
        if (opdracht.VersieVereist)
        {
            var (versie, probleem) = VerwachteVersie(context.Versie, opdracht.VersieInBody);
            if (probleem is not null) return probleem;
            verwacht = versie;
        }

        await using var session = store.LightweightSession();
        var (besluit, huidig) = await opdracht.Beslis(session, context.Annulering);

        // Who may act goes before whether the version is current: a stranger learns nothing about the streams.
        if (besluit.Weigering is { Soort: Weigeringsoort.NietToegestaan or Weigeringsoort.NietGevonden } weigering) return weigering;
        if (verwacht is not null && huidig is { } h && h != verwacht) return new Schrijfuitkomst.Versieconflict(h);
        if (besluit.Weigering is { } anders) return anders;

        var gebruiker = context.Gebruiker;
        session.LastModifiedBy = gebruiker.Id;
        session.CorrelationId = context.CorrelatieId;
        session.SetHeader(Metadata.Rol, gebruiker.Rol);
        session.SetHeader(Metadata.Organisatie, gebruiker.Organisatie);
        if (gebruiker.Naam is { } naam) session.SetHeader(Metadata.Naam, naam);
        if (!string.IsNullOrWhiteSpace(opdracht.Reden)) session.SetHeader(Metadata.Reden, opdracht.Reden);
        Voeg(session, besluit);

        try
        {
            await session.SaveChangesAsync(context.Annulering);
        }
        catch (Exception e) when (IsGelijktijdig(e))
        {
            return Weigering.Conflict("gelijktijdig-gewijzigd",
                "Een van de betrokken bronnen is intussen gewijzigd. Haal de gegevens opnieuw op en probeer het dan nog eens.");
        }

        // Read back on a session of its own: the projections the write updated inline are committed with it.
        await using var lezen = store.QuerySession();
        var antwoord = await opdracht.Antwoord(lezen, context.Annulering);
        var json = System.Text.Json.JsonSerializer.Serialize(antwoord.Weergave, antwoord.Weergave.GetType(), Json.Options);
        return new Schrijfuitkomst.Gelukt(antwoord.Status, antwoord.Versie, antwoord.Locatie, json, antwoord.Weergave, Herhaald: false);
    }

    private static void Voeg(IDocumentSession session, Meerstroombesluit besluit)
    {
        foreach (var wijziging in besluit.Wijzigingen)
        {
            if (wijziging.VerwachteVersie is { } versie)
            {
                session.Events.Append(wijziging.Id, versie + wijziging.Gebeurtenissen.Count, wijziging.Gebeurtenissen.ToArray());
            }
            else
            {
                session.Events.StartStream(wijziging.AggregateType, wijziging.Id, wijziging.Gebeurtenissen.ToArray());
            }
        }
    }

    private static bool IsGelijktijdig(Exception e) =>
        e is JasperFx.ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException or JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
        || e.InnerException is { } binnen && IsGelijktijdig(binnen);

    /// <summary>The version the caller expects: from the context (If-Match, a form's field) or 'versie' in the content (both given, they must agree).</summary>
    private static (long? Versie, Weigering? Probleem) VerwachteVersie(Versievoorwaarde voorwaarde, long? versieInBody)
    {
        if (voorwaarde.Probleem is { } probleem) return (null, probleem);

        if (voorwaarde.Versie is { } uitVoorwaarde && versieInBody is { } uitBody && uitVoorwaarde != uitBody)
        {
            return (null, Weigering.OngeldigeInvoer([new OngeldigeParameter("versie", "tegenstrijdig", "De versie in de body verschilt van die in If-Match.")]));
        }

        return (voorwaarde.Versie ?? versieInBody) is { } versie
            ? (versie, null)
            : (null, Weigering.VoorwaardeVereist("versie-vereist", "Noem de versie die u wijzigt: de ETag van de bron in If-Match, of 'versie' in de body."));
    }
}
