using System.Diagnostics;

namespace Samenwerkingsafspraken.Benchmarks;

/// <summary>The service as a process of its own, as in production: started on a connection string, timed to /health/ready.</summary>
public sealed class Dienst(string apiDll, string sleutelbestand, int poort, string omgeving = "Production", IReadOnlyDictionary<string, string>? instellingen = null)
    : IAsyncDisposable
{
    private Process? _proces;

    public string Adres => $"http://127.0.0.1:{poort}";

    public int Pid => _proces?.Id ?? 0;

    /// <summary>
    /// The migration step, as before a release: in Production the service does not change the schema itself.
    /// Answers the seconds it took.
    /// </summary>
    public Task<double> Migreer(string connectionString, string logbestand) => Voer(connectionString, logbestand, "migreren");

    /// <summary>One of the service's commands (migreren, voorbeeldgegevens …) to its end; answers the seconds it took.</summary>
    public async Task<double> Voer(string connectionString, string logbestand, params string[] args)
    {
        var opdracht = Opdracht(connectionString, args);
        var klok = Stopwatch.StartNew();
        using var migratie = Process.Start(opdracht)!;
        var uitvoer = migratie.StandardOutput.ReadToEndAsync();
        var fouten = migratie.StandardError.ReadToEndAsync();
        await migratie.WaitForExitAsync();
        await File.WriteAllTextAsync(logbestand, await uitvoer + await fouten);
        if (migratie.ExitCode != 0) throw new InvalidOperationException($"'{string.Join(' ', args)}' failed ({migratie.ExitCode}); see {logbestand}.");
        return klok.Elapsed.TotalSeconds;
    }

    /// <summary>Starts the service and answers the seconds until it is ready.</summary>
    public async Task<double> Start(string connectionString, string logbestand)
    {
        var opdracht = Opdracht(connectionString);
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

    /// <summary>
    /// Production settings: the service trusts the benchmark's token issuer through its public key, as it would an
    /// identity provider's (the offline issuer exists in Development only).
    /// </summary>
    private ProcessStartInfo Opdracht(string connectionString, params string[] args)
    {
        var publiek = sleutelbestand + ".publiek.pem";
        using (var rsa = System.Security.Cryptography.RSA.Create())
        {
            rsa.ImportFromPem(File.ReadAllText(sleutelbestand));
            File.WriteAllText(publiek, rsa.ExportSubjectPublicKeyInfoPem());
        }

        var start = new ProcessStartInfo("dotnet", [apiDll, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = omgeving,
                ["ASPNETCORE_URLS"] = Adres,
                ["ConnectionStrings__Samenwerkingsafspraken"] = connectionString,
                ["Authenticatie__Issuer"] = Samenwerkingsafspraken.Infrastructure.Security.LocalIssuer.Issuer,
                ["Authenticatie__SigningKeyFile"] = publiek,
                ["Authenticatie__Audience"] = Samenwerkingsafspraken.Infrastructure.Security.Authentication.DefaultAudience,
            },
        };
        foreach (var (naam, waarde) in instellingen ?? new Dictionary<string, string>()) start.Environment[naam] = waarde;
        return start;
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
