using System.Text.Json.Nodes;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Api;

/// <summary>The OpenAPI document follows the API Design Rules that can be checked on its structure.</summary>
public sealed class OpenApi_document(ApiFixture fixture) : IntegratieTest(fixture)
{
    private async Task<JsonNode> Document()
    {
        var antwoord = await Get("/v1/openapi.json");
        antwoord.Status.ShouldBe(200);
        if (Environment.GetEnvironmentVariable("OPENAPI_UITVOER") is { Length: > 0 } pad) await File.WriteAllTextAsync(pad, antwoord.Tekst);
        return antwoord.Json;
    }

    [Fact]
    public async Task het_document_is_openapi_3_zonder_token_met_contact_en_server_v1()
    {
        var document = await Document();

        document["openapi"]!.GetValue<string>().ShouldStartWith("3.");
        document["info"]!["version"]!.GetValue<string>().ShouldBe("1.0.0");
        document["info"]!["contact"]!["email"].ShouldNotBeNull();
        document["info"]!["contact"]!["url"].ShouldNotBeNull();
        document["info"]!["contact"]!["name"].ShouldNotBeNull();
        document["servers"]![0]!["url"]!.GetValue<string>().ShouldEndWith("/v1");
    }

    [Fact]
    public async Task paden_zijn_kebab_case_zonder_v1_en_zonder_slash_aan_het_eind()
    {
        var paden = (await Document())["paths"]!.AsObject().Select(p => p.Key).ToList();

        paden.ShouldContain("/samenwerkingsafspraken");
        paden.ShouldAllBe(p => !p.StartsWith("/v1") && !p.EndsWith('/'));
        paden.ShouldAllBe(p => System.Text.RegularExpressions.Regex.IsMatch(p, "^(/([a-z0-9-]+|\\{[^}]+\\}))+$"));
    }

    [Fact]
    public async Task elk_antwoord_noemt_api_version_en_elke_fout_is_problem_json()
    {
        var document = await Document();

        foreach (var (pad, item) in document["paths"]!.AsObject())
        {
            foreach (var (methode, operatie) in item!.AsObject())
            {
                operatie!["operationId"].ShouldNotBeNull($"{methode} {pad}");
                foreach (var (status, antwoord) in operatie["responses"]!.AsObject())
                {
                    if (status.StartsWith('2') || status.StartsWith('3'))
                    {
                        antwoord!["headers"]!["API-Version"].ShouldNotBeNull($"{methode} {pad} {status}");
                    }
                    else
                    {
                        antwoord!["content"]!["application/problem+json"].ShouldNotBeNull($"{methode} {pad} {status}");
                    }
                }
            }
        }

        var probleem = document["components"]!["schemas"]!["Probleem"]!["required"]!.AsArray().Select(r => r!.GetValue<string>());
        probleem.ShouldBe(["status", "title", "detail"], ignoreOrder: true);
    }

    [Fact]
    public async Task beveiligde_operaties_noemen_401_en_het_bearer_schema()
    {
        var operatie = (await Document())["paths"]!["/samenwerkingsafspraken/{id}"]!["get"]!;

        operatie["responses"]!["401"].ShouldNotBeNull();
        operatie["responses"]!["403"].ShouldNotBeNull();
        operatie["responses"]!["404"].ShouldNotBeNull();
        operatie["security"]![0]!["bearer"].ShouldNotBeNull();
    }

    [Fact]
    public async Task de_api_referentie_is_zonder_token_te_bekijken_en_wijst_naar_het_document()
    {
        var pagina = await Get("/documentatie/");

        pagina.Status.ShouldBe(200);
        pagina.ContentType.ShouldStartWith("text/html");
        pagina.Tekst.ShouldContain("v1/openapi.json");
        (await Get("/documentatie/scalar.js")).Status.ShouldBe(200);
    }

    [Fact]
    public async Task gezondheid_is_zonder_token_en_buiten_v1()
    {
        (await Get("/health")).Status.ShouldBe(200);
        (await Get("/health/ready")).Status.ShouldBe(200);
    }

    [Fact]
    public async Task elk_antwoord_draagt_api_version_en_beveiligingsheaders()
    {
        foreach (var antwoord in new[] { await Get("/v1/varianten"), await Get("/v1/werkgevers/01234567"), await Get("/v1/bestaat-niet") })
        {
            antwoord.Header("API-Version").ShouldBe("1.0.0");
            antwoord.Header("X-Content-Type-Options").ShouldBe("nosniff");
            antwoord.Header("X-Frame-Options").ShouldBe("DENY");
        }

        (await Get("/v1/bestaat-niet")).Probleem(404);
    }
}
