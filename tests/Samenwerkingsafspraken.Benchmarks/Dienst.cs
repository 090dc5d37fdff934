using System.Diagnostics;

namespace Samenwerkingsafspraken.Benchmarks;

/// <summary>The service as a process of its own, as in production: started on a connection string, timed to /health/ready.</summary>
public sealed class Dienst(string apiDll, string sleutelbestand, int poort) : IAsyncDisposable
{
    private Process? _proces;

    public string Adres => $"http://127.0.0.1:{poort}";

    public int Pid => _proces?.Id ?? 0;

    /// <summary>Starts the service and answers the seconds until it is ready.</summary>
    public async Task<double> Start(string connectionString, string logbestand)
    {
        var opdracht = new ProcessStartInfo("dotnet", [apiDll])
        {
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = Adres,
                ["ConnectionStrings__Samenwerkingsafspraken"] = connectionString,
                ["Authenticatie__LocalIssuer"] = "true",
                ["Authenticatie__LocalIssuerKeyFile"] = sleutelbestand,
            },
        };
        var klok = Stopwatch.StartNew();
        _proces = Process.Start(opdracht)!;
        var log = new StreamWriter(logbestand) { AutoFlush = true };
        _proces.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _proces.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _proces.BeginOutputReadLine();
        _proces.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (klok.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (_proces.HasExited) throw new InvalidOperationException($"The service stopped ({_proces.ExitCode}); see {logbestand}.");
            try
            {
                if ((await http.GetAsync($"{Adres}/health/ready")).IsSuccessStatusCode) return klok.Elapsed.TotalSeconds;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"The service was not ready within 3 minutes; see {logbestand}.");
    }

    public async Task Stop()
    {
        if (_proces is null || _proces.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", _proces.Id.ToString()])) await term.WaitForExitAsync();
        using var geduld = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _proces.WaitForExitAsync(geduld.Token);
        }
        catch (OperationCanceledException)
        {
            _proces.Kill();
        }
    }

    public ValueTask DisposeAsync() => new(Stop());
}
