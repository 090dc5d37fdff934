using FluentValidation;
using Marten;
using Microsoft.Net.Http.Headers;
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

/// <summary>
/// Writes a decision that spans streams in one transaction. The Schrijver writes one aggregate per request; a
/// re-delineation moves gemeenten between regions and ends regions in one go, and a merger of employers moves their
/// agreements, so those decisions name every stream they touch with the version they read it at. The steps and
/// answers are the Schrijver's: all input problems at once (400), who may act before whether the version is current
/// (403, 404), the expected version of the resource addressed (If-Match or 'versie', else 428; stale: 409), who and
/// why as event metadata, and a concurrent change to any stream involved is a 409.
/// </summary>
public sealed class Meerstroomschrijver(HttpContext http, IDocumentSession session)
{
    private readonly Gebruiker _gebruiker = Gebruiker.Van(http.User);

    /// <param name="versieInBody">The version named in the body, for a decision about an existing resource.</param>
    /// <param name="beslis">Loads what the decision needs and decides; gives the current version of the resource addressed, or null when there is none yet.</param>
    /// <param name="antwoord">The answer after the write, read back from the projections the write updated.</param>
    public async Task<IResult> Schrijf<TVerzoek>(TVerzoek? verzoek, IValidator<TVerzoek>? validator, bool versieVereist, long? versieInBody,
        Func<Task<(Meerstroombesluit Besluit, long? HuidigeVersie)>> beslis, Func<Task<IResult>> antwoord, string? reden)
    {
        if (verzoek is null) return Problemen.Ongeldig([new OngeldigeParameter("body", "verplicht", "Het verzoek heeft geen inhoud.")]);
        if (validator is not null && await Validatie.Controleer(validator, verzoek, http.RequestAborted) is { } ongeldig) return ongeldig;

        long? verwacht = null;
        if (versieVereist)
        {
            var (versie, probleem) = VerwachteVersie(http, versieInBody);
            if (probleem is not null) return probleem;
            verwacht = versie;
        }

        var (besluit, huidig) = await beslis();
        if (besluit.Weigering is { Soort: Weigeringsoort.NietToegestaan or Weigeringsoort.NietGevonden } weigering) return weigering.AlsProbleem();
        if (verwacht is not null && huidig is { } h && h != verwacht) return VersieConflict(h);
        if (besluit.Weigering is { } anders) return anders.AlsProbleem();

        session.LastModifiedBy = _gebruiker.Id;
        session.CorrelationId = Correlatie.Id(http);
        session.SetHeader(Metadata.Rol, _gebruiker.Rol);
        session.SetHeader(Metadata.Organisatie, _gebruiker.Organisatie);
        if (_gebruiker.Naam is { } naam) session.SetHeader(Metadata.Naam, naam);
        if (!string.IsNullOrWhiteSpace(reden)) session.SetHeader(Metadata.Reden, reden);
        Voeg(session, besluit);

        try
        {
            await session.SaveChangesAsync(http.RequestAborted);
        }
        catch (Exception e) when (IsGelijktijdig(e))
        {
            return Problemen.Probleem(409, "gelijktijdig-gewijzigd",
                "Een van de betrokken bronnen is intussen gewijzigd. Haal de gegevens opnieuw op en probeer het dan nog eens.");
        }

        return await antwoord();
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

    public static IResult VersieConflict(long actueel) => Problemen.Probleem(409, "versie-verouderd",
        $"De bron is intussen gewijzigd: de actuele versie is {actueel}. Haal haar opnieuw op en probeer het dan nog eens.",
        extra: new Dictionary<string, object?> { ["actueleVersie"] = actueel });

    /// <summary>The version the caller expects: If-Match, or 'versie' in the body (both given, they must agree).</summary>
    public static (long? Versie, IResult? Probleem) VerwachteVersie(HttpContext http, long? versieInBody)
    {
        var (uitHeader, ongeldig) = Voorwaardelijk.IfMatch(http.Request);
        if (ongeldig is not null) return (null, ongeldig);

        if (uitHeader is not null && versieInBody is not null && uitHeader != versieInBody)
        {
            return (null, Problemen.Ongeldig([new OngeldigeParameter("versie", "tegenstrijdig", "De versie in de body verschilt van die in If-Match.")]));
        }

        return (uitHeader ?? versieInBody) is { } versie
            ? (versie, null)
            : (null, Problemen.Probleem(428, "versie-vereist", "Noem de versie die u wijzigt: de ETag van de bron in If-Match, of 'versie' in de body."));
    }
}
