using Samenwerkingsafspraken.Infrastructure.Persistence;

namespace Samenwerkingsafspraken.Infrastructure.Development;

/// <summary>
/// Development and Test only: when no connection string is configured, a PostgreSQL cluster of our own (see
/// <see cref="LocalPostgres"/>), created, started and stopped again by this process. Registered by
/// <see cref="Ontwikkelvoorzieningen"/>, never in Production, so a production node without a connection string
/// refuses to start instead of installing and starting a database of its own.
/// </summary>
public sealed class LokaleDatabase : IDisposable
{
    private readonly Lazy<string> _connectionString;
    private LocalPostgres? _cluster;

    public LokaleDatabase(IConfiguration configuration, ILogger<LokaleDatabase> logger)
    {
        _connectionString = new Lazy<string>(() =>
        {
            var directory = configuration["LocalPostgres:DataDirectory"] ?? Path.Combine(RepositoryPaths.LocalFolder, "postgres");
            var port = configuration.GetValue("LocalPostgres:Port", 55432);
            _cluster = new LocalPostgres(directory, port, forTests: false, message => logger.LogInformation("{Message}", message));
            var connectionString = _cluster.EnsureRunningAsync("samenwerkingsafspraken").GetAwaiter().GetResult();

            // Command-line runs (token, projections, db-apply, …) end without disposing the host: stop it at exit too.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
            logger.LogInformation("No connection string configured: using the local PostgreSQL at 127.0.0.1:{Port} (data in {Directory}).",
                _cluster.Port, _cluster.DataDirectory);
            return connectionString;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string ConnectionString => _connectionString.Value;

    public void Dispose()
    {
        _cluster?.StopAsync().GetAwaiter().GetResult();
    }
}
