using System.Globalization;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Persistence;

namespace Samenwerkingsafspraken.Voorbeeldgegevens;

/// <summary>
/// <c>voorbeeldgegevens [--tot JJJJ-MM-DD] [--afspraken N]</c>: fills an empty registry with the demo data and stops.
/// It runs in a host of its own (the service without its web server), whose domain clock may simulate time; the
/// running service's clock can only do so in Development. Exit code 0 done, 1 the registry is not empty, 2 wrong use.
/// </summary>
public static class VoorbeeldgegevensCommando
{
    public const string Naam = "voorbeeldgegevens";

    public const string Gebruik = "Gebruik: voorbeeldgegevens [--tot JJJJ-MM-DD] [--afspraken N]   (alleen in Development, op een leeg register)";

    public static bool IsCommando(string[] args) => args is [Naam, ..];

    /// <summary>
    /// The demo data's services; a domain clock that can simulate time for the command and in Development only, and
    /// for the command a host that listens on no fixed port (a running service may hold it).
    /// </summary>
    public static WebApplicationBuilder AddVoorbeeldgegevens(this WebApplicationBuilder builder, string[] args)
    {
        var commando = IsCommando(args);
        if (commando) builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (commando || builder.Environment.IsDevelopment()) builder.Services.AddSingleton(new Klok(TimeProvider.System, simuleerbaar: true));
        builder.Services.AddSingleton<Voorbeeldgenerator>();
        return builder;
    }

    public static async Task<int> Voer(WebApplication app, string[] args)
    {
        DateOnly? tot = null;
        var aantal = Voorbeeldplanner.StandaardAantal;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    Console.WriteLine(Gebruik);
                    return 0;
                case "--tot" when i + 1 < args.Length && DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum):
                    tot = datum;
                    i++;
                    break;
                case "--afspraken" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n is >= 0 and <= 100_000:
                    aantal = n;
                    i++;
                    break;
                default:
                    Console.Error.WriteLine(Gebruik);
                    return 2;
            }
        }

        // Demo data never goes into a production registry: only where demo identities exist too.
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Test"))
        {
            Console.Error.WriteLine($"Voorbeeldgegevens alleen in Development (nu: {app.Environment.EnvironmentName}).");
            return 2;
        }

        await app.StartAsync();
        try
        {
            var database = new NpgsqlConnectionStringBuilder(app.Services.GetRequiredService<DatabaseConnection>().ConnectionString);
            Console.WriteLine($"Database: {database.Host}:{database.Port}/{database.Database}");
            var generator = app.Services.GetRequiredService<Voorbeeldgenerator>();
            var verslag = await generator.Maak(tot ?? app.Services.GetRequiredService<Klok>().Vandaag, aantal, Console.WriteLine);
            Console.WriteLine($"Klaar: {verslag}");
            return 0;
        }
        catch (RegisterNietLeeg e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
