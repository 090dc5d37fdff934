using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>
/// A PostgreSQL cluster of our own for development and tests, used only when no connection string is configured:
/// loopback only, on a non-default port, data in an ignored folder. PostgreSQL refuses to run as root, so as root
/// the cluster runs as the <c>postgres</c> user; where no server binaries exist and we are root, apt-get installs them.
/// </summary>
public sealed class LocalPostgres
{
    private readonly string _dataDirectory;
    private readonly int _preferredPort;
    private readonly bool _forTests;
    private readonly Action<string> _log;
    private string? _binDirectory;

    public LocalPostgres(string dataDirectory, int preferredPort, bool forTests, Action<string>? log = null)
    {
        _dataDirectory = Path.GetFullPath(dataDirectory);
        _preferredPort = preferredPort;
        _forTests = forTests;
        _log = log ?? (_ => { });
    }

    /// <summary>
    /// Libraries to preload when this instance starts the server (<c>shared_preload_libraries</c>), those of them the
    /// installed server has; for a benchmark that observes the server as production does (pg_stat_statements).
    /// </summary>
    public IReadOnlyList<string> Preload { get; init; } = [];

    /// <summary>Server settings (<c>name=value</c>) when this instance starts the server.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    /// <summary>True when this instance started the server (and so should stop it).</summary>
    public bool StartedByUs { get; private set; }

    public string DataDirectory { get; private set; } = "";

    public int Port { get; private set; }

    public static bool IsRoot => Environment.UserName == "root" || geteuidSafe() == 0;

    /// <summary>Ensures the cluster exists and runs, and that <paramref name="database"/> exists; returns its connection string.</summary>
    public async Task<string> EnsureRunningAsync(string database, CancellationToken cancellation = default)
    {
        _binDirectory = FindBinDirectory() ?? await InstallAsync(cancellation);
        DataDirectory = ChooseDataDirectory();

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await InitialiseAsync(cancellation);
        }

        var runningPort = ReadRunningPort();
        if (runningPort is { } port && await AcceptsConnectionsAsync(port, cancellation))
        {
            Port = port;
        }
        else
        {
            Port = IsPortFree(_preferredPort) ? _preferredPort : FreePort();
            await StartAsync(cancellation);
            StartedByUs = true;
        }

        // Unpooled: after a stop and start of this cluster a pooled connection would be one the server already closed.
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellation);
            await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(cancellation) is null)
            {
                await using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "")}\"", connection);
                await create.ExecuteNonQueryAsync(cancellation);
            }
        }

        return ConnectionString(database);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        MaxPoolSize = 60,
    }.ConnectionString;

    public async Task StopAsync()
    {
        if (!StartedByUs || _binDirectory is null) return;
        await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None, throwOnError: false);
        StartedByUs = false;
    }

    private static string? FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured) && File.Exists(Path.Combine(configured, "initdb"))) return configured;

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
                .Where(x => File.Exists(Path.Combine(x.dir, "bin", "initdb")))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin"))
                .FirstOrDefault();
            if (newest is not null) return newest;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"))) return dir;
        }

        return null;
    }

    private async Task<string> InstallAsync(CancellationToken cancellation)
    {
        if (!IsRoot || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException(
                "No PostgreSQL server binaries found (initdb, pg_ctl). Install PostgreSQL (for example 'apt-get install postgresql'), " +
                "set PG_BIN to their folder, or configure ConnectionStrings__Samenwerkingsafspraken.");
        }

        _log("PostgreSQL server binaries not found: installing them with apt-get (this happens once).");
        var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        var install = new[] { "install", "-y", "-q", "--no-install-recommends", "postgresql" };
        if (await RunAsync("apt-get", install, cancellation, throwOnError: false, env) != 0)
        {
            await RunAsync("apt-get", ["update", "-q"], cancellation, throwOnError: true, env);
            await RunAsync("apt-get", install, cancellation, throwOnError: true, env);
        }

        return FindBinDirectory() ?? throw new InvalidOperationException("apt-get installed postgresql, but initdb is still not found.");
    }

    private string ChooseDataDirectory()
    {
        if (!IsRoot || PostgresUserCanReach(Path.GetDirectoryName(_dataDirectory)!)) return _dataDirectory;

        // As root the server runs as 'postgres', which cannot enter folders such as /root: keep the data in a place
        // it can reach, named after the requested folder so that two checkouts never share a cluster.
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_dataDirectory)))[..12].ToLowerInvariant();
        var fallback = Path.Combine("/var/tmp", "samenwerkingsafspraken-pg", hash);
        _log($"The postgres user cannot reach {_dataDirectory}; using {fallback} instead.");
        return fallback;
    }

    private static bool PostgresUserCanReach(string directory)
    {
        Directory.CreateDirectory(directory);
        var psi = new ProcessStartInfo("runuser", ["-u", "postgres", "--", "test", "-x", directory])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        try
        {
            using var process = Process.Start(psi)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static void Chown(string path)
    {
        using var chown = Process.Start(new ProcessStartInfo("chown", ["postgres:postgres", path]) { RedirectStandardError = true })!;
        chown.WaitForExit();
    }

    private async Task InitialiseAsync(CancellationToken cancellation)
    {
        _log($"Creating a local PostgreSQL cluster in {DataDirectory}.");
        Directory.CreateDirectory(DataDirectory);
        if (IsRoot) Chown(DataDirectory);
        await RunAsync(Path.Combine(_binDirectory!, "initdb"),
            ["-D", DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"], cancellation, throwOnError: true);
    }

    private async Task StartAsync(CancellationToken cancellation)
    {
        var options = new List<string>
        {
            $"-p {Port}", "-c listen_addresses=127.0.0.1", "-c unix_socket_directories=''", "-c max_connections=300",
        };
        if (_forTests)
        {
            // Test data is thrown away after every run: durability costs time and proves nothing here.
            options.AddRange(["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]);
        }

        var libraries = Preload.Where(l => File.Exists(Path.Combine(_binDirectory!, "..", "lib", l + ".so"))).ToList();
        if (libraries.Count > 0) options.Add($"-c shared_preload_libraries={string.Join(',', libraries)}");
        options.AddRange(Settings.Select(setting => $"-c {setting}"));

        var log = Path.Combine(DataDirectory, "server.log");
        _log($"Starting local PostgreSQL on 127.0.0.1:{Port}.");
        await RunAsync(Path.Combine(_binDirectory!, "pg_ctl"),
            ["-D", DataDirectory, "-l", log, "-w", "-t", "120", "-o", string.Join(' ', options), "start"], cancellation, throwOnError: true);
    }

    private int? ReadRunningPort()
    {
        // postmaster.pid: line 1 the pid, line 4 the port.
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        try
        {
            var lines = File.ReadAllLines(pidFile);
            if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port)) return null;
            try
            {
                using var process = Process.GetProcessById(pid);
                return process.HasExited ? null : port;
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellation)
    {
        var builder = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Timeout = 5, Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellation);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<int> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellation, bool throwOnError,
        IDictionary<string, string>? environment = null)
    {
        var asPostgres = IsRoot && program != "apt-get";
        var psi = asPostgres
            ? new ProcessStartInfo("runuser", new[] { "-u", "postgres", "--", program }.Concat(arguments))
            : new ProcessStartInfo(program, arguments);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = "/";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) psi.Environment[key] = value;

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0 && throwOnError)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }

        return process.ExitCode;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint geteuid();

    private static uint geteuidSafe()
    {
        try
        {
            return OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? geteuid() : uint.MaxValue;
        }
        catch (DllNotFoundException)
        {
            return uint.MaxValue;
        }
    }
}
