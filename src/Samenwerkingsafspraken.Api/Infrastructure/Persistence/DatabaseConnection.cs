namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>
/// Where the database is: the configured connection string <c>ConnectionStrings:Samenwerkingsafspraken</c>, or, when
/// none is configured, a local PostgreSQL cluster that this service creates and starts itself (and stops again).
/// </summary>
public sealed class DatabaseConnection : IDisposable
{
    public const string Name = "Samenwerkingsafspraken";

    private readonly Lazy<string> _connectionString;
    private LocalPostgres? _local;

    public DatabaseConnection(IConfiguration configuration, ILogger<DatabaseConnection> logger)
    {
        _connectionString = new Lazy<string>(() =>
        {
            var configured = configuration.GetConnectionString(Name);
            if (!string.IsNullOrWhiteSpace(configured)) return configured;

            var directory = configuration["LocalPostgres:DataDirectory"] ?? Path.Combine(RepositoryPaths.LocalFolder, "postgres");
            var port = configuration.GetValue("LocalPostgres:Port", 55432);
            _local = new LocalPostgres(directory, port, forTests: false, message => logger.LogInformation("{Message}", message));
            var connectionString = _local.EnsureRunningAsync("samenwerkingsafspraken").GetAwaiter().GetResult();

            // Command-line runs (token, projections, db-apply, …) end without disposing the host: stop it at exit too.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
            logger.LogInformation("No connection string configured: using the local PostgreSQL at 127.0.0.1:{Port} (data in {Directory}).",
                _local.Port, _local.DataDirectory);
            return connectionString;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string ConnectionString => _connectionString.Value;

    public void Dispose()
    {
        _local?.StopAsync().GetAwaiter().GetResult();
    }
}

/// <summary>The repository's ignored <c>.local</c> folder, found from the working directory or the binaries.</summary>
public static class RepositoryPaths
{
    public static string LocalFolder => Path.Combine(Root ?? Directory.GetCurrentDirectory(), ".local");

    public static string? Root =>
        FindUpwards(Directory.GetCurrentDirectory()) ?? FindUpwards(AppContext.BaseDirectory);

    private static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Samenwerkingsafspraken.sln"))) return dir.FullName;
        }

        return null;
    }
}
