using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Schrijven;

/// <summary>
/// What a command asks of PostgreSQL, counted from the service's own traces: every statement or batch Npgsql sends is
/// a SQL span inside the request's trace, so their number is the request's round trips. Drawing up an agreement reads
/// in one batch and writes in one; its reference (the Referentie document) is a new document of its own stream, so
/// nothing is looked up for it during the save.
/// </summary>
public sealed class Rondgangen_per_opdracht
{
    [Fact]
    public async Task een_afspraak_opstellen_of_wijzigen_kost_hoogstens_drie_rondgangen_en_opvragen_een()
    {
        await using var ontvanger = await OtlpOntvanger.Start();
        var database = await TestDatabase.NieuweDatabase("samenwerkingsafspraken_rondgangen");
        var naam = new Npgsql.NpgsqlConnectionStringBuilder(database).Database!;
        var uitgever = new Samenwerkingsafspraken.Infrastructure.Security.LocalIssuer(
            Path.Combine(Path.GetTempPath(), "samenwerkingsafspraken-tests", "uitgever.pem"));
        var instellingen = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = ontvanger.Adres,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // However slow this machine is between the commands and the lookup, the regions they confirmed still count.
            [Samenwerkingsafspraken.Referentiedata.Referentiecache.LeeshorizonSleutel] = "00:10:00",
        };
        await using var host = await ApiFixture.StartHost(database, new TestTijd(ApiFixture.Starttijd), uitgever, instellingen);
        var tokens = new Tokens(uitgever);

        (await IntegratieTest.Verstuur(host, HttpMethod.Post, "/v1/werkgevers", Testdata.Werkgever(), tokens.Regiopartij())).Status.ShouldBe(201);
        var opgesteld = new List<SamenwerkingsafspraakWeergave>();
        for (var i = 0; i < 3; i++)
        {
            var antwoord = await IntegratieTest.Verstuur(host, HttpMethod.Post, "/v1/samenwerkingsafspraken", Testdata.Afspraak(), tokens.Regiopartij());
            antwoord.Status.ShouldBe(201, antwoord.Tekst);
            opgesteld.Add(antwoord.Als<SamenwerkingsafspraakWeergave>());
        }

        var wijziging = Testdata.Afspraak() with { Titel = "Samen naar werk, herzien" };
        var gewijzigd = await IntegratieTest.Verstuur(host, HttpMethod.Post, $"/v1/samenwerkingsafspraken/{opgesteld[^1].Id}/wijzigingen", new
        {
            reden = "Titel herzien",
            wijziging.Titel, wijziging.WerkgeverContactrol, wijziging.Regiopartijen, wijziging.Werkafspraken, wijziging.Doelgroepen,
            wijziging.Beroepen, wijziging.Doelstellingen, wijziging.Looptijd,
        }, tokens.Regiopartij(), new Dictionary<string, string> { ["If-Match"] = $"\"{opgesteld[^1].Versie}\"" });
        gewijzigd.Status.ShouldBe(200, gewijzigd.Tekst);
        (await IntegratieTest.Verstuur(host, HttpMethod.Get, $"/v1/samenwerkingsafspraken/{opgesteld[^1].Id}", null, tokens.Auditor())).Status.ShouldBe(200);

        // ASP.NET Core ends a request's span after the client has its answer, so the lookup's span may end only after a
        // first flush: flush until it has arrived. An exporter may send a batch again after a slow answer: a span counts once.
        var tracer = host.Services.GetRequiredService<TracerProvider>();
        List<OtlpOntvanger.Span> spans;
        var tot = DateTime.UtcNow.AddSeconds(30);
        do
        {
            tracer.ForceFlush(10_000).ShouldBeTrue();
            spans = ontvanger.Spans.DistinctBy(s => s.SpanId).ToList();
            if (Verzoeken(spans, "GET /v1/samenwerkingsafspraken/{id}", naam).Count > 0) break;
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < tot);

        // No create reads a reference (the first of an employer may still look for other documents it is the first to
        // make); the later ones show what every command costs.
        var opstellen = Verzoeken(spans, "POST /v1/samenwerkingsafspraken", naam);
        opstellen.Count.ShouldBe(3, string.Join("\n", spans.Where(s => s.Bron == "Microsoft.AspNetCore").Select(s => $"{s.Naam} {s.TraceId} {s.SpanId} {s.Begin}")));
        foreach (var sql in opstellen)
        {
            sql.ShouldNotContain(s => Statement(s).Contains($"from {MartenConfiguratie.Schema}.mt_doc_referentie"), string.Join("\n---\n", sql.Select(Statement)));
        }

        var laatste = opstellen[^1];
        laatste.Count.ShouldBeLessThanOrEqualTo(3, string.Join("\n---\n", laatste.Select(Statement)));
        laatste.ShouldContain(s => Statement(s).Contains("mt_doc_samenwerkingsafspraak"), "the agreement's documents are written in the write round trip");

        var wijzigen = Verzoeken(spans, "POST /v1/samenwerkingsafspraken/{id}/wijzigingen", naam).ShouldHaveSingleItem();
        wijzigen.Count.ShouldBeLessThanOrEqualTo(3, string.Join("\n---\n", wijzigen.Select(Statement)));

        // A lookup within the horizon after the commands reads the agreement alone: the commands confirmed the regions.
        // It is this host's first lookup, so the lookups' own (multiplexed) connections open here: once per connection,
        // not a round trip of the request, like the commands' first connection in the first create above.
        var opvragen = Verzoeken(spans, "GET /v1/samenwerkingsafspraken/{id}", naam).ShouldHaveSingleItem()
            .Where(s => !s.Naam.StartsWith("CONNECT ", StringComparison.Ordinal)).ToList();
        opvragen.ShouldHaveSingleItem(string.Join("\n---\n", opvragen.Select(Statement)));
        Statement(opvragen[0]).ShouldNotContain("mt_doc_arbeidsmarktregio");
    }

    /// <summary>
    /// Per request with this route to this host, oldest first: the SQL spans of its trace. The tracer listens to the
    /// whole test process, where other hosts serve other tests at the same time: this host's requests are those whose
    /// SQL went to its own database.
    /// </summary>
    private static List<List<OtlpOntvanger.Span>> Verzoeken(IReadOnlyList<OtlpOntvanger.Span> spans, string naam, string database) =>
        spans.Where(s => s.Bron == "Microsoft.AspNetCore" && s.Naam == naam).OrderBy(s => s.Begin)
            .Select(http => spans.Where(s => s.TraceId == http.TraceId && s.Bron == "Npgsql").ToList())
            .Where(sql => sql.Count > 0 && sql.All(s => s.Kenmerken.Values.Contains(database)))
            .ToList();

    private static string Statement(OtlpOntvanger.Span span) =>
        span.Kenmerken.TryGetValue("db.query.text", out var tekst) || span.Kenmerken.TryGetValue("db.statement", out tekst) ? tekst : span.Naam;
}
