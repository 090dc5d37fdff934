using System.Text.Json.Nodes;
using Samenwerkingsafspraken.Beheer;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

public abstract partial class IntegratieTest
{
    /// <summary>Starts a projection rebuild (202 + Location), then polls its status resource until it is done; returns the finished job.</summary>
    protected async Task<JsonNode> Herbouwd(string projectie, IAlbaHost? op = null)
    {
        var host = op ?? Host;
        var start = await Verstuur(host, HttpMethod.Post, $"/v1/beheer/projecties/{projectie}/herbouw", null, Tokens.Beheerder());
        start.Status.ShouldBe(202, start.Tekst);
        start.Json["status"]!.GetValue<string>().ShouldBe(Herbouwstatus.Wachtend);
        var locatie = start.Header("Location");
        locatie.ShouldBe($"/v1/beheer/herbouwtaken/{start.Json["id"]}");

        var tot = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < tot)
        {
            var taak = await Verstuur(host, HttpMethod.Get, locatie!, null, Tokens.Beheerder());
            taak.Status.ShouldBe(200, taak.Tekst);
            var status = taak.Json["status"]!.GetValue<string>();
            status.ShouldBeOneOf(Herbouwstatus.Wachtend, Herbouwstatus.Bezig, Herbouwstatus.Voltooid, Herbouwstatus.Mislukt);
            if (status == Herbouwstatus.Mislukt) throw new ShouldAssertException($"The rebuild failed: {taak.Tekst}");
            if (status == Herbouwstatus.Voltooid) return taak.Json;
            await Task.Delay(100);
        }

        throw new TimeoutException($"The rebuild of {projectie} did not finish within two minutes.");
    }
}
