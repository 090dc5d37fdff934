using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.BrowserTests.Infrastructuur;

/// <summary>
/// One of everything for a collection: the database, the web application on a loopback port, the data set made
/// through its API, and one Chromium. Each test opens its own browser context (its own cookies) in that browser.
/// </summary>
public class Browseromgeving : IAsyncLifetime
{
    private Func<Task> _stopDatabase = () => Task.CompletedTask;

    protected virtual string Databasenaam => "samenwerkingsafspraken_browser";

    /// <summary>Whether the set-up makes the journeys' data set through the API (else the registry starts empty).</summary>
    protected virtual bool MetGegevens => true;

    protected virtual IReadOnlyDictionary<string, string> Instellingen => new Dictionary<string, string>();

    public Webapp App { get; private set; } = null!;

    public Uri Adres => App.Adres;

    public Gegevensset Gegevens { get; private set; } = null!;

    public LocalIssuer Uitgever { get; } = new(Path.Combine(Path.GetTempPath(), "samenwerkingsafspraken-browsertests", "uitgever.pem"));

    private TestTijd? _tijd;

    public TestTijd Tijd => _tijd ??= new(Begintijd);

    /// <summary>Where domain time starts; the data set moves it on from there.</summary>
    protected virtual DateTimeOffset Begintijd => new(2025, 1, 6, 9, 0, 0, TimeSpan.FromHours(1));

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var chromium = Chromium.ZorgDatHetErIs();
        var (connectionString, stop) = await Testdatabase.Start(Databasenaam);
        _stopDatabase = stop;

        App = new Webapp(connectionString, Tijd, Uitgever.KeyFile, Instellingen);
        App.Start();

        using var http = new HttpClient { BaseAddress = Adres };
        if (MetGegevens) Gegevens = await new Gegevens(http, Uitgever, Tijd).Maak();
        await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(App.Services.GetRequiredService<IDocumentStore>(), TimeSpan.FromSeconds(60));

        await chromium;
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Uitvoerbaar,
            Headless = true,
            Args = Chromium.Argumenten,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        await _stopDatabase();
    }
}

/// <summary>
/// The journeys that write through the forms, on a database and host of their own: what they add (agreements, requests,
/// moved domain time) would change what the reading journeys count.
/// </summary>
public sealed class Formulieromgeving : Browseromgeving
{
    protected override string Databasenaam => "samenwerkingsafspraken_formulieren";
}

// One collection at a time: each has a host, a data set and a browser of its own, and the machine has few cores.
[CollectionDefinition(Naam, DisableParallelization = true)]
public sealed class BrowserCollectie : ICollectionFixture<Browseromgeving>
{
    public const string Naam = "browser";
}

/// <summary>An empty registry, for the start page's demo data button (a small set: the same plan with fewer agreements).</summary>
public sealed class Leegomgeving : Browseromgeving
{
    protected override string Databasenaam => "samenwerkingsafspraken_leeg";

    protected override bool MetGegevens => false;

    // The demo data plans expiries on Wolverine's scheduler, which keeps the machine's time: domain time must be near it.
    protected override DateTimeOffset Begintijd => DateTimeOffset.UtcNow;

    protected override IReadOnlyDictionary<string, string> Instellingen => new Dictionary<string, string> { [Samenwerkingsafspraken.Start.StartModel.AantalSleutel] = "12" };
}

[CollectionDefinition(Naam, DisableParallelization = true)]
public sealed class LeegCollectie : ICollectionFixture<Leegomgeving>
{
    public const string Naam = "leeg";
}

[CollectionDefinition(Naam, DisableParallelization = true)]
public sealed class FormulierCollectie : ICollectionFixture<Formulieromgeving>
{
    public const string Naam = "formulieren";
}
