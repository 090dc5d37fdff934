using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

/// <summary>
/// The built service as a real process (<c>dotnet Samenwerkingsafspraken.Api.dll</c>), for what an in-process host
/// cannot show: the exit code and the line of a refused start, a command, several nodes on one database, kill -9.
/// The environment is the runner's without any of the service's own settings, plus exactly what the test gives.
/// </summary>
public sealed class Dienstproces : IAsyncDisposable
{
    private static readonly string[] EigenInstellingen =
        ["ASPNETCORE_", "DOTNET_ENVIRONMENT", "ConnectionStrings__", "Authenticatie__", "Database__", "LocalPostgres__", "OTEL_", "Cluster__", "Logging__"];

    private static readonly Lock PubliekeSleutel = new();

    private readonly Process _proces;
    private readonly ConcurrentQueue<string> _uit = new();
    private readonly ConcurrentQueue<string> _fout = new();

    private Dienstproces(Process proces, string naam, int? poort)
    {
        _proces = proces;
        Naam = naam;
        Poort = poort;
    }

    public string Naam { get; }

    public int? Poort { get; }

    public Uri Adres => new($"http://127.0.0.1:{Poort}");

    public int Pid => _proces.Id;

    public bool IsBeeindigd => _proces.HasExited;

    public IReadOnlyList<string> Uitvoer => _uit.ToArray();

    public IReadOnlyList<string> Fouten => _fout.ToArray();

    public string Alles => string.Join('\n', _uit.Concat(_fout));

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Samenwerkingsafspraken.Api.dll");

    /// <summary>A command (migreren, integriteit, …) or, with <paramref name="dienst"/>, the web service on a free port.</summary>
    public static Dienstproces Start(string naam, IDictionary<string, string?> instellingen, bool dienst, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Dll);
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        foreach (var sleutel in psi.Environment.Keys.Where(k => EigenInstellingen.Any(k.StartsWith)).ToList()) psi.Environment.Remove(sleutel);

        int? poort = dienst ? VrijePoort() : null;
        if (poort is not null) psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{poort}";
        foreach (var (sleutel, waarde) in instellingen)
        {
            if (waarde is null) psi.Environment.Remove(sleutel);
            else psi.Environment[sleutel] = waarde;
        }

        var proces = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var dp = new Dienstproces(proces, naam, poort);
        proces.OutputDataReceived += (_, e) => { if (e.Data is not null) dp._uit.Enqueue(e.Data); };
        proces.ErrorDataReceived += (_, e) => { if (e.Data is not null) dp._fout.Enqueue(e.Data); };
        proces.Start();
        proces.BeginOutputReadLine();
        proces.BeginErrorReadLine();
        return dp;
    }

    public async Task<int> WachtOpEinde(TimeSpan maximaal)
    {
        using var cts = new CancellationTokenSource(maximaal);
        try
        {
            await _proces.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Naam} did not end within {maximaal}:\n{Alles}");
        }

        _proces.WaitForExit(); // drains the output readers
        return _proces.ExitCode;
    }

    /// <summary>Waits until /health/ready answers 200; fails at once when the process ends instead.</summary>
    public async Task WachtTotGereed(TimeSpan maximaal)
    {
        using var client = new HttpClient { BaseAddress = Adres, Timeout = TimeSpan.FromSeconds(5) };
        var tot = DateTime.UtcNow + maximaal;
        while (DateTime.UtcNow < tot)
        {
            if (_proces.HasExited) throw new InvalidOperationException($"{Naam} ended with {_proces.ExitCode} before it was ready:\n{Alles}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Naam} was not ready within {maximaal}:\n{Alles}");
    }

    /// <summary>kill -9: no shutdown, no goodbye to the cluster.</summary>
    public void Dood()
    {
        if (_proces.HasExited) return;
        _proces.Kill(entireProcessTree: true);
        _proces.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_proces.HasExited)
        {
            _proces.Kill(entireProcessTree: true);
            await _proces.WaitForExitAsync();
        }

        _proces.Dispose();
    }

    public static int VrijePoort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The settings of a production node that trusts the test run's token issuer through Issuer + SigningKeyFile (its
    /// public key, as an identity provider publishes it), so that the tests' tokens work against a real Production node.
    /// </summary>
    public static Dictionary<string, string?> Productie(string connectionString, LocalIssuer uitgever)
    {
        var publiek = Path.Combine(Path.GetDirectoryName(uitgever.KeyFile)!, "uitgever.publiek.pem");
        lock (PubliekeSleutel)
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(File.ReadAllText(uitgever.KeyFile));
            File.WriteAllText(publiek, rsa.ExportSubjectPublicKeyInfoPem());
        }

        return new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Samenwerkingsafspraken"] = connectionString,
            ["Authenticatie__Issuer"] = LocalIssuer.Issuer,
            ["Authenticatie__SigningKeyFile"] = publiek,
            ["Authenticatie__Audience"] = Authentication.DefaultAudience,
        };
    }
}
