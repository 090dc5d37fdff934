using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Observeerbaarheid;

/// <summary>
/// With OTEL_EXPORTER_OTLP_ENDPOINT set, the service exports over OTLP: a request becomes one trace with the HTTP
/// span, the handler span inside it and the SQL spans inside that; the operator metrics arrive too. Received by an
/// OTLP/HTTP receiver in the test process.
/// </summary>
public sealed class Sporen_en_metrieken
{
    [Fact]
    public async Task een_verzoek_wordt_een_spoor_met_http_handler_en_sql_en_de_metrieken_komen_mee()
    {
        await using var ontvanger = await OtlpOntvanger.Start();
        var database = await TestDatabase.NieuweDatabase("samenwerkingsafspraken_telemetrie");
        var uitgever = new Samenwerkingsafspraken.Infrastructure.Security.LocalIssuer(
            Path.Combine(Path.GetTempPath(), "samenwerkingsafspraken-tests", "uitgever.pem"));
        var instellingen = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = ontvanger.Adres,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        };
        await using var host = await ApiFixture.StartHost(database, new TestTijd(ApiFixture.Starttijd), uitgever, instellingen);

        var antwoord = await IntegratieTest.Verstuur(host, HttpMethod.Post, "/v1/werkgevers", Testdata.Werkgever(), new Tokens(uitgever).Regiopartij(),
            new Dictionary<string, string> { ["Idempotency-Key"] = "telemetrie-1" });
        antwoord.Status.ShouldBe(201, antwoord.Tekst);
        (await IntegratieTest.Verstuur(host, HttpMethod.Post, "/v1/werkgevers", Testdata.Werkgever(), new Tokens(uitgever).Regiopartij(),
            new Dictionary<string, string> { ["Idempotency-Key"] = "telemetrie-1" })).Header("Idempotent-Replayed").ShouldBe("true");

        host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000).ShouldBeTrue();
        // The gauges read the database when they are collected; a collection while the host is still creating its
        // tables has nothing to report, so collect until each has reported once.
        string[] verwacht =
        [
            "http.server.request.duration", "marten.event.append", "samenwerkingsafspraken.idempotent_replays",
            "samenwerkingsafspraken.projection.lag", "samenwerkingsafspraken.scheduled_messages.due",
        ];
        var tot = DateTime.UtcNow.AddSeconds(30);
        do
        {
            host.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000).ShouldBeTrue();
            if (verwacht.All(ontvanger.Metrieken.Contains)) break;
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < tot);

        var spans = ontvanger.Spans.ToList();
        var http = spans.First(s => s.Bron == "Microsoft.AspNetCore" && s.Naam == "POST /v1/werkgevers");
        http.Soort.ShouldBe(2, "server");
        var spoor = spans.Where(s => s.TraceId == http.TraceId).ToList();

        var handler = spoor.Single(s => s.Bron == "Samenwerkingsafspraken" && s.OuderId == http.SpanId);
        handler.Naam.ShouldContain("WerkgeverRegistreren");

        var sql = spoor.Where(s => s.Bron == "Npgsql").ToList();
        sql.ShouldNotBeEmpty();
        sql.ShouldAllBe(s => s.Soort == 3, "client");
        sql.ShouldContain(s => Voorouders(s, spoor).Contains(handler.SpanId), "the SQL runs inside the handler");
        spoor.ShouldContain(s => s.Bron == "Marten");

        verwacht.Except(ontvanger.Metrieken).ShouldBeEmpty("every metric reached the collector");
    }

    private static IEnumerable<string> Voorouders(OtlpOntvanger.Span span, IReadOnlyList<OtlpOntvanger.Span> spoor)
    {
        for (var ouder = spoor.FirstOrDefault(s => s.SpanId == span.OuderId); ouder is not null; ouder = spoor.FirstOrDefault(s => s.SpanId == ouder.OuderId))
        {
            yield return ouder.SpanId;
        }
    }
}
