using Marten;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Api;

public sealed class Referentiegegevens_bij_herstart(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task een_tweede_start_op_dezelfde_database_voegt_niets_toe()
    {
        var voor = await AantalGebeurtenissen();
        voor.ShouldBe(35 + 342 + 15);

        await using (var tweede = await ApiFixture.StartHost(Fixture.ConnectionString, new TestTijd(ApiFixture.Starttijd), Fixture.Uitgever))
        {
            (await tweede.Scenario(s => s.Get.Url("/v1/arbeidsmarktregios"))).ReadAsText().ShouldContain("AM01");
        }

        (await AantalGebeurtenissen()).ShouldBe(voor);
    }

    private async Task<long> AantalGebeurtenissen()
    {
        await using var session = Service<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }
}
