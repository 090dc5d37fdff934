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

    private static bool Bekend(HttpRequest request, string etag)
    {
        var waarden = request.Headers.IfNoneMatch;
        if (waarden.Count == 0) return false;
        if (!EntityTagHeaderValue.TryParseList(waarden, out var tags)) return false;
        var huidig = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(huidig, useStrongComparison: false));
    }
}
