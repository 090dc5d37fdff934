using Marten;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.Beheer;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Wolverine;

namespace Samenwerkingsafspraken.IntegrationTests.Beheer;

/// <summary>A projection rebuild is a durable background job: 202 with a status resource, progress, and its duration at the end.</summary>
public sealed class Herbouwtaken(ApiFixture fixture) : IntegratieTest(fixture)
{
    private const string Herbouw = "/v1/beheer/projecties/Samenwerkingsafspraak/herbouw";

    [Fact]
    public async Task een_herbouw_die_binnen_de_wachttijd_klaar_is_antwoordt_200_met_de_afgeronde_taak()
    {
        await Concept();

        var antwoord = await Post(Herbouw, null, Tokens.Beheerder(), new Dictionary<string, string> { ["Prefer"] = "wait=30" });

        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        antwoord.Header("Preference-Applied").ShouldBe("wait=30");
        antwoord.Header("Location").ShouldBeNull();
        var taak = antwoord.Json;
        IsAfgerond(taak);
        antwoord.Header("Content-Location").ShouldBe($"/v1/beheer/herbouwtaken/{taak["id"]}");

        // The status resource says the same.
        var bron = await Get(antwoord.Header("Content-Location")!, Tokens.Beheerder());
        bron.Status.ShouldBe(200);
        bron.Json["status"]!.GetValue<string>().ShouldBe("voltooid");
        bron.Json["duurInMilliseconden"]!.GetValue<long>().ShouldBe(taak["duurInMilliseconden"]!.GetValue<long>());
    }

    [Fact]
    public async Task zonder_voorkeur_wacht_een_herbouw_kort_en_anders_volgt_de_client_de_statusbron()
    {
        await Concept();

        // 200 when the job ends within the default wait of two seconds, else 202 and the status resource: both end done.
        IsAfgerond(await Herbouwd("Samenwerkingsafspraak"));
    }

    [Fact]
    public async Task met_respond_async_antwoordt_een_herbouw_meteen_202_en_toont_zijn_statusbron_het_einde()
    {
        await Concept();

        var start = await Post(Herbouw, null, Tokens.Beheerder(), new Dictionary<string, string> { ["Prefer"] = "respond-async" });

        start.Status.ShouldBe(202, start.Tekst);
        start.Header("Preference-Applied").ShouldBe("respond-async");
        start.Json["status"]!.GetValue<string>().ShouldBe(Herbouwstatus.Wachtend);
        start.Header("Location").ShouldBe($"/v1/beheer/herbouwtaken/{start.Json["id"]}");
        IsAfgerond(await TotHetEinde(start.Header("Location")!));
    }

    [Fact]
    public async Task een_herbouw_die_langer_duurt_dan_de_wachttijd_antwoordt_202_met_de_stand_van_dat_moment()
    {
        await WerkgeverGeregistreerd();

        // A reader that holds a share lock on the employers' table keeps the rebuild's swap waiting (it locks out writers).
        await using var lezer = new NpgsqlConnection(Fixture.ConnectionString);
        await lezer.OpenAsync();
        await using var transactie = await lezer.BeginTransactionAsync();
        await using (var slot = new NpgsqlCommand($"lock table {MartenConfiguratie.Schema}.mt_doc_werkgever in share mode", lezer, transactie))
        {
            await slot.ExecuteNonQueryAsync();
        }

        var start = await Post("/v1/beheer/projecties/Werkgever/herbouw", null, Tokens.Beheerder(),
            new Dictionary<string, string> { ["Prefer"] = "respond-async, wait=1" });

        start.Status.ShouldBe(202, start.Tekst);
        start.Header("Preference-Applied").ShouldBe("wait=1");
        start.Json["status"]!.GetValue<string>().ShouldBe(Herbouwstatus.Bezig, "after the wait the job is answered as it stands then");
        start.Json["gestartOp"].ShouldNotBeNull();
        start.Header("Location").ShouldBe($"/v1/beheer/herbouwtaken/{start.Json["id"]}");

        await transactie.CommitAsync();
        var klaar = await TotHetEinde(start.Header("Location")!);
        klaar["pogingen"]!.GetValue<int>().ShouldBe(1);
    }

    [Theory]
    [InlineData("wait=abc")]
    [InlineData("wait=99999999999999999999")]
    [InlineData("wait=-1")]
    [InlineData("wait")]
    [InlineData("respond-async=nee")]
    [InlineData(";;,,=")]
    [InlineData("return=minimal; foo=\"bar\"")]
    public async Task een_onbekende_of_onleesbare_voorkeur_wordt_genegeerd(string prefer)
    {
        var antwoord = await Post("/v1/beheer/projecties/Werkgever/herbouw", null, Tokens.Beheerder(), new Dictionary<string, string> { ["Prefer"] = prefer });

        antwoord.Status.ShouldBeOneOf(200, 202);
        antwoord.Header("Preference-Applied").ShouldBeNull();
        await TotHetEinde($"/v1/beheer/herbouwtaken/{antwoord.Json["id"]}");
    }

