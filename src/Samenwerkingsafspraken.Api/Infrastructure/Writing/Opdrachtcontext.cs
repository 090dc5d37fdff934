using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.Infrastructure.Writing;

/// <summary>
/// What a front end brings to a command besides its content: who asks, the version they expect, an optional
/// idempotency key, and the correlation id for the audit trail. The API builds it from the HTTP request
/// (<see cref="HttpOpdracht"/>), the web pages from the signed-in user and the form; the command behaves the same.
/// </summary>
/// <param name="Handeling">
/// The operation and resource, as the API names it (<c>POST /v1/samenwerkingsafspraken/{id}/wijzigingen</c>): an
/// idempotency key is remembered together with it and the content, so a page that names the API's operation shares
/// its replay.
/// </param>
public sealed record Opdrachtcontext(
    Gebruiker Gebruiker,
    string Handeling,
    string CorrelatieId,
    Versievoorwaarde Versie,
    string? IdempotencyKey = null,
    CancellationToken Annulering = default)
{
    /// <summary>The longest idempotency key accepted (as in the IETF draft's examples: a UUID fits many times).</summary>
    public const int MaximaleSleutellengte = 255;
}

/// <summary>
/// The version a caller expects outside the body (If-Match, a form's hidden field): none, a version, or a problem
/// with what was given (answered at the same step as a missing version would be).
/// </summary>
public sealed record Versievoorwaarde(long? Versie, Weigering? Probleem)
{
    public static readonly Versievoorwaarde Geen = new(null, null);

    public static Versievoorwaarde Van(long versie) => new(versie, null);

    public static Versievoorwaarde Ongeldig(Weigering probleem) => new(null, probleem);
}
