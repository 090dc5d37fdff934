using Marten;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Wolverine;

namespace Samenwerkingsafspraken.IntegrationTests.Api;

/// <summary>Idempotency records are kept for the retention period, then removed by a nightly recurring message.</summary>
public sealed class Idempotentie_opruimen(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task registraties_ouder_dan_de_bewaartermijn_verdwijnen_en_recente_blijven_werken()
    {
        var sleutel = new Dictionary<string, string> { ["Idempotency-Key"] = "opruimen-1" };
        (await Post("/v1/werkgevers", Testdata.Werkgever(), Tokens.Regiopartij(), sleutel)).Status.ShouldBe(201);
        await Bewaar(new IdempotenteOpdracht { Id = "acht-dagen-oud", Vingerafdruk = "x", Status = 201, Body = "{}", Tijdstip = DateTimeOffset.UtcNow.AddDays(-8) });
        await Bewaar(new IdempotenteOpdracht { Id = "zes-dagen-oud", Vingerafdruk = "x", Status = 201, Body = "{}", Tijdstip = DateTimeOffset.UtcNow.AddDays(-6) });

        await Service<IMessageBus>().InvokeAsync(new IdempotentieOpruimen());

        await using var session = Service<IDocumentStore>().QuerySession();
        var over = await session.Query<IdempotenteOpdracht>().Select(o => o.Id).ToListAsync();
        over.ShouldNotContain("acht-dagen-oud");
        over.ShouldContain("zes-dagen-oud");
        over.Count.ShouldBe(2);
        (await Post("/v1/werkgevers", Testdata.Werkgever(), Tokens.Regiopartij(), sleutel)).Header("Idempotent-Replayed").ShouldBe("true");
    }

    [Fact]
    public void de_opruiming_is_een_nachtelijk_terugkerend_bericht()
    {
        var gepland = Service<WolverineOptions>().Schedules.Where(m => m.MessageType == typeof(IdempotentieOpruimen)).ShouldHaveSingleItem();
        gepland.Schedule.Expression.ShouldBe(IdempotentieBewaartermijn.Schema);
    }

    private async Task Bewaar(IdempotenteOpdracht opdracht)
    {
        await using var session = Service<IDocumentStore>().LightweightSession();
        session.Store(opdracht);
        await session.SaveChangesAsync();
    }
}
