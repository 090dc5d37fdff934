using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests.Infrastructuur;

/// <summary>
/// A journey in the browser: a fresh context (no cookies) per test, sign-in through the sign-in page as a person
/// would, every page checked with axe-core against the WCAG 2.x A and AA rules, and screenshots for the user guides
/// when HANDLEIDING_SCHERMAFBEELDINGEN names a folder (so that a normal run writes nothing into the repository).
/// </summary>
public abstract class BrowserTest(Browseromgeving omgeving, ITestOutputHelper uitvoer) : IAsyncLifetime
{
    public static readonly string[] WcagRegels = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    protected Browseromgeving Omgeving { get; } = omgeving;

    protected Gegevensset Gegevens => Omgeving.Gegevens;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Pagina { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Context = await Omgeving.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Omgeving.Adres.ToString(),
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        // How long to wait for a page before calling it broken, not how fast it must be: the first pages of a run are
        // JIT-compiled while the other test projects load the same two cores (15 s was once not enough there).
        Context.SetDefaultTimeout(45_000);
        Pagina = await Context.NewPageAsync();
        Pagina.Console += (_, bericht) => uitvoer.WriteLine($"console {bericht.Type}: {bericht.Text}");
        Pagina.RequestFailed += (_, verzoek) => uitvoer.WriteLine($"request failed: {verzoek.Method} {verzoek.Url}: {verzoek.Failure}");
    }

    public async Task DisposeAsync()
    {
        while (Omgeving.App.Log.Fouten.TryDequeue(out var fout)) uitvoer.WriteLine(fout);
        uitvoer.WriteLine($"Laatste pagina: {Pagina.Url}");
        await Context.DisposeAsync();
    }

    /// <summary>Signs in through the demo sign-in page, by the visible name of the organisation, and lands on the start page.</summary>
    protected async Task AangemeldAls(string organisatie)
    {
        await Pagina.GotoAsync("/aanmelden");
        await Pagina.GetByLabel(organisatie, new PageGetByLabelOptions { Exact = false }).First.CheckAsync();
        await Pagina.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Aanmelden" }).ClickAsync();
        // Signed in once the start page's response arrives; its header (waited for below) says as whom. Not its load
        // event, which waits for the style sheets too: that wait once ran past 45 s in a run that loaded both cores.
        await Pagina.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        (await Pagina.InnerTextAsync("header")).ShouldContain("Aangemeld als");
    }

    /// <summary>Opens a page and checks it: its status, a title, one h1, the landmarks and the skip link, and zero axe violations.</summary>
    protected async Task<IResponse> Open(string adres, int status = 200)
    {
        var antwoord = await Pagina.GotoAsync(adres) ?? throw new InvalidOperationException($"No response for {adres}.");
        antwoord.Status.ShouldBe(status, $"{adres}: {await Pagina.TitleAsync()}");
        await Toegankelijk();
        return antwoord;
    }

    protected async Task Toegankelijk()
    {
        (await Pagina.TitleAsync()).ShouldEndWith("– Samenwerkingsafspraken");
        (await Pagina.Locator("h1").CountAsync()).ShouldBe(1, "één kop van niveau 1 per pagina");
        (await Pagina.Locator("header").CountAsync()).ShouldBeGreaterThanOrEqualTo(1);
        (await Pagina.Locator("nav[aria-label='Hoofdmenu']").CountAsync()).ShouldBe(1);
        (await Pagina.Locator("main#inhoud").CountAsync()).ShouldBe(1);
        (await Pagina.Locator("footer").CountAsync()).ShouldBeGreaterThanOrEqualTo(1);
        (await Pagina.Locator("a[href='#inhoud']").First.TextContentAsync()).ShouldBe("Direct naar de inhoud");

        var resultaat = await Pagina.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagRegels] },
            ResultTypes = [ResultType.Violations],
        });
        var schendingen = resultaat.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n  " + string.Join("\n  ", v.Nodes.Take(5).Select(n => $"{n.Target}: {n.Html}"))).ToList();
        schendingen.ShouldBeEmpty($"axe-core op {Pagina.Url}:\n{string.Join("\n", schendingen)}");
    }

    /// <summary>A screenshot for the user guide, only when asked for (HANDLEIDING_SCHERMAFBEELDINGEN is a folder).</summary>
    protected async Task Schermafbeelding(string naam, bool volledigePagina = false)
    {
        var map = Environment.GetEnvironmentVariable("HANDLEIDING_SCHERMAFBEELDINGEN");
        if (string.IsNullOrWhiteSpace(map)) return;

        // A relative folder is taken from the repository's root, not from the test's bin folder.
        if (!Path.IsPathRooted(map)) map = Path.Combine(Samenwerkingsafspraken.Infrastructure.Persistence.RepositoryPaths.Root ?? "", map);
        Directory.CreateDirectory(map);
        await Pagina.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(map, naam + ".png"), FullPage = volledigePagina });
    }

    protected async Task<string> Tekst(string selector = "main") => await Pagina.InnerTextAsync(selector);
}
