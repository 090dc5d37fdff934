using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Samenwerkingsafspraken.Infrastructure;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

/// <summary>An HTTP answer as a test sees it: status, headers, and the body as JSON.</summary>
public sealed record Antwoord(int Status, IReadOnlyDictionary<string, string> Headers, string ContentType, string Tekst)
{
    public JsonNode Json => JsonNode.Parse(Tekst) ?? throw new InvalidOperationException("Empty body.");

    public T Als<T>() => JsonSerializer.Deserialize<T>(Tekst, Infrastructure.Json.Options)!;

    public string? Header(string naam) => Headers.TryGetValue(naam, out var waarde) ? waarde : null;

    public long Versie => long.Parse(Header("ETag")!.Trim('"').Split('-')[0]);

    /// <summary>Asserts an RFC 9457 problem with the given status, and returns it.</summary>
    public JsonNode Probleem(int status)
    {
        Status.ShouldBe(status, Tekst);
        ContentType.ShouldStartWith("application/problem+json");
        var json = Json;
        json["status"]!.GetValue<int>().ShouldBe(status);
        json["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        json["detail"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        json["code"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        return json;
    }

    public string ProbleemCode(int status) => Probleem(status)["code"]!.GetValue<string>();

    /// <summary>Asserts a 400 and returns the names of every invalid parameter it lists.</summary>
    public IReadOnlyList<string> OngeldigeVelden()
    {
        var json = Probleem(400);
        return json["invalidParams"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
    }
}

[Collection(ApiCollectie.Naam)]
public abstract partial class IntegratieTest(ApiFixture fixture) : IAsyncLifetime
{
    protected ApiFixture Fixture { get; } = fixture;

    protected IAlbaHost Host => Fixture.Host;

    protected TestTijd Tijd => Fixture.Tijd;

    protected Tokens Tokens => new(Fixture.Uitgever);

    public virtual Task InitializeAsync() => Fixture.Reset();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected T Service<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Waits until the asynchronous projections have caught up with every event (they run in the background).</summary>
    protected Task AsynchroneProjectiesBijgewerkt() =>
        Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(Service<Marten.IDocumentStore>(), TimeSpan.FromSeconds(60));

    protected Task<Antwoord> Get(string url, string? token = null, IDictionary<string, string>? headers = null) =>
        Verstuur(HttpMethod.Get, url, null, token, headers);

    protected Task<Antwoord> Post(string url, object? body, string? token = null, IDictionary<string, string>? headers = null) =>
        Verstuur(HttpMethod.Post, url, body, token, headers);

    protected Task<Antwoord> Put(string url, object? body, string? token = null, IDictionary<string, string>? headers = null) =>
        Verstuur(HttpMethod.Put, url, body, token, headers);

    protected Task<Antwoord> Verstuur(HttpMethod methode, string url, object? body, string? token, IDictionary<string, string>? headers = null) =>
        Verstuur(Host, methode, url, body, token, headers);

    public static async Task<Antwoord> Verstuur(IAlbaHost host, HttpMethod methode, string url, object? body, string? token,
        IDictionary<string, string>? headers = null)
    {
        using var client = host.Server.CreateClient();
        using var verzoek = new HttpRequestMessage(methode, url);
        if (token is not null) verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (naam, waarde) in headers ?? new Dictionary<string, string>()) verzoek.Headers.TryAddWithoutValidation(naam, waarde);
        if (body is not null)
        {
            var tekst = body as string ?? JsonSerializer.Serialize(body, Infrastructure.Json.Options);
            verzoek.Content = new StringContent(tekst, Encoding.UTF8, "application/json");
        }

        using var antwoord = await client.SendAsync(verzoek);
        var alleHeaders = antwoord.Headers.Concat(antwoord.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Antwoord((int)antwoord.StatusCode, alleHeaders, antwoord.Content.Headers.ContentType?.ToString() ?? "",
            await antwoord.Content.ReadAsStringAsync());
    }

    protected static Dictionary<string, string> IfMatch(long versie) => new() { ["If-Match"] = $"\"{versie}\"" };
}
