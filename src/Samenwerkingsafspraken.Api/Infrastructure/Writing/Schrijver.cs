using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Net.Http.Headers;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;
using Wolverine;

namespace Samenwerkingsafspraken.Infrastructure.Writing;

/// <summary>
/// The one path by which an HTTP request changes an event stream, so that every write behaves the same:
/// replay of a repeated Idempotency-Key, input validation (all problems at once), the expected version (If-Match or
/// a version in the body), the pure decide function, who/why as event metadata, the optimistic concurrency check,
/// scheduled messages through Wolverine's outbox, and one transaction for all of it.
/// </summary>
public sealed class Schrijver(HttpContext http, IDocumentSession session, IMessageBus bus)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly Gebruiker _gebruiker = Gebruiker.Van(http.User);

    /// <summary>Starts a new stream. A stream with that id already there is a 409.</summary>
    public async Task<IResult> Start<T, TVerzoek>(Guid id, TVerzoek verzoek, IValidator<TVerzoek>? validator,
        Func<Task<Besluit>> beslis, Func<T, object> antwoord, Func<T, string> locatie, string bestaatAl, string? reden = null)
        where T : class, IAggregate<T>
    {
        var idempotent = await Idempotentie(verzoek);
        if (idempotent.Antwoord is { } herhaald) return herhaald;

        if (await Valideer(validator, verzoek) is { } ongeldig) return ongeldig;

        var besluit = await beslis();
        if (besluit.Weigering is { } weigering) return weigering.AlsProbleem();
        if (besluit.Gebeurtenissen.Count == 0) throw new InvalidOperationException("A new stream needs at least one event.");

        ZetMetadata(reden);
        session.Events.StartStream<T>(id, besluit.Gebeurtenissen.ToArray());
        var toestand = Evolueer<T>(null, besluit.Gebeurtenissen, 0);
        var body = antwoord(toestand);
        await Plan(besluit);

        var resultaat = new Opgeslagen(StatusCodes.Status201Created, body, locatie(toestand), toestand.Version);
        idempotent.Bewaar?.Invoke(resultaat);

        try
        {
            await session.SaveChangesAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            return Problemen.Probleem(409, "bestaat-al", bestaatAl);
        }
        catch (JasperFx.DocumentAlreadyExistsException) when (idempotent.Bewaar is not null)
        {
            return await GelijktijdigHerhaald(verzoek);
        }
        catch (Exception e) when (IsUniekeSchending(e))
        {
            return Problemen.Probleem(409, "bestaat-al", bestaatAl);
        }

        return resultaat.AlsResultaat(http);
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

    /// <summary>Appends to an existing stream at the version the caller names.</summary>
    public async Task<IResult> Wijzig<T, TVerzoek>(Guid id, TVerzoek verzoek, IValidator<TVerzoek>? validator, long? versieInBody,
        Func<T, Task<Besluit>> beslis, Func<T, object> antwoord, string nietGevonden, string? reden = null)
        where T : class, IAggregate<T>
    {
        var idempotent = await Idempotentie(verzoek);
        if (idempotent.Antwoord is { } herhaald) return herhaald;

        if (await Valideer(validator, verzoek) is { } ongeldig) return ongeldig;

        var verwacht = VerwachteVersie(versieInBody);
        if (verwacht.Probleem is { } versieProbleem) return versieProbleem;

        var stroom = await session.Events.FetchForWriting<T>(id, http.RequestAborted);
        if (stroom.Aggregate is null) return Problemen.NietGevonden(nietGevonden);

        var besluit = await beslis(stroom.Aggregate);

        // Who may act goes before whether the version is current: a stranger learns nothing about the stream.
        if (besluit.Weigering is { Soort: Weigeringsoort.NietToegestaan or Weigeringsoort.NietGevonden } weigering)
        {
            return weigering.AlsProbleem();
        }

        var huidigeVersie = stroom.CurrentVersion ?? 0;
        if (huidigeVersie != verwacht.Versie) return VersieConflict(huidigeVersie);
        if (besluit.Weigering is { } anders) return anders.AlsProbleem();

        ZetMetadata(reden);
        var toestand = Evolueer(stroom.Aggregate, besluit.Gebeurtenissen, huidigeVersie);
        stroom.AppendMany(besluit.Gebeurtenissen.ToArray());
        var body = antwoord(toestand);
        await Plan(besluit);

        var resultaat = new Opgeslagen(StatusCodes.Status200OK, body, null, toestand.Version);
        idempotent.Bewaar?.Invoke(resultaat);

        try
        {
            await session.SaveChangesAsync(http.RequestAborted);
        }
        catch (JasperFx.ConcurrencyException)
        {
            var actueel = await session.Events.FetchStreamStateAsync(id, CancellationToken.None);
            return VersieConflict(actueel?.Version ?? 0);
        }
        catch (JasperFx.DocumentAlreadyExistsException) when (idempotent.Bewaar is not null)
        {
            return await GelijktijdigHerhaald(verzoek);
        }

        return resultaat.AlsResultaat(http);
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

    private static IResult VersieConflict(long actueel) => Problemen.Probleem(409, "versie-verouderd",
        $"De bron is intussen gewijzigd: de actuele versie is {actueel}. Haal haar opnieuw op en probeer het dan nog eens.",
        extra: new Dictionary<string, object?> { ["actueleVersie"] = actueel });

    private static async Task<IResult?> Valideer<TVerzoek>(IValidator<TVerzoek>? validator, TVerzoek verzoek)
    {
        if (verzoek is null) return Problemen.Ongeldig([new OngeldigeParameter("body", "verplicht", "Het verzoek heeft geen inhoud.")]);
        if (validator is null) return null;
        return await Validatie.Controleer(validator, verzoek);
    }

    private (long? Versie, IResult? Probleem) VerwachteVersie(long? versieInBody)
    {
        var (uitHeader, ongeldig) = Voorwaardelijk.IfMatch(http.Request);
        if (ongeldig is not null) return (null, ongeldig);

        if (uitHeader is not null && versieInBody is not null && uitHeader != versieInBody)
        {
            return (null, Problemen.Ongeldig([new OngeldigeParameter("versie", "tegenstrijdig",
                "De versie in de body verschilt van die in If-Match.")]));
        }

        var versie = uitHeader ?? versieInBody;
        if (versie is null)
        {
            return (null, Problemen.Probleem(428, "versie-vereist",
                "Noem de versie die u wijzigt: de ETag van de bron in If-Match, of 'versie' in de body."));
        }

        return (versie, null);
    }

    private void ZetMetadata(string? reden)
    {
        session.LastModifiedBy = _gebruiker.Id;
        session.CorrelationId = Correlatie.Id(http);
        session.SetHeader(Metadata.Rol, _gebruiker.Rol);
        session.SetHeader(Metadata.Organisatie, _gebruiker.Organisatie);
        if (_gebruiker.Naam is { } naam) session.SetHeader(Metadata.Naam, naam);
        if (!string.IsNullOrWhiteSpace(reden)) session.SetHeader(Metadata.Reden, reden);
    }

    private async Task Plan(Besluit besluit)
    {
        foreach (var stroom in besluit.NieuweStromen)
        {
            session.Events.StartStream(stroom.AggregateType, stroom.Id, stroom.Gebeurtenissen.ToArray());
        }

        foreach (var gepland in besluit.Berichten)
        {
            await bus.ScheduleAsync(gepland.Bericht, gepland.Tijdstip);
        }
    }

    private async Task<(IResult? Antwoord, Action<Opgeslagen>? Bewaar)> Idempotentie<TVerzoek>(TVerzoek verzoek)
    {
        if (!http.Request.Headers.TryGetValue(IdempotencyKeyHeader, out var waarden)) return (null, null);

        var sleutel = waarden.ToString();
        if (sleutel.Length is 0 or > 255)
        {
            return (Problemen.Ongeldig([new OngeldigeParameter(IdempotencyKeyHeader, "ongeldig-formaat",
                "Idempotency-Key moet 1 tot 255 tekens lang zijn.")]), null);
        }

        var id = IdempotenteOpdracht.IdVoor(_gebruiker, sleutel);
        var vingerafdruk = Vingerafdruk(verzoek);
        var bestaand = await session.LoadAsync<IdempotenteOpdracht>(id, http.RequestAborted);
        if (bestaand is not null) return (Herhaal(bestaand, vingerafdruk), null);

        return (null, opgeslagen => session.Insert(new IdempotenteOpdracht
        {
            Id = id,
            Vingerafdruk = vingerafdruk,
            Status = opgeslagen.Status,
            Locatie = opgeslagen.Locatie,
            Versie = opgeslagen.Versie,
            Body = JsonSerializer.Serialize(opgeslagen.Body, opgeslagen.Body.GetType(), Json.Options),
            Tijdstip = DateTimeOffset.UtcNow,
        }));
    }

    private async Task<IResult> GelijktijdigHerhaald<TVerzoek>(TVerzoek verzoek)
    {
        // The same key arrived twice at once and the other request won: answer as it answered.
        var id = IdempotenteOpdracht.IdVoor(_gebruiker, http.Request.Headers[IdempotencyKeyHeader].ToString());
        await using var vers = session.DocumentStore.QuerySession();
        var bestaand = await vers.LoadAsync<IdempotenteOpdracht>(id, CancellationToken.None);
        return bestaand is null
            ? Problemen.Probleem(409, "idempotency-key-in-behandeling", "Een verzoek met deze Idempotency-Key wordt nog verwerkt.")
            : Herhaal(bestaand, Vingerafdruk(verzoek));
    }

    private static IResult Herhaal(IdempotenteOpdracht bestaand, string vingerafdruk)
    {
        if (bestaand.Vingerafdruk != vingerafdruk)
        {
            return Problemen.Probleem(422, "idempotency-key-hergebruikt",
                "Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik per verzoek een nieuwe sleutel.");
        }

        return new HerhaaldAntwoord(bestaand);
    }

    private string Vingerafdruk<TVerzoek>(TVerzoek verzoek)
    {
        var tekst = $"{http.Request.Method} {http.Request.Path}\n{JsonSerializer.Serialize(verzoek, Json.Options)}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(tekst)));
    }

    private sealed record Opgeslagen(int Status, object Body, string? Locatie, long Versie)
    {
        public IResult AlsResultaat(HttpContext http)
        {
            http.Response.Headers.ETag = ETag.Van(Versie);
            return Status == StatusCodes.Status201Created
                ? Results.Json(Body, Json.Options, statusCode: Status, contentType: "application/json").MetLocatie(Locatie)
                : Results.Json(Body, Json.Options, statusCode: Status);
        }
    }

    private sealed class HerhaaldAntwoord(IdempotenteOpdracht opgeslagen) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = opgeslagen.Status;
            httpContext.Response.Headers.ETag = ETag.Van(opgeslagen.Versie);
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            if (opgeslagen.Locatie is not null) httpContext.Response.Headers.Location = opgeslagen.Locatie;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await httpContext.Response.WriteAsync(opgeslagen.Body, httpContext.RequestAborted);
        }
    }
}

