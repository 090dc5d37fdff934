using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Infrastructure.Http;

/// <summary>
/// The edge: what a client sends is checked before any endpoint reads it, so that nothing a reader or PostgreSQL
/// chokes on can reach an event. Query and path values and the correlation id follow the text rules (they may be
/// repeated in an answer or recorded); a body is application/json, at most <see cref="MaximaleGrootte"/> bytes, and
/// passes <see cref="JsonControle"/>; every problem found is answered at once, as one 400.
/// </summary>
public static class StrikteInvoer
{
    public const int MaximaleGrootte = 1024 * 1024;

    public static IApplicationBuilder UseStrikteInvoer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint() is not { } endpoint)
        {
            await next(context);
            return;
        }

        var fouten = new List<OngeldigeParameter>();
        foreach (var (naam, waarden) in context.Request.Query)
        {
            foreach (var waarde in waarden)
            {
                if (waarde is not null && Tekstregels.Controleer(naam, waarde, false, Tekstregels.Kopgrens) is { } fout) fouten.Add(fout);
            }
        }

        foreach (var (naam, waarde) in context.Request.RouteValues)
        {
            if (waarde is string tekst && Tekstregels.Controleer(naam, tekst, false, Tekstregels.Kopgrens) is { } fout) fouten.Add(fout);
        }

        foreach (var header in new[] { Correlatie.Header, HttpOpdracht.IdempotencyKeyHeader })
        {
            var waarde = context.Request.Headers[header].ToString();
            if (waarde.Length > 0 && Tekstregels.Controleer(header, waarde, false, 255) is { } fout) fouten.Add(fout);
        }

        var verzoektype = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (endpoint.Metadata.GetMetadata<MultiStreamWriting.VerzoekbestandAttribute>() is { } bestand && HttpMethods.IsPost(context.Request.Method))
        {
            // A file as the body (a CBS file, an import): one of its media types, its size limit, and in a text file no
            // character a reader or the store chokes on (line breaks and tabs are part of a file). A spreadsheet's
            // cells are checked where it is read.
            var grens = endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaximaleGrootte;
            var lichaam = await LeesLichaam(context, bestand.Mediatypen, grens, "bestand-te-groot");
            if (lichaam.Antwoord is { } weigering)
            {
                await weigering.ExecuteAsync(context);
                return;
            }

            if (context.Request.ContentType?.StartsWith("text/", StringComparison.OrdinalIgnoreCase) == true && Bestandstekst(lichaam.Inhoud!, grens) is { } bestandsfout)
                fouten.Add(bestandsfout);
            context.Request.Body = new MemoryStream(lichaam.Inhoud!, writable: false);
            context.Request.ContentLength = lichaam.Inhoud!.Length;
        }
        else if (verzoektype is not null)
        {
            var lichaam = await LeesLichaam(context);
            if (lichaam.Antwoord is { } weigering)
            {
                await weigering.ExecuteAsync(context);
                return;
            }

            var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var lichaamsfouten = new List<OngeldigeParameter>();
            var controle = Controleer(lichaam.Inhoud!, verzoektype, options, lichaamsfouten);

            // A text that is only too long, in a field whose validator checks its length too, is left to the validator:
            // it reports it with every other problem of the request, all at once. Anything else stops here.
            if (controle?.AllesAanValidator != true) fouten.AddRange(lichaamsfouten);
            if (fouten.Count == 0)
            {
                var inhoud = controle is { MoetNormaliseren: true } ? Normaliseer(lichaam.Inhoud!) : lichaam.Inhoud!;
                context.Request.Body = new MemoryStream(inhoud, writable: false);
                context.Request.ContentLength = inhoud.Length;
            }
        }

        if (fouten.Count > 0)
        {
            var antwoord = fouten.Any(f => f.Code == "ongeldige-json")
                ? Problemen.Probleem(400, "ongeldige-json", "De body is geen geldige JSON.", fouten)
                : Problemen.Ongeldig(fouten);
            await antwoord.ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    private static JsonControle? Controleer(byte[] inhoud, Type verzoektype, JsonSerializerOptions options, List<OngeldigeParameter> fouten)
    {
        if (inhoud.Length == 0)
        {
            fouten.Add(new OngeldigeParameter("body", "verplicht", "Het verzoek heeft geen inhoud: stuur een JSON-object."));
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(inhoud, new JsonDocumentOptions { MaxDepth = 32 });
            var controle = new JsonControle(options);
            controle.Controleer(document.RootElement, verzoektype);
            fouten.AddRange(controle.Fouten);
            return controle;
        }
        catch (JsonException fout)
        {
            var plaats = fout.LineNumber is { } regel ? $" (regel {regel + 1}, positie {(fout.BytePositionInLine ?? 0) + 1})" : "";
            fouten.Add(new OngeldigeParameter("body", "ongeldige-json", $"De body is geen geldige JSON{plaats}, of hij is dieper genest dan 32 niveaus."));
            return null;
        }
    }

    private static byte[] Normaliseer(byte[] inhoud)
    {
        using var document = JsonDocument.Parse(inhoud);
        return JsonControle.Genormaliseerd(document.RootElement);
    }

    private sealed record Lichaam(byte[]? Inhoud, IResult? Antwoord);

    private static OngeldigeParameter? Bestandstekst(byte[] inhoud, long grens)
    {
        string tekst;
        try
        {
            tekst = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(inhoud);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return new OngeldigeParameter("body", "ongeldig-teken", "Het bestand is geen geldige UTF-8.");
        }

        return Tekstregels.Controleer("body", tekst, meerregelig: true, (int)Math.Min(grens, int.MaxValue));
    }

    private static async Task<Lichaam> LeesLichaam(HttpContext context, IReadOnlyList<string>? mediatypen = null, long grens = MaximaleGrootte,
        string teGroot = "verzoek-te-groot")
    {
        mediatypen ??= ["application/json"];
        var request = context.Request;
        if (request.ContentLength > grens) return new Lichaam(null, TeGroot(grens, teGroot));

        var contentType = request.ContentType;
        if (!string.IsNullOrEmpty(contentType) && !mediatypen.Any(m => IsVan(contentType, m))) return new Lichaam(null, NietOndersteund(mediatypen));

        using var buffer = new MemoryStream();
        var blok = new byte[16 * 1024];
        int gelezen;
        while ((gelezen = await request.Body.ReadAsync(blok, context.RequestAborted)) > 0)
        {
            if (buffer.Length + gelezen > grens) return new Lichaam(null, TeGroot(grens, teGroot));
            buffer.Write(blok, 0, gelezen);
        }

        // A body without a type is not taken for JSON: what was meant cannot be known.
        if (string.IsNullOrEmpty(contentType) && buffer.Length > 0) return new Lichaam(null, NietOndersteund(mediatypen));
        return new Lichaam(buffer.ToArray(), null);
    }

    private static bool IsVan(string contentType, string mediatype) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals(mediatype, StringComparison.OrdinalIgnoreCase)
        && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static IResult TeGroot(long grens, string code) => Problemen.Probleem(413, code,
        $"Het verzoek is groter dan {grens / 1024} KiB. Stuur minder in één keer.");

    private static IResult NietOndersteund(IReadOnlyList<string> mediatypen) => Problemen.Probleem(415, "mediatype-niet-ondersteund",
        mediatypen is ["application/json"]
            ? "Stuur de inhoud als JSON in UTF-8, met Content-Type: application/json."
            : $"Stuur de inhoud met Content-Type: {string.Join(" of ", mediatypen)}.");
}
