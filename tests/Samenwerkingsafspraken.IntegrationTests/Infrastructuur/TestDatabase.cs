using Samenwerkingsafspraken.Infrastructure.Persistence;
using Testcontainers.PostgreSql;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

/// <summary>
/// The real PostgreSQL the tests run against, in this order: the database named by
/// ConnectionStrings__Samenwerkingsafspraken; a Testcontainers PostgreSQL where a Docker engine answers; otherwise a
/// local cluster of our own (installed with apt-get when missing and running as root), started once per test run.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim Slot = new(1, 1);
    private static string? _connectionString;
    private static LocalPostgres? _lokaal;
    private static PostgreSqlContainer? _container;

    public static string Herkomst { get; private set; } = "";

    public static async Task<string> ConnectionString()
    {
        await Slot.WaitAsync();
        try
        {
            return _connectionString ??= await Start();
        }
        finally
        {
            Slot.Release();
        }
    }

    /// <summary>A database of its own on the same server, for a test that runs hosts of its own (a restart).</summary>
    public static async Task<string> NieuweDatabase(string naam)
    {
        var basis = new Npgsql.NpgsqlConnectionStringBuilder(await ConnectionString());
        await using (var verbinding = new Npgsql.NpgsqlConnection(basis.ConnectionString))
        {
            await verbinding.OpenAsync();
            await using var opdracht = new Npgsql.NpgsqlCommand($"drop database if exists {naam} with (force); create database {naam}", verbinding);
            await opdracht.ExecuteNonQueryAsync();
        }

        basis.Database = naam;
        return basis.ConnectionString;
    }

    private static async Task<string> Start()
    {
        var geconfigureerd = Environment.GetEnvironmentVariable($"ConnectionStrings__{DatabaseConnection.Name}");
        if (!string.IsNullOrWhiteSpace(geconfigureerd))
        {
            Herkomst = "configured connection string";
            return geconfigureerd;
        }

        if (DockerLijktBeschikbaar())
        {
            try
            {
                _container = new PostgreSqlBuilder("postgres:16-alpine").Build();
                await _container.StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _container.DisposeAsync().AsTask().GetAwaiter().GetResult();
                Herkomst = "Testcontainers";
                return _container.GetConnectionString();
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"Docker did not start a PostgreSQL container ({e.GetType().Name}: {e.Message}); using a local cluster.");
            }
        }

        var map = Path.Combine(RepositoryPaths.LocalFolder, "postgres-tests");
        _lokaal = new LocalPostgres(map, 55433, forTests: true, Console.Error.WriteLine);
        var connectionString = await _lokaal.EnsureRunningAsync("samenwerkingsafspraken_tests");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _lokaal.StopAsync().GetAwaiter().GetResult();
        Herkomst = $"local cluster on port {_lokaal.Port}";
        return connectionString;
    }

    private static bool DockerLijktBeschikbaar()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host)) return true;
        return File.Exists("/var/run/docker.sock");
    }
}
