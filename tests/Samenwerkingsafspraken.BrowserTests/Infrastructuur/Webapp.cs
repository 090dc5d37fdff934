using System.Net;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Samenwerkingsafspraken.Infrastructure;
using Wolverine;

namespace Samenwerkingsafspraken.BrowserTests.Infrastructuur;

/// <summary>The real Program on a real loopback port (Kestrel), in the test environment, on the browser tests' own database.</summary>
public sealed class Webapp(string connectionString, TimeProvider tijd, string sleutelbestand, IReadOnlyDictionary<string, string>? instellingen = null)
    : WebApplicationFactory<Program>
{
    public Serverlog Log { get; } = new();

    public Uri Adres { get; private set; } = null!;

    public void Start()
    {
        JasperFxEnvironment.AutoStartHost = true;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var adressen = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Adres = new Uri(adressen.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Test");
        builder.UseSetting("ConnectionStrings:Samenwerkingsafspraken", connectionString);
        builder.UseSetting("Authenticatie:LocalIssuer", "true");
        builder.UseSetting("Authenticatie:LocalIssuerKeyFile", sleutelbestand);
        foreach (var (sleutel, waarde) in instellingen ?? new Dictionary<string, string>()) builder.UseSetting(sleutel, waarde);
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.ConfigureServices(services =>
        {
            // Simulated time as in Development, for the demo data that the start page's button makes.
            services.AddSingleton(new Klok(tijd, simuleerbaar: true));
            services.RunWolverineInSoloMode();
            services.DisableAllExternalWolverineTransports();
        });
    }
}
