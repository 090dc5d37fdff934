using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Wolverine;

namespace Samenwerkingsafspraken.IntegrationTests.Toegang;

/// <summary>Deny by default starts at the start: an endpoint that the access policy does not name stops the service from starting.</summary>
public sealed class Een_endpoint_zonder_regel(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task laat_de_dienst_niet_starten()
    {
        // A database of its own: what the host started before it failed keeps running, and must not touch the others' data.
        var connectionString = await TestDatabase.NieuweDatabase("samenwerkingsafspraken_zonder_regel");
        var fout = await Should.ThrowAsync<Exception>(async () =>
        {
            await using var host = await AlbaHost.For<Program>(builder =>
            {
                builder.UseEnvironment("Test");
                builder.UseSetting("ConnectionStrings:Samenwerkingsafspraken", connectionString);
                builder.UseSetting("Authenticatie:LocalIssuer", "true");
                builder.UseSetting("Authenticatie:LocalIssuerKeyFile", Fixture.Uitgever.KeyFile);
                builder.ConfigureServices(services =>
                {
                    services.AddSingleton<IStartupFilter, EndpointZonderRegel>();
                    services.RunWolverineInSoloMode();
                    services.DisableAllExternalWolverineTransports();
                });
            });
        });

        Alles(fout).ShouldContain("Endpoints without a row");
        Alles(fout).ShouldContain("/nieuw-zonder-regel");
    }

    private static string Alles(Exception fout) => fout is AggregateException a ? string.Join("\n", a.Flatten().InnerExceptions.Select(Alles)) : fout.ToString();

    private sealed class EndpointZonderRegel : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseRouting();
            app.UseEndpoints(endpoints => endpoints.MapGet("/nieuw-zonder-regel", () => "geheim"));
        };
    }
}
