using JasperFx;
using Marten;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Development;
using Samenwerkingsafspraken.Infrastructure.Hosting;
using Wolverine;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>
/// The database settings of a node: one connection pool per node (beside the lookups' two multiplexed connections,
/// <see cref="Opzoeken"/>), sized by a setting, whose wait for a free
/// connection is bounded to a few seconds (a request that cannot get a connection becomes a 503, not a 20-second
/// hang); and who changes the schema: the nodes themselves only in Development and Test, elsewhere the migration step.
/// </summary>
public static class DatabaseInstellingen
{
    public const string MaxPoolSizeSleutel = "Database:MaxPoolSize";
    public const string PoolWaitSecondsSleutel = "Database:PoolWaitSeconds";
    public const string RetryAfterSecondsSleutel = "Database:RetryAfterSeconds";
    public const string SchemaBijStartSleutel = "Database:SchemaBijwerkenBijStart";

    /// <summary>
    /// Per node. Three nodes (and an autoscaler's fourth) at 20, each with the lookups' 2 multiplexed connections
    /// (<see cref="Opzoeken"/>) beside it, stay under PostgreSQL's default max_connections of 100 with room for the
    /// migration job, psql and monitoring; see docs/operations.md, Capacity.
    /// </summary>
    public const int StandaardMaxPoolSize = 20;

    public const int StandaardPoolWaitSeconds = 5;

    public const int StandaardRetryAfterSeconds = 5;

    // Npgsql's own defaults: when the connection string keeps them, ours apply.
    private const int NpgsqlMaxPoolSize = 100;
    private const int NpgsqlTimeout = 15;

    public static bool SchemaBijStart(IConfiguration configuratie, IHostEnvironment omgeving) =>
        configuratie.GetValue<bool?>(SchemaBijStartSleutel) ?? Omgevingen.IsLokaal(omgeving);

    public static int RetryAfterSeconds(IConfiguration configuratie) =>
        configuratie.GetValue(RetryAfterSecondsSleutel, StandaardRetryAfterSeconds);

    /// <summary>
    /// The connection string with the pool settings applied: a setting wins; otherwise a value the connection string
    /// names itself; otherwise our default (Npgsql's 100 connections and 15 s wait are too many and too long here).
    /// </summary>
    public static string MetPool(string connectionString, IConfiguration configuratie)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.MaxPoolSize = configuratie.GetValue<int?>(MaxPoolSizeSleutel)
                              ?? (builder.MaxPoolSize == NpgsqlMaxPoolSize ? StandaardMaxPoolSize : builder.MaxPoolSize);
        builder.Timeout = configuratie.GetValue<int?>(PoolWaitSecondsSleutel)
                          ?? (builder.Timeout == NpgsqlTimeout ? StandaardPoolWaitSeconds : builder.Timeout);
        if (builder.MinPoolSize > builder.MaxPoolSize) builder.MinPoolSize = builder.MaxPoolSize;
        return builder.ConnectionString;
    }

    /// <summary>The connection, the node's one pool (shared by Marten, Wolverine and our own SQL), and who changes the schema.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuratie, IHostEnvironment omgeving)
    {
        services.AddOntwikkelvoorzieningen(omgeving);
        services.AddSingleton<DatabaseConnection>();
        services.AddSingleton(provider =>
            Verbindingsinstellingen.Bouw(MetPool(provider.GetRequiredService<DatabaseConnection>().ConnectionString, configuratie)));
        services.AddSingleton<Opzoeken>();
        services.AddSingleton<DatabaseStoring>();
        services.AddSingleton<Startslot>();
        services.AddSingleton<Schemamigratie>();

        var schemaBijStart = SchemaBijStart(configuratie, omgeving);
        services.ConfigureMarten((provider, opts) =>
        {
            // Outside Development the nodes never change the schema: the migration step ('migreren') does.
            opts.AutoCreateSchemaObjects = schemaBijStart ? AutoCreate.CreateOrUpdate : AutoCreate.None;
            opts.Logger(new MartenLogboek(provider.GetRequiredService<ILoggerFactory>().CreateLogger("Marten")));
        });

        // Wolverine's tables are migrated with Marten's, under our start lock or by the migration step.
        services.ConfigureWolverine(opts => opts.AutoBuildMessageStorageOnStartup = AutoCreate.None);
        return services;
    }
}
