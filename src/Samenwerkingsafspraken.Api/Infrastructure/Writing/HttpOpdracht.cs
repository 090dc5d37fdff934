using System.Diagnostics;
using Microsoft.Net.Http.Headers;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.Infrastructure.Writing;

/// <summary>
/// The API's side of the write path: an <see cref="Opdrachtcontext"/> from the HTTP request (bearer token, If-Match,
/// Idempotency-Key, X-Correlation-ID) and a <see cref="Schrijfuitkomst"/> as the HTTP answer (status, body, ETag,
/// Location, problem+json).
/// </summary>
public static class HttpOpdracht
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static Opdrachtcontext Context(HttpContext http) => new(
        Gebruiker.Van(http.User),
        $"{http.Request.Method} {http.Request.Path}",
        Correlatie.Id(http),
        VerwachteVersie(http),
        http.Request.Headers.TryGetValue(IdempotencyKeyHeader, out var sleutel) ? sleutel.ToString() : null,
        http.RequestAborted);

    /// <summary>The version named in If-Match, when there is one.</summary>
    public static Versievoorwaarde VerwachteVersie(HttpContext http)
    {
        if (http.Request.Headers.IfMatch.Count == 0) return Versievoorwaarde.Geen;

        var waarde = http.Request.Headers.IfMatch.ToString().Trim();
        if (Voorwaardelijk.IsZwak(waarde)) return Versievoorwaarde.Ongeldig(Weigering.OngeldigeInvoer([Voorwaardelijk.ZwakkeETag]));
        if (!EntityTagHeaderValue.TryParse(waarde, out var tag) || !ETag.TryVersie(tag.Tag.ToString(), out var versie))
        {
            return Versievoorwaarde.Ongeldig(Weigering.OngeldigeInvoer([new OngeldigeParameter("If-Match", "ongeldig-formaat",
                "If-Match moet de ETag van de bron bevatten, bijvoorbeeld \"3\".")]));
        }

        return Versievoorwaarde.Van(versie);
    }

    public static async Task<IResult> AlsResultaat(this Task<Schrijfuitkomst> uitkomst) => (await uitkomst).AlsResultaat();

    public static IResult AlsResultaat(this Schrijfuitkomst uitkomst) => uitkomst switch
    {
        Schrijfuitkomst.Gelukt gelukt => new Vastgelegd(gelukt),
        Schrijfuitkomst.Geweigerd geweigerd => geweigerd.Weigering.AlsProbleem(),
        Schrijfuitkomst.Versieconflict conflict => Problemen.Probleem(409, Schrijfuitkomst.Versieconflict.Code, conflict.Detail,
            extra: new Dictionary<string, object?> { ["actueleVersie"] = conflict.ActueleVersie }),
        _ => throw new InvalidOperationException($"Unknown outcome {uitkomst.GetType().Name}."),
    };

    /// <summary>A recorded command, or its replay: the same status, body, Location and ETag either way.</summary>
    private sealed class Vastgelegd(Schrijfuitkomst.Gelukt gelukt) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = gelukt.Status;
            response.Headers.ETag = ETag.Van(gelukt.Versie);
            if (gelukt.Locatie is not null) response.Headers.Location = gelukt.Locatie;
            if (gelukt.Herhaald) response.Headers["Idempotent-Replayed"] = "true";
            response.ContentType = "application/json; charset=utf-8";
            return response.WriteAsync(gelukt.Json, httpContext.RequestAborted);
        }
    }
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

/// <summary>
/// The write path for an endpoint that has no web page beside it yet: the command's pieces given inline, the
/// request's context and answer in HTTP. Everything goes through the same <see cref="Schrijver"/>; a feature that a
/// page also runs exposes an <c>Uitvoeren</c> function instead, which both call.
/// </summary>
public sealed class HttpSchrijver(HttpContext http)
{
    private readonly Schrijver _schrijver = http.RequestServices.GetRequiredService<Schrijver>();

    public Task<IResult> Start<T, TVerzoek>(Guid id, TVerzoek? verzoek, FluentValidation.IValidator<TVerzoek>? validator, Func<Task<Besluit>> beslis,
        Func<T, object> antwoord, Func<T, string> locatie, string bestaatAl, string? reden = null)
        where T : class, IAggregate<T> =>
        _schrijver.Start(HttpOpdracht.Context(http), new Startopdracht<T, TVerzoek>(id, verzoek)
        {
            Validator = _ => validator,
            Beslis = _ => beslis(),
            Antwoord = antwoord,
            Locatie = locatie,
            BestaatAl = bestaatAl,
            Reden = reden,
        }).AlsResultaat();

    public Task<IResult> Wijzig<T, TVerzoek>(Guid id, TVerzoek? verzoek, FluentValidation.IValidator<TVerzoek>? validator, long? versieInBody,
        Func<T, Task<Besluit>> beslis, Func<T, object> antwoord, string nietGevonden, string? reden = null)
        where T : class, IAggregate<T> =>
        _schrijver.Wijzig(HttpOpdracht.Context(http), new Wijzigopdracht<T, TVerzoek>(id, verzoek)
        {
            VersieInBody = versieInBody,
            Validator = _ => validator,
            Beslis = (aggregaat, _) => beslis(aggregaat),
            Antwoord = antwoord,
            NietGevonden = nietGevonden,
            Reden = reden,
        }).AlsResultaat();
}
