using System.Text.Json.Nodes;
using Samenwerkingsafspraken.Beheer;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

public abstract partial class IntegratieTest
{
    /// <summary>
    /// Rebuilds a projection as a client would: a rebuild done within the request's wait answers 200 with the finished job
    /// (its status resource in Content-Location); any other answers 202 with the job's status resource in Location, which
    /// is polled until the job is done. Returns the finished job; a failed one fails the test.
    /// </summary>
    protected async Task<JsonNode> Herbouwd(string projectie, IAlbaHost? op = null, IDictionary<string, string>? headers = null)
    {
        var (status, taak) = await Afgerond(op ?? Host, Tokens, projectie, headers);
        if (status == Herbouwstatus.Mislukt) throw new ShouldAssertException($"The rebuild failed: {taak}");
        return taak;
    }

    /// <summary>The same for any host: the finished job's status (done or failed) and the job.</summary>
    public static async Task<(string Status, JsonNode Taak)> Afgerond(IAlbaHost host, Tokens tokens, string projectie,
        IDictionary<string, string>? headers = null)
    {
        var start = await Verstuur(host, HttpMethod.Post, $"/v1/beheer/projecties/{projectie}/herbouw", null, tokens.Beheerder(), headers);
        var locatie = $"/v1/beheer/herbouwtaken/{start.Json["id"]}";
        if (start.Status == 200)
        {
            start.Header("Content-Location").ShouldBe(locatie);
            start.Header("Location").ShouldBeNull();
            var klaar = start.Json["status"]!.GetValue<string>();
            klaar.ShouldBeOneOf(Herbouwstatus.Voltooid, Herbouwstatus.Mislukt);
            return (klaar, start.Json);
        }

        start.Status.ShouldBe(202, start.Tekst);
        start.Json["status"]!.GetValue<string>().ShouldBeOneOf(Herbouwstatus.Wachtend, Herbouwstatus.Bezig);
        start.Header("Location").ShouldBe(locatie);

        var tot = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < tot)
        {
            var taak = await Verstuur(host, HttpMethod.Get, locatie, null, tokens.Beheerder());
            taak.Status.ShouldBe(200, taak.Tekst);
            var status = taak.Json["status"]!.GetValue<string>();
            status.ShouldBeOneOf(Herbouwstatus.Wachtend, Herbouwstatus.Bezig, Herbouwstatus.Voltooid, Herbouwstatus.Mislukt);
            if (status is Herbouwstatus.Voltooid or Herbouwstatus.Mislukt) return (status, taak.Json);
            await Task.Delay(100);
        }

        throw new TimeoutException($"The rebuild of {projectie} did not finish within two minutes.");
    }
}
