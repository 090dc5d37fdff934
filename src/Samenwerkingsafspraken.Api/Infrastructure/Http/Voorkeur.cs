using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Samenwerkingsafspraken.Infrastructure.Http;

/// <summary>
/// What a client asks for in its Prefer header (RFC 7240), as far as this API honours it: <c>respond-async</c> (answer
/// at once, 202, and let me follow the job) and <c>wait=N</c> (wait at most N seconds for the result before answering
/// 202). A preference the API does not know, or cannot read, is ignored, as the RFC asks; a preference given twice
/// counts the first time.
/// </summary>
public sealed record Voorkeur(bool Asynchroon, int? WachtSeconden)
{
    public const string Kop = "Prefer";
    public const string ToegepastKop = "Preference-Applied";

    public static Voorkeur Van(HttpRequest request)
    {
        var asynchroon = false;
        int? wachten = null;
        foreach (var kop in request.Headers[Kop])
        {
            foreach (var deel in (kop ?? "").Split(','))
            {
                // Parameters of a preference (after ';') mean nothing for these two.
                if (!NameValueHeaderValue.TryParse(deel.Split(';')[0].Trim(), out var voorkeur)) continue;
                if (voorkeur.Name.Equals("respond-async", StringComparison.OrdinalIgnoreCase) && !voorkeur.Value.HasValue)
                {
                    asynchroon = true;
                }
                else if (voorkeur.Name.Equals("wait", StringComparison.OrdinalIgnoreCase) && wachten is null &&
                         int.TryParse(voorkeur.Value.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconden))
                {
                    wachten = seconden;
                }
            }
        }

        return new Voorkeur(asynchroon, wachten);
    }
}
