using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Infrastructure.Http;

/// <summary>Conditional reads (RFC 9110): a client that already holds the current version gets 304 and no body.</summary>
public static class Voorwaardelijk
{
    /// <summary>200 with the resource and its version as ETag, or 304 when If-None-Match names that ETag (weak comparison, as the RFC asks).</summary>
    public static IResult Antwoord<T>(HttpContext http, long versie, T resource)
    {
        var etag = ETag.Van(versie);
        http.Response.Headers.ETag = etag;
        return Bekend(http.Request, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Ok(resource);
    }

    /// <summary>
    /// 200 with the representation and a strong ETag computed from its bytes, or 304, for a resource without a version
    /// number (a background job's state, which its job rewrites as it makes progress): the tag changes exactly when
    /// what a reader would receive changes.
    /// </summary>
    public static IResult AntwoordNaarInhoud<T>(HttpContext http, T resource)
    {
        var inhoud = JsonSerializer.SerializeToUtf8Bytes(resource, Json.Options);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(inhoud), 0, 16)}\"";
        http.Response.Headers.ETag = etag;
        return Bekend(http.Request, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(inhoud, "application/json; charset=utf-8");
    }

    /// <summary>
    /// 200 or 304 for a resource with a version whose representation also shows what other streams hold (a region with
    /// its gemeenten on the peildatum, a gemeente with its region's name): the ETag is the version and a hash of the
    /// representation ("3-9f2c…"), so it changes when anything a reader would receive changes, while If-Match can still
    /// name the version with it.
    /// </summary>
    public static IResult AntwoordMetAfgeleideInhoud<T>(HttpContext http, long versie, T resource)
    {
        var inhoud = JsonSerializer.SerializeToUtf8Bytes(resource, Json.Options);
        var etag = $"\"{versie}-{Convert.ToHexStringLower(SHA256.HashData(inhoud), 0, 8)}\"";
        http.Response.Headers.ETag = etag;
        return Bekend(http.Request, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(inhoud, "application/json; charset=utf-8");
    }

    /// <summary>If-Match compares strongly (RFC 9110 13.1.1): a weak tag never matches, so it is refused rather than read as strong.</summary>
    public static readonly OngeldigeParameter ZwakkeETag = new("If-Match", "zwakke-etag",
        "If-Match vergelijkt sterk: stuur de ETag zoals u hem kreeg, zonder W/, bijvoorbeeld \"3\".");

    public static bool IsZwak(string ifMatch) => ifMatch.TrimStart().StartsWith("W/", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The version an If-Match header names, compared strongly (RFC 9110 13.1.1): a weak tag (W/"3") never matches, so
    /// it is refused with a clear problem rather than read as if it were strong. No header: no version, no problem.
    /// </summary>
    public static (long? Versie, IResult? Probleem) IfMatch(HttpRequest request)
    {
        if (request.Headers.IfMatch.Count == 0) return (null, null);
        var waarde = request.Headers.IfMatch.ToString().Trim();
        if (IsZwak(waarde)) return (null, Problemen.Ongeldig([ZwakkeETag]));

        if (!EntityTagHeaderValue.TryParse(waarde, out var tag) || !ETag.TryVersie(tag.Tag.ToString(), out var versie))
        {
            return (null, Problemen.Ongeldig([new OngeldigeParameter("If-Match", "ongeldig-formaat",
                "If-Match moet de ETag van de bron bevatten, bijvoorbeeld \"3\".")]));
        }

        return (versie, null);
    }

    private static bool Bekend(HttpRequest request, string etag)
    {
        var waarden = request.Headers.IfNoneMatch;
        if (waarden.Count == 0) return false;
        if (!EntityTagHeaderValue.TryParseList(waarden, out var tags)) return false;
        var huidig = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(huidig, useStrongComparison: false));
    }
}
