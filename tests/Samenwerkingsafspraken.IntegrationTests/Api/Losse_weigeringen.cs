using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Api;

/// <summary>The refusals of the smaller lookups that the stories elsewhere do not pass by.</summary>
public sealed class Losse_weigeringen(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task de_sectoren_zijn_openbaar()
    {
        var sectoren = await Get("/v1/sectoren");

        sectoren.Status.ShouldBe(200);
        sectoren.Json["sectoren"]!.AsArray().Select(s => s!["code"]!.GetValue<string>()).ShouldContain("bouw");
    }

    [Fact]
    public async Task een_afspraak_opvragen_vraagt_een_token()
    {
        var concept = await Concept();

        (await Get($"{Afspraken}/{concept.Id}")).Probleem(401);
        (await Get($"{Afspraken}/{concept.Id}?versie=1")).Probleem(401);
    }

    [Fact]
    public async Task een_hergebruikverzoek_opvragen_weigert_onbekenden_en_buitenstaanders()
    {
        var bron = await Bewezen();
        var verzoek = (await VraagHergebruik(bron.Id)).Als<HergebruikverzoekWeergave>();

        (await Get($"/v1/hergebruikverzoeken/{Guid.NewGuid()}", Tokens.Auditor())).Probleem(404);
        (await Get($"/v1/hergebruikverzoeken/{verzoek.Id}")).Probleem(401);
        (await Get($"/v1/hergebruikverzoeken/{verzoek.Id}", Tokens.Werkgever(Testdata.AndereKvk))).Probleem(403);
        var opgevraagd = await Get($"/v1/hergebruikverzoeken/{verzoek.Id}", Tokens.Werkgever());
        opgevraagd.Status.ShouldBe(200);
        opgevraagd.Header("ETag").ShouldBe("\"1\"");
    }

    [Fact]
    public async Task een_uitgefaseerde_variant_blijft_op_te_vragen()
    {
        (await Post("/v1/varianten/nazorg/uitfasering", new { reden = "Opgegaan in jobcoaching", versie = 1 }, Tokens.Beheerder())).Status.ShouldBe(200);

        var variant = await Get("/v1/varianten/nazorg");

        variant.Status.ShouldBe(200);
        variant.Json["status"]!.GetValue<string>().ShouldBe("uitgefaseerd");
        variant.Header("ETag").ShouldBe("\"2\"");
    }
}
