using System.Buffers.Binary;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

/// <summary>
/// An OTLP/HTTP receiver in the test process, as a collector would be: it accepts what the service exports to
/// /v1/traces and /v1/metrics (protobuf) and decodes the fields a test looks at. The protobuf wire format is read
/// by hand: the generated OTLP classes (OpenTelemetry.Proto) are not available here, and these few fields need
/// nothing more than varints and length-delimited fields.
/// </summary>
public sealed class OtlpOntvanger : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpOntvanger(WebApplication app, int poort)
    {
        _app = app;
        Adres = $"http://127.0.0.1:{poort}";
    }

    public string Adres { get; }

    public ConcurrentQueue<Span> Spans { get; } = new();

    public ConcurrentQueue<string> Metrieken { get; } = new();

    public static async Task<OtlpOntvanger> Start()
    {
        var poort = Dienstproces.VrijePoort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{poort}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var ontvanger = new OtlpOntvanger(app, poort);
        app.MapPost("/v1/traces", async (HttpContext context) =>
        {
            foreach (var span in LeesSpans(await Lees(context))) ontvanger.Spans.Enqueue(span);
            return Results.Bytes([], "application/x-protobuf");
        });
        app.MapPost("/v1/metrics", async (HttpContext context) =>
        {
            foreach (var naam in LeesMetrieknamen(await Lees(context))) ontvanger.Metrieken.Enqueue(naam);
            return Results.Bytes([], "application/x-protobuf");
        });
        app.MapPost("/v1/logs", () => Results.Bytes([], "application/x-protobuf"));
        await app.StartAsync();
        return ontvanger;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public sealed record Span(string Bron, string Naam, string TraceId, string SpanId, string OuderId, int Soort)
    {
        /// <summary>When the span started (nanoseconds since 1970), to tell requests of one kind apart by their order.</summary>
        public ulong Begin { get; init; }

        /// <summary>The span's attributes with a text value (for a SQL span: the statement).</summary>
        public IReadOnlyDictionary<string, string> Kenmerken { get; init; } = new Dictionary<string, string>();
    }

    private static async Task<byte[]> Lees(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1 } → ResourceSpans { scope_spans = 2 }
    // → ScopeSpans { InstrumentationScope scope = 1 { name = 1 }; repeated Span spans = 2 }
    // → Span { trace_id = 1; span_id = 2; parent_span_id = 4; name = 5; kind = 6; fixed64 start_time_unix_nano = 7;
    //          repeated KeyValue attributes = 9 { key = 1; AnyValue value = 2 { string_value = 1 } } }
    private static IEnumerable<Span> LeesSpans(byte[] verzoek)
    {
        foreach (var resource in Velden(verzoek).Where(v => v.Nummer == 1))
        foreach (var scopeSpans in Velden(resource.Bytes).Where(v => v.Nummer == 2))
        {
            var velden = Velden(scopeSpans.Bytes).ToList();
            var bron = velden.Where(v => v.Nummer == 1).SelectMany(v => Velden(v.Bytes)).Where(v => v.Nummer == 1).Select(v => Tekst(v.Bytes)).FirstOrDefault() ?? "";
            foreach (var span in velden.Where(v => v.Nummer == 2))
            {
                var s = Velden(span.Bytes).ToList();
                string Hex(int nummer) => Convert.ToHexStringLower(s.FirstOrDefault(v => v.Nummer == nummer).Bytes ?? []);
                var kenmerken = new Dictionary<string, string>();
                foreach (var kenmerk in s.Where(v => v.Nummer == 9).Select(v => Velden(v.Bytes).ToList()))
                {
                    var tekst = kenmerk.Where(v => v.Nummer == 2).SelectMany(v => Velden(v.Bytes)).FirstOrDefault(v => v.Nummer == 1).Bytes;
                    if (tekst is not null) kenmerken[Tekst(kenmerk.FirstOrDefault(v => v.Nummer == 1).Bytes)] = Tekst(tekst);
                }

                yield return new Span(bron, Tekst(s.FirstOrDefault(v => v.Nummer == 5).Bytes ?? []), Hex(1), Hex(2), Hex(4),
                    (int)s.FirstOrDefault(v => v.Nummer == 6).Getal)
                {
                    Begin = s.FirstOrDefault(v => v.Nummer == 7).Getal,
                    Kenmerken = kenmerken,
                };
            }
        }
    }

    // ExportMetricsServiceRequest { resource_metrics = 1 } → ResourceMetrics { scope_metrics = 2 } → ScopeMetrics { metrics = 2 } → Metric { name = 1 }
    private static IEnumerable<string> LeesMetrieknamen(byte[] verzoek) =>
        from resource in Velden(verzoek).Where(v => v.Nummer == 1)
        from scope in Velden(resource.Bytes).Where(v => v.Nummer == 2)
        from metriek in Velden(scope.Bytes).Where(v => v.Nummer == 2)
        from naam in Velden(metriek.Bytes).Where(v => v.Nummer == 1)
        select Tekst(naam.Bytes);

    private readonly record struct Veld(int Nummer, byte[]? Bytes, ulong Getal);

    private static IEnumerable<Veld> Velden(byte[]? data)
    {
        if (data is null) yield break;
        var positie = 0;
        while (positie < data.Length)
        {
            var sleutel = Varint(data, ref positie);
            var nummer = (int)(sleutel >> 3);
            switch ((int)(sleutel & 7))
            {
                case 0:
                    yield return new Veld(nummer, null, Varint(data, ref positie));
                    break;
                case 1:
                    yield return new Veld(nummer, null, BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(positie, 8)));
                    positie += 8;
                    break;
                case 2:
                    var lengte = (int)Varint(data, ref positie);
                    yield return new Veld(nummer, data[positie..(positie + lengte)], 0);
                    positie += lengte;
                    break;
                case 5:
                    positie += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unknown protobuf wire type in field {nummer}.");
            }
        }
    }

    private static ulong Varint(byte[] data, ref int positie)
    {
        ulong waarde = 0;
        for (var verschuiving = 0; ; verschuiving += 7)
        {
            var b = data[positie++];
            waarde |= (ulong)(b & 0x7f) << verschuiving;
            if ((b & 0x80) == 0) return waarde;
        }
    }

    private static string Tekst(byte[]? bytes) => System.Text.Encoding.UTF8.GetString(bytes ?? []);
}
