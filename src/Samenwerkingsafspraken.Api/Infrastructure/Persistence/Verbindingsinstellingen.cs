using Npgsql;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>How the service talks to PostgreSQL, unless the connection string says otherwise.</summary>
public static class Verbindingsinstellingen
{
    public static NpgsqlDataSource Bouw(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var instellingen = new NpgsqlConnectionStringBuilder(connectionString);

        // The service sends the same few statements again and again (Marten's generated SQL): prepared once per
        // connection they are no longer parsed and planned each time.
        if (!instellingen.ContainsKey("Max Auto Prepare")) builder.ConnectionStringBuilder.MaxAutoPrepare = 100;
        if (!instellingen.ContainsKey("Auto Prepare Min Usages")) builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        return builder.Build();
    }
}
