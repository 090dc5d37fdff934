using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Development;
using Samenwerkingsafspraken.Infrastructure.Persistence;

namespace Samenwerkingsafspraken.Integriteit;

/// <summary>
/// <c>integriteit [--stroom &lt;stroom-id&gt;]</c>: the auditors' check for operators, without starting the service.
/// Exit code 0 intact, 1 not intact (or nothing to check against), 2 wrong use or an unknown stream.
/// </summary>
public static class IntegriteitCommando
{
    public const string Gebruik = "Gebruik: integriteit [--stroom <stroom-id>]";

    public static async Task<int> Voer(string[] args, IConfiguration configuration, TextWriter uit, TextWriter fout,
        IHostEnvironment? omgeving = null, CancellationToken cancellation = default)
    {
        Guid? stroom = null;
        switch (args)
        {
            case []:
                break;
            case ["-h" or "--help"]:
                uit.WriteLine(Gebruik);
                return 0;
            case ["--stroom", var waarde] when Guid.TryParseExact(waarde, "D", out var id):
                stroom = id;
                break;
            case ["--stroom", var waarde]:
                fout.WriteLine($"'{waarde}' is geen stroom-id (een UUID als 01234567-89ab-cdef-0123-456789abcdef).");
                return 2;
            default:
                fout.WriteLine(Gebruik);
                return 2;
        }

        // Only what the check needs: the database (in Development a local cluster when none is configured), not the whole service.
        var diensten = new ServiceCollection();
        if (omgeving is not null) diensten.AddOntwikkelvoorzieningen(omgeving);
        await using var services = diensten
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddSingleton(configuration)
            .AddSingleton<DatabaseConnection>()
            .AddSingleton(provider => new NpgsqlDataSourceBuilder(provider.GetRequiredService<DatabaseConnection>().ConnectionString).Build())
            .AddSingleton<Integriteitscontrole>()
            .BuildServiceProvider();

        var controle = services.GetRequiredService<Integriteitscontrole>();
        var database = new NpgsqlConnectionStringBuilder(services.GetRequiredService<DatabaseConnection>().ConnectionString);
        uit.WriteLine($"Database: {database.Host}:{database.Port}/{database.Database}");

        if (!await controle.IsGeinstalleerd(cancellation))
        {
            fout.WriteLine("Deze database heeft geen hashketen (schema 'integriteit'): start de dienst één keer om haar aan te leggen.");
            return 1;
        }

        var rapport = stroom is { } stroomId
            ? await controle.ControleerStroom(stroomId, cancellation)
            : await controle.ControleerAlles(cancellation);
        if (rapport is null)
        {
            fout.WriteLine($"Er is geen stroom {stroom}.");
            return 2;
        }

        Schrijf(rapport, stroom, uit);
        return rapport.Intact ? 0 : 1;
    }

    private static void Schrijf(Integriteitsrapport rapport, Guid? stroom, TextWriter uit)
    {
        var bereik = stroom is null ? "de gebeurtenissenopslag" : $"stroom {stroom}";
        uit.WriteLine(rapport.Intact
            ? $"Integriteit van {bereik}: INTACT"
            : $"Integriteit van {bereik}: NIET INTACT ({rapport.Bevindingen.Count} bevinding{(rapport.Bevindingen.Count == 1 ? "" : "en")})");
        uit.WriteLine($"Stromen: {rapport.AantalStromen}, gebeurtenissen: {rapport.AantalGebeurtenissen}, tombstones: {rapport.AantalTombstones}");
        uit.WriteLine($"Ankerhash: {rapport.AnkerHash}");
        foreach (var bevinding in rapport.Bevindingen)
        {
            uit.WriteLine($"  {bevinding.Soort,-16} stroom {bevinding.StroomId} versie {bevinding.Versie}: {bevinding.Toelichting}");
        }
    }
}
