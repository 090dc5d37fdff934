using Marten;
using Samenwerkingsafspraken.Beheer;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Wolverine;

namespace Samenwerkingsafspraken.IntegrationTests.Beheer;

/// <summary>A projection rebuild is a durable background job: 202 with a status resource, progress, and its duration at the end.</summary>
public sealed class Herbouwtaken(ApiFixture fixture) : IntegratieTest(fixture)
{
    private const string Herbouw = "/v1/beheer/projecties/Samenwerkingsafspraak/herbouw";

    [Fact]
    public async Task een_herbouw_antwoordt_202_en_zijn_statusbron_toont_het_einde_met_de_duur()
    {
        await Concept();

        var taak = await Herbouwd("Samenwerkingsafspraak");

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
        herbouw.ShouldBe(["202", "401", "403", "404", "409"], ignoreOrder: true);
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
