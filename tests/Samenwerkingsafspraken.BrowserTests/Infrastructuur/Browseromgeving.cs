using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.BrowserTests.Infrastructuur;

/// <summary>
/// One of everything for the whole run: the database, the web application on a loopback port, the data set made
/// through its API, and one Chromium. Each test opens its own browser context (its own cookies) in that browser.
/// </summary>
public sealed class Browseromgeving : IAsyncLifetime
{
    private Func<Task> _stopDatabase = () => Task.CompletedTask;

    public Webapp App { get; private set; } = null!;

    public Uri Adres => App.Adres;

    public Gegevensset Gegevens { get; private set; } = null!;

    public LocalIssuer Uitgever { get; } = new(Path.Combine(Path.GetTempPath(), "samenwerkingsafspraken-browsertests", "uitgever.pem"));

    public TestTijd Tijd { get; } = new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.FromHours(1)));

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var chromium = Chromium.ZorgDatHetErIs();
        var (connectionString, stop) = await Testdatabase.Start();
        _stopDatabase = stop;

        App = new Webapp(connectionString, Tijd, Uitgever.KeyFile);
        App.Start();

        using var http = new HttpClient { BaseAddress = Adres };
        Gegevens = await new Gegevens(http, Uitgever, Tijd).Maak();
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

[CollectionDefinition(Naam)]
public sealed class BrowserCollectie : ICollectionFixture<Browseromgeving>
{
    public const string Naam = "browser";
}
