using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Toegang;

/// <summary>
/// Roles are matched exactly, and an employer's data is read by the employer, auditors, the beheerder, and a public
/// party only where its region has a relation to the employer: an agreement, a reuse request, or a shared history.
/// </summary>
public sealed class Werkgevergegevens_alleen_met_een_relatie(ApiFixture fixture) : IntegratieTest(fixture)
{
    private static readonly string[] Werkgeverbronnen =
        [$"/v1/werkgevers/{Testdata.Kvk}", $"/v1/werkgevers/{Testdata.Kvk}/referenties", $"/v1/werkgevers/{Testdata.Kvk}/samenwerkingsafspraken"];

    [Fact]
    public async Task een_geldig_ondertekend_token_met_een_onbekende_lege_ontbrekende_of_dubbele_rol_komt_nergens_binnen()
    {
        var actief = await Actief();
        var tokens = new Dictionary<string, string>
        {
            ["Auditor"] = Tokens.MetClaims(("sub", "x"), (Claimtypen.Rol, "Auditor")),
            ["beheerders"] = Tokens.MetClaims(("sub", "x"), (Claimtypen.Rol, "beheerders")),
            ["WERKGEVER"] = Tokens.MetClaims(("sub", "x"), (Claimtypen.Rol, "WERKGEVER"), (Claimtypen.Kvk, Testdata.Kvk)),
            ["leeg"] = Tokens.MetClaims(("sub", "x"), (Claimtypen.Rol, ""), (Claimtypen.Kvk, Testdata.AndereKvk)),
            ["geen"] = Tokens.MetClaims(("sub", "x"), (Claimtypen.Kvk, Testdata.AndereKvk)),
            ["twee"] = Tokens.MetClaims(("sub", "x"), (Claimtypen.Rol, Rollen.Werkgever), (Claimtypen.Rol, Rollen.Auditor), (Claimtypen.Kvk, Testdata.AndereKvk)),
            ["werkgever zonder kvk"] = Tokens.MetClaims(("sub", "x"), (Claimtypen.Rol, Rollen.Werkgever)),
            ["regiopartij zonder regio"] = Tokens.MetClaims(("sub", "x"), (Claimtypen.Rol, Rollen.Regiopartij), (Claimtypen.Oin, Testdata.GemeenteGroningen)),
        };

        foreach (var (naam, token) in tokens)
        {
            foreach (var url in Werkgeverbronnen.Append($"{Afspraken}/{actief.Id}").Append($"{Afspraken}/{actief.Id}/historie").Append("/v1/integriteit"))
            {
                (await Get(url, token)).ProbleemCode(403).ShouldBe("geen-toegang", $"{naam}: {url}");
            }

            (await Geweigerd(() => Post($"{Afspraken}/{actief.Id}/evaluaties",
                new { oordeel = "succesvol", lessen = "x", aanbevolenVoorHergebruik = true, versie = actief.Versie }, token))).Probleem(403);
        }
    }

    [Fact]
    public async Task een_regiopartij_zonder_relatie_met_de_werkgever_ziet_zijn_gegevens_niet()
    {
        await Actief();
        var drenthe = Assen;

        foreach (var url in Werkgeverbronnen)
        {
            (await Get(url, drenthe)).Probleem(403);
            (await Get(url, Tokens.Regiopartij())).Status.ShouldBe(200, url);
            (await Get(url, Tokens.Auditor())).Status.ShouldBe(200, url);
            (await Get(url, Tokens.Werkgever())).Status.ShouldBe(200, url);
            (await Get(url, Tokens.Werkgever(Testdata.AndereKvk))).Probleem(403);
        }

        (await Get($"/v1/werkgevers/{Testdata.Kvk}", Tokens.Beheerder())).Status.ShouldBe(200);
    }

    [Fact]
    public async Task een_regio_waaraan_hergebruik_is_gevraagd_ziet_de_werkgever()
    {
        var bron = await Bewezen();
        (await Get($"/v1/werkgevers/{Testdata.Kvk}", Leeuwarden)).Probleem(403);

        (await VraagHergebruik(bron.Id)).Status.ShouldBe(201);

        (await Get($"/v1/werkgevers/{Testdata.Kvk}", Leeuwarden)).Status.ShouldBe(200);
        (await Get($"/v1/werkgevers/{Testdata.Kvk}/referenties", Leeuwarden)).Status.ShouldBe(200);
        (await Get($"/v1/werkgevers/{Testdata.Kvk}", Assen)).Probleem(403);
    }

