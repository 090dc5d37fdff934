using Npgsql;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Werkgevers;

/// <summary>
/// Which regions have a relation to an employer (and so may read it) is one document per employer, kept by an inline
/// projection. An agreement in a region it already has changes nothing, and the document is then not written again.
/// </summary>
public sealed class Werkgeverrelaties_bijhouden(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task een_tweede_afspraak_in_dezelfde_regio_schrijft_de_relaties_niet_opnieuw_een_nieuwe_regio_wel()
    {
        await WerkgeverGeregistreerd();
        (await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij())).Status.ShouldBe(201);
        var eerst = await Relatieversie();

        (await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij())).Status.ShouldBe(201);

        (await Relatieversie()).ShouldBe(eerst);
        var friesland = Tokens.Regiopartij(Testdata.GemeenteLeeuwarden, Testdata.Friesland);
        (await Get($"/v1/werkgevers/{Testdata.Kvk}", friesland)).Status.ShouldBe(403);

        (await Post(Afspraken, Testdata.Afspraak(regio: Testdata.Friesland, oin: Testdata.GemeenteLeeuwarden), friesland)).Status.ShouldBe(201);

        (await Relatieversie()).ShouldNotBe(eerst);
        (await Get($"/v1/werkgevers/{Testdata.Kvk}", friesland)).Status.ShouldBe(200);
        (await Get($"/v1/werkgevers/{Testdata.Kvk}", Tokens.Regiopartij())).Status.ShouldBe(200);
    }

    private async Task<string> Relatieversie()
    {
        await using var opdracht = Service<NpgsqlDataSource>().CreateCommand(
            "select mt_version::text || ' ' || data::text from samenwerkingsafspraken.mt_doc_werkgeverrelaties where id = $1");
        opdracht.Parameters.Add(new NpgsqlParameter { Value = Testdata.Kvk });
        return (string)(await opdracht.ExecuteScalarAsync())!;
    }
}
