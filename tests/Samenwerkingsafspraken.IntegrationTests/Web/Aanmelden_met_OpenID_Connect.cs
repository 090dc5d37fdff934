using System.Web;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Wolverine;

namespace Samenwerkingsafspraken.IntegrationTests.Web;

/// <summary>
/// Outside Development the pages sign people in with OpenID Connect against the issuer the API trusts: the
/// authorization code flow with PKCE, no demo identities. The identity provider's metadata is given to the handler
/// here, as it would fetch it from the authority.
/// </summary>
public sealed class Aanmelden_met_OpenID_Connect : IAsyncLifetime
{
    private const string Authority = "https://inloggen.example.test";
    private IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabase.NieuweDatabase("samenwerkingsafspraken_oidc");

        // In Production a node does not change the schema: the migration step comes first (here a Test host applies it).
        var uitgever = new Samenwerkingsafspraken.Infrastructure.Security.LocalIssuer(
            Path.Combine(Path.GetTempPath(), "samenwerkingsafspraken-tests", "uitgever.pem"));
        await using (await ApiFixture.StartHost(connectionString, new TestTijd(ApiFixture.Starttijd), uitgever))
        {
        }

        JasperFxEnvironment.AutoStartHost = true;
        _host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Samenwerkingsafspraken", connectionString);
            builder.UseSetting("Authenticatie:Authority", Authority);
            builder.UseSetting("Authenticatie:Audience", "samenwerkingsafspraken-api");
            builder.UseSetting("Web:OpenIdConnect:ClientId", "samenwerkingsafspraken-web");
            builder.ConfigureServices(services =>
            {
                services.RunWolverineInSoloMode();
                services.DisableAllExternalWolverineTransports();
                services.PostConfigure<OpenIdConnectOptions>(WebAuthenticatie.OpenIdConnect, options =>
                    options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(new OpenIdConnectConfiguration
                    {
                        Issuer = Authority,
                        AuthorizationEndpoint = $"{Authority}/authorize",
                        TokenEndpoint = $"{Authority}/token",
                        EndSessionEndpoint = $"{Authority}/logout",
                    }));
            });
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task aanmelden_gaat_naar_de_identiteitsprovider_met_een_autorisatiecode_en_pkce()
    {
        var antwoord = await IntegratieTest.Verstuur(_host, HttpMethod.Get, "/aanmelden?terugNaar=/regios/AM01/register", null, null);

        antwoord.Status.ShouldBe(302);
        var doel = new Uri(antwoord.Header("Location")!);
        doel.GetLeftPart(UriPartial.Path).ShouldBe($"{Authority}/authorize");
        var query = HttpUtility.ParseQueryString(doel.Query);
        query["response_type"].ShouldBe("code");
        query["client_id"].ShouldBe("samenwerkingsafspraken-web");
        query["code_challenge_method"].ShouldBe("S256");
        query["code_challenge"].ShouldNotBeNullOrWhiteSpace();
        query["redirect_uri"]!.ShouldEndWith("/aanmelden/terug");
        query["scope"]!.Split(' ').ShouldContain("openid");

        // The correlation and nonce cookies of the flow are secure outside development.
        antwoord.Header("Set-Cookie")!.ShouldContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task een_pagina_stuurt_wie_niet_is_aangemeld_naar_de_identiteitsprovider_en_demo_identiteiten_bestaan_niet()
    {
        var pagina = await IntegratieTest.Verstuur(_host, HttpMethod.Get, "/regios/AM01/register", null, null);
        pagina.Status.ShouldBe(302);
        pagina.Header("Location")!.ShouldStartWith($"{Authority}/authorize");

        var start = await IntegratieTest.Verstuur(_host, HttpMethod.Get, "/", null, null);
        start.Status.ShouldBe(200);
        start.Tekst.ShouldNotContain("voorbeeldidentiteit");
        start.Header("Content-Security-Policy")!.ShouldContain($"form-action 'self' {Authority}");

        (await IntegratieTest.Verstuur(_host, HttpMethod.Get, "/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken", null, null)).Probleem(401);
    }
}