    [Fact]
    public async Task de_werkgever_deelt_zijn_referenties_met_een_regio_en_trekt_dat_weer_in()
    {
        await Actief();
        var delingen = $"/v1/werkgevers/{Testdata.Kvk}/referentiedelingen";
        (await Get(delingen, Tokens.Werkgever())).Json["delingen"]!.AsArray().ShouldBeEmpty();

        var gedeeld = await Post(delingen, new { arbeidsmarktregio = Testdata.Drenthe, toelichting = "Wij openen een vestiging in Assen." }, Tokens.Werkgever());
        gedeeld.Status.ShouldBe(201, gedeeld.Tekst);
        gedeeld.Header("Location").ShouldBe(delingen);
        gedeeld.Json["delingen"]![0]!["arbeidsmarktregio"]!.GetValue<string>().ShouldBe(Testdata.Drenthe);

        foreach (var url in Werkgeverbronnen) (await Get(url, Assen)).Status.ShouldBe(200, url);
        (await Get($"/v1/werkgevers/{Testdata.Kvk}/samenwerkingsafspraken", Assen)).Json["samenwerkingsafspraken"]!.AsArray().ShouldBeEmpty();

        var ingetrokken = await Post($"{delingen}/{Testdata.Drenthe}/intrekking", new { versie = gedeeld.Versie }, Tokens.Werkgever());
        ingetrokken.Status.ShouldBe(200, ingetrokken.Tekst);
        ingetrokken.Json["delingen"]!.AsArray().ShouldBeEmpty();
        foreach (var url in Werkgeverbronnen) (await Get(url, Assen)).Probleem(403);

        var historie = (await Get(delingen, Tokens.Auditor())).Json;
        historie["versie"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task delen_wordt_geweigerd_voor_anderen_onbekende_regios_en_dubbel_en_zonder_versie()
    {
        await Actief();
        var delingen = $"/v1/werkgevers/{Testdata.Kvk}/referentiedelingen";

        (await Geweigerd(() => Post(delingen, new { arbeidsmarktregio = Testdata.Drenthe }, Tokens.Werkgever(Testdata.AndereKvk)))).Probleem(403);
        (await Geweigerd(() => Post(delingen, new { arbeidsmarktregio = Testdata.Drenthe }, Tokens.Regiopartij()))).Probleem(403);
        (await Geweigerd(() => Post(delingen, new { arbeidsmarktregio = Testdata.Drenthe }, null))).Probleem(401);
        (await Geweigerd(() => Post(delingen, new { arbeidsmarktregio = "AM99" }, Tokens.Werkgever()))).OngeldigeVelden().ShouldBe(["arbeidsmarktregio"]);
        (await Geweigerd(() => Post($"/v1/werkgevers/{Testdata.AndereKvk}/referentiedelingen", new { arbeidsmarktregio = Testdata.Drenthe },
            Tokens.Werkgever(Testdata.AndereKvk)))).Probleem(404);

        var eerste = await Post(delingen, new { arbeidsmarktregio = Testdata.Drenthe }, Tokens.Werkgever());
        eerste.Status.ShouldBe(201, eerste.Tekst);
        (await Geweigerd(() => Post(delingen, new { arbeidsmarktregio = Testdata.Friesland }, Tokens.Werkgever()))).Probleem(428);
        (await Geweigerd(() => Post(delingen, new { arbeidsmarktregio = Testdata.Drenthe, versie = eerste.Versie }, Tokens.Werkgever())))
            .ProbleemCode(409).ShouldBe("al-gedeeld");
        (await Geweigerd(() => Post($"{delingen}/{Testdata.Friesland}/intrekking", new { versie = eerste.Versie }, Tokens.Werkgever())))
            .ProbleemCode(409).ShouldBe("niet-gedeeld");
        (await Geweigerd(() => Post($"{delingen}/{Testdata.Drenthe}/intrekking", new { versie = eerste.Versie + 5 }, Tokens.Werkgever())))
            .ProbleemCode(409).ShouldBe("versie-verouderd");
        (await Get(delingen, Assen)).Probleem(403);
    }
}
