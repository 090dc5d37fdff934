using System.Data.Common;
using Npgsql;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>How the service talks to PostgreSQL, unless the connection string says otherwise.</summary>
public static class Verbindingsinstellingen
{
    public const int MaxAutoPrepare = 100;
    public const int AutoPrepareMinUsages = 2;

    public static NpgsqlDataSource Bouw(string connectionString) => new NpgsqlDataSourceBuilder(MetVoorbereiding(connectionString)).Build();

    /// <summary>
    /// The service sends the same few statements again and again (Marten's generated SQL): prepared once per
    /// connection they are no longer parsed and planned each time, and a connection with prepared statements is
    /// reset without DISCARD ALL when it is taken from the pool again.
    /// </summary>
    public static string MetVoorbereiding(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Genoemd(connectionString, "Max Auto Prepare", "MaxAutoPrepare")) builder.MaxAutoPrepare = MaxAutoPrepare;
        if (!Genoemd(connectionString, "Auto Prepare Min Usages", "AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        return builder.ConnectionString;
    }

    /// <summary>
    /// Whether the connection string itself names the setting. NpgsqlConnectionStringBuilder.ContainsKey cannot tell:
    /// it answers whether the keyword exists at all, so it is true for every known setting.
    /// </summary>
    private static bool Genoemd(string connectionString, params string[] namen)
    {
        var genoemd = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return namen.Any(genoemd.ContainsKey);
    }
}