/// <summary>A remembered answer to a write with an Idempotency-Key, stored in the same transaction as its events.</summary>
public sealed class IdempotenteOpdracht
{
    public string Id { get; set; } = "";
    public string Vingerafdruk { get; set; } = "";
    public int Status { get; set; }
    public string? Locatie { get; set; }
    public long Versie { get; set; }
    public string Body { get; set; } = "";
    public DateTimeOffset Tijdstip { get; set; }

    /// <summary>Keys are scoped to the caller: two organisations that happen to choose the same key never meet.</summary>
    public static string IdVoor(Gebruiker gebruiker, string sleutel) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{gebruiker.Rol}|{gebruiker.Organisatie}|{gebruiker.Id}|{sleutel}")));
}

/// <summary>The event metadata headers: who acted, for which organisation, and why.</summary>
public static class Metadata
{
    public const string Rol = "rol";
    public const string Organisatie = "organisatie";
    public const string Naam = "naam";
    public const string Reden = "reden";
}

public static class ETag
{
    public static string Van(long versie) => $"\"{versie}\"";
}

public static class Correlatie
{
    public const string Header = "X-Correlation-ID";

    public static string Id(HttpContext http)
    {
        var opgegeven = http.Request.Headers[Header].ToString();
        if (opgegeven.Length is > 0 and <= 100) return opgegeven;
        return Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
    }
}

internal static class ResultExtensions
{
    public static IResult MetLocatie(this IResult result, string? locatie) =>
        locatie is null ? result : new MetLocatieResult(result, locatie);

    private sealed class MetLocatieResult(IResult inner, string locatie) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = locatie;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
