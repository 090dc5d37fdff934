using System.Net;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Api;

/// <summary>Behind a TLS-terminating proxy the service believes X-Forwarded-Proto from configured proxies only.</summary>
public sealed class Doorgestuurde_headers(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task https_achter_een_bekende_proxy_en_niet_achter_een_onbekende()
    {
        var database = await TestDatabase.NieuweDatabase("samenwerkingsafspraken_proxy");
        await using var host = await ApiFixture.StartHost(database, Tijd, Fixture.Uitgever,
            new Dictionary<string, string> { ["ForwardedHeaders:KnownNetworks:0"] = "10.1.0.0/16" });

        var bekend = await host.Scenario(s =>
        {
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3"));
            s.WithRequestHeader("X-Forwarded-Proto", "https");
            s.Get.Url("/v1/arbeidsmarktregios");
        });
        bekend.Context.Response.Headers.StrictTransportSecurity.ToString().ShouldStartWith("max-age=");

        var onbekend = await host.Scenario(s =>
        {
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.7"));
            s.WithRequestHeader("X-Forwarded-Proto", "https");
            s.Get.Url("/v1/arbeidsmarktregios");
        });
        onbekend.Context.Response.Headers.ContainsKey("Strict-Transport-Security").ShouldBeFalse("a stranger cannot make us believe https");
    }
}