    [Fact]
    public async Task een_langere_wachttijd_dan_een_halve_minuut_wordt_een_halve_minuut()
    {
        var antwoord = await Post("/v1/beheer/projecties/Werkgever/herbouw", null, Tokens.Beheerder(),
            new Dictionary<string, string> { ["Prefer"] = "wait=3600" });

        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        antwoord.Header("Preference-Applied").ShouldBe("wait=30");
    }

    private static void IsAfgerond(System.Text.Json.Nodes.JsonNode taak)
    {
        taak["projectie"]!.GetValue<string>().ShouldBe("Samenwerkingsafspraak");
        taak["status"]!.GetValue<string>().ShouldBe("voltooid");
        taak["duurInMilliseconden"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(0);
        taak["aangevraagdDoor"]!.GetValue<string>().ShouldBe("beheerder");
        taak["gestartOp"].ShouldNotBeNull();
        taak["beeindigdOp"].ShouldNotBeNull();
        taak["pogingen"]!.GetValue<int>().ShouldBe(1);
        var voortgang = taak["voortgang"]!;
        voortgang["percentage"]!.GetValue<int>().ShouldBe(100);
        voortgang["verwerkt"]!.GetValue<long>().ShouldBe(voortgang["totaal"]!.GetValue<long>());
        voortgang["totaal"]!.GetValue<long>().ShouldBeGreaterThan(0);
        taak.AsObject().ContainsKey("lopendVoor").ShouldBeFalse();
    }

    /// <summary>Polls a job's status resource until it is done (a failed job fails the test).</summary>
    private async Task<System.Text.Json.Nodes.JsonNode> TotHetEinde(string locatie)
    {
        var tot = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var taak = await Get(locatie, Tokens.Beheerder());
            taak.Status.ShouldBe(200, taak.Tekst);
            var status = taak.Json["status"]!.GetValue<string>();
            status.ShouldNotBe(Herbouwstatus.Mislukt, taak.Tekst);
            if (status == Herbouwstatus.Voltooid) return taak.Json;
            if (DateTime.UtcNow > tot) throw new TimeoutException(taak.Tekst);
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task een_taak_die_een_gestorven_knooppunt_half_af_liet_wordt_afgemaakt_als_haar_bericht_opnieuw_komt()
    {
        var id = Guid.NewGuid();
        await Bewaar(new Herbouwtaak
        {
            Id = id, Projectie = "Werkgever", Status = Herbouwstatus.Bezig, AangevraagdDoor = "beheerder", AangevraagdOp = DateTimeOffset.UtcNow,
            GestartOp = DateTimeOffset.UtcNow, Pogingen = 1,
        });

        await Service<IMessageBus>().InvokeAsync(new HerbouwProjectie(id));

        var taak = (await Get($"/v1/beheer/herbouwtaken/{id}", Tokens.Beheerder())).Json;
        taak["status"]!.GetValue<string>().ShouldBe("voltooid");
        taak["pogingen"]!.GetValue<int>().ShouldBe(2);
        taak["duurInMilliseconden"].ShouldNotBeNull();

        // A finished job's message that comes once more changes nothing.
        await Service<IMessageBus>().InvokeAsync(new HerbouwProjectie(id));
        (await Get($"/v1/beheer/herbouwtaken/{id}", Tokens.Beheerder())).Json["pogingen"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task de_statusbron_heeft_een_etag_die_met_elke_voortgang_verandert_en_anders_304_geeft()
    {
        var id = Guid.NewGuid();
        var url = $"/v1/beheer/herbouwtaken/{id}";
        var taak = new Herbouwtaak
        {
            Id = id, Projectie = "Werkgever", Status = Herbouwstatus.Bezig, AangevraagdDoor = "beheerder", AangevraagdOp = DateTimeOffset.UtcNow,
            GestartOp = DateTimeOffset.UtcNow, Pogingen = 1, Voortgang = new Herbouwvoortgang(10, 100, 10),
        };
        await Bewaar(taak);

        var eerst = await Get(url, Tokens.Beheerder());
        eerst.Status.ShouldBe(200, eerst.Tekst);
        eerst.ContentType.ShouldStartWith("application/json");
        eerst.Json["voortgang"]!["verwerkt"]!.GetValue<long>().ShouldBe(10);
        var etag = eerst.Header("ETag").ShouldNotBeNull();
        etag.ShouldStartWith("\"", customMessage: "een sterke ETag");

        var nietGewijzigd = await Get(url, Tokens.Beheerder(), new Dictionary<string, string> { ["If-None-Match"] = etag });
        nietGewijzigd.Status.ShouldBe(304);
        nietGewijzigd.Tekst.ShouldBeEmpty();
        nietGewijzigd.Header("ETag").ShouldBe(etag);
        (await Get(url, Tokens.Auditor(), new Dictionary<string, string> { ["If-None-Match"] = etag })).Probleem(403);

        // The job moves on: the same tag no longer matches, and the new one names the new state.
        await Bewaar(taak with { Voortgang = new Herbouwvoortgang(50, 100, 50) });
        var verder = await Get(url, Tokens.Beheerder(), new Dictionary<string, string> { ["If-None-Match"] = etag });
        verder.Status.ShouldBe(200);
        verder.Json["voortgang"]!["verwerkt"]!.GetValue<long>().ShouldBe(50);
        var nieuw = verder.Header("ETag").ShouldNotBeNull();
        nieuw.ShouldNotBe(etag);
        (await Get(url, Tokens.Beheerder(), new Dictionary<string, string> { ["If-None-Match"] = nieuw })).Status.ShouldBe(304);

        await Bewaar(taak with { Status = Herbouwstatus.Voltooid, Voortgang = new Herbouwvoortgang(100, 100, 100), DuurInMilliseconden = 5 });
        var klaar = await Get(url, Tokens.Beheerder(), new Dictionary<string, string> { ["If-None-Match"] = nieuw });
        klaar.Status.ShouldBe(200);
        klaar.Header("ETag").ShouldNotBe(nieuw);
        klaar.Json["status"]!.GetValue<string>().ShouldBe("voltooid");
    }

    [Fact]
    public async Task een_tweede_herbouw_van_dezelfde_projectie_terwijl_de_eerste_loopt_is_409()
    {
        var lopend = Guid.NewGuid();
        await Bewaar(new Herbouwtaak
        {
            Id = lopend, Projectie = "Samenwerkingsafspraak", Status = Herbouwstatus.Bezig, AangevraagdDoor = "beheerder", AangevraagdOp = DateTimeOffset.UtcNow,
        });

        var tweede = await Post(Herbouw, null, Tokens.Beheerder());

        tweede.ProbleemCode(409).ShouldBe("herbouw-loopt-al");
        tweede.Json["taak"]!.GetValue<string>().ShouldBe($"/v1/beheer/herbouwtaken/{lopend}");
        (await Get($"/v1/beheer/herbouwtaken/{lopend}", Tokens.Beheerder())).Json["status"]!.GetValue<string>().ShouldBe("bezig");

        // Another projection may be rebuilt meanwhile (and is waited for, so that no job runs on into the next test).
        (await Herbouwd("Werkgever"))["status"]!.GetValue<string>().ShouldBe("voltooid");
    }

    [Fact]
    public async Task weigeringen_bij_herbouwtaken()
    {
        (await Post(Herbouw, null, token: null)).Probleem(401);
        (await Post(Herbouw, null, Tokens.Auditor())).Probleem(403);
        (await Post(Herbouw, null, Tokens.Werkgever())).Probleem(403);
        (await Post("/v1/beheer/projecties/Onbekend/herbouw", null, Tokens.Beheerder())).Probleem(404);

        var onbekend = $"/v1/beheer/herbouwtaken/{Guid.NewGuid()}";
        (await Get(onbekend, token: null)).Probleem(401);
        (await Get(onbekend, Tokens.Auditor())).Probleem(403);
        (await Get(onbekend, Tokens.Beheerder())).Probleem(404);
        (await Get("/v1/beheer/herbouwtaken/geen-uuid", Tokens.Beheerder())).OngeldigeVelden().ShouldBe(["id"]);
    }

    [Fact]
    public async Task het_openapi_document_beschrijft_de_taak_en_haar_statusbron()
    {
        var paden = (await Get("/v1/openapi.json")).Json["paths"]!;

        var herbouw = paden["/beheer/projecties/{naam}/herbouw"]!["post"]!["responses"]!.AsObject().Select(r => r.Key).ToList();
        herbouw.ShouldBe(["200", "202", "401", "403", "404", "409"], ignoreOrder: true);
        var status = paden["/beheer/herbouwtaken/{id}"]!["get"]!;
        status["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["200", "304", "400", "401", "403", "404"], ignoreOrder: true);
        status["responses"]!["200"]!["headers"]!.AsObject().ContainsKey("ETag").ShouldBeTrue();
        status["description"]!.GetValue<string>().ShouldContain("duurInMilliseconden");
    }

    private async Task Bewaar(Herbouwtaak taak)
    {
        await using var session = Service<IDocumentStore>().LightweightSession();
        session.Store(taak);
        await session.SaveChangesAsync();
    }
}
