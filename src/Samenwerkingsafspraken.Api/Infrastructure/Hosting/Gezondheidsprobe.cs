namespace Samenwerkingsafspraken.Infrastructure.Hosting;

/// <summary>
/// <c>gezondheid [url]</c>: asks the running service on this machine whether it is alive, for the container image's
/// HEALTHCHECK (the runtime image has no curl). Without a URL: <c>/health</c> on the first port of
/// ASPNETCORE_HTTP_PORTS or ASPNETCORE_URLS. Exit code 0 when it answers 200, 1 otherwise.
/// </summary>
public static class Gezondheidsprobe
{
    public static async Task<int> Voer(string[] args, IConfiguration configuratie, TextWriter fout)
    {
        var adres = args is [var gegeven, ..] ? gegeven : $"http://127.0.0.1:{Poort(configuratie)}/health";
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
            using var antwoord = await client.GetAsync(adres);
            if (antwoord.IsSuccessStatusCode) return 0;
            fout.WriteLine($"{adres} answered {(int)antwoord.StatusCode}.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            fout.WriteLine($"{adres} did not answer: {e.Message}");
        }

        return 1;
    }

    private static string Poort(IConfiguration configuratie)
    {
        if (configuratie["ASPNETCORE_HTTP_PORTS"] is { Length: > 0 } poorten) return poorten.Split(';', ',')[0].Trim();
        var url = (configuratie["ASPNETCORE_URLS"] ?? configuratie["urls"] ?? "http://+:8080").Split(';')[0];
        var dubbelepunt = url.LastIndexOf(':');
        return dubbelepunt > url.IndexOf("//", StringComparison.Ordinal) ? url[(dubbelepunt + 1)..].TrimEnd('/') : "8080";
    }
}
