using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Exports;

public sealed class Exports_in_het_openapi_document(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Theory]
    [InlineData("/arbeidsmarktregios/{code}/samenwerkingsafspraken/export", "regioregisterExporteren")]
    [InlineData("/werkgevers/{kvkNummer}/referenties/export", "referentiesExporteren")]
    public async Task een_export_noemt_zijn_bestandstypen_zijn_headers_en_het_verplichte_formaat(string pad, string operationId)
    {
        var operatie = (await Get("/v1/openapi.json")).Json["paths"]![pad]!["get"]!;

        operatie["operationId"]!.GetValue<string>().ShouldBe(operationId);
        var antwoord = operatie["responses"]!["200"]!;
        antwoord["content"]!.AsObject().Select(c => c.Key)
            .ShouldBe(["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"], ignoreOrder: true);
        antwoord["content"]!["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]!["schema"]!["format"]!.GetValue<string>().ShouldBe("binary");
        antwoord["headers"]!["API-Version"].ShouldNotBeNull();
        antwoord["headers"]!["Content-Disposition"].ShouldNotBeNull();
        antwoord["headers"]!.AsObject().ContainsKey("ETag").ShouldBeFalse();
        var formaat = operatie["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "formaat")!;
        formaat["in"]!.GetValue<string>().ShouldBe("query");
        formaat["required"]!.GetValue<bool>().ShouldBeTrue();
        formaat["schema"]!["enum"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe(["csv", "xlsx"]);
        operatie["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["200", "400", "401", "403", "404"], ignoreOrder: true);
    }
}
