using System.Security.Cryptography;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Persistence;

namespace Samenwerkingsafspraken.Infrastructure.Hosting;

/// <summary>
/// Checks every setting before anything starts, so that a misconfigured node refuses to start with one line that
/// names what is missing, instead of starting and answering every request with a 500 (which an orchestrator would
/// restart forever). Outside Development and Test it also refuses the development conveniences: the local
/// PostgreSQL cluster, the offline token issuer and schema changes at start.
/// </summary>
public static class Startcontrole
{
    /// <summary>EX_CONFIG from sysexits.h: the configuration is wrong, starting again will not help.</summary>
    public const int Afsluitcode = 78;

    // Commands that touch no database.
    private static readonly HashSet<string> ZonderDatabase = ["help", "?", "openapi", "describe-event-model", "event-model", "scaffold"];

    /// <summary>The web service, as opposed to a command such as <c>migreren</c>, <c>integriteit</c> or <c>db-apply</c>.</summary>
    public static bool IsDienst(IReadOnlyList<string> args) => args.Count == 0 || args[0] == "run" || args[0].StartsWith('-');

    /// <summary>Writes one line and returns the exit code when the node must not start; null when it may.</summary>
    public static int? Weiger(IReadOnlyList<string> args, IConfiguration configuratie, IHostEnvironment omgeving, TextWriter fout)
    {
        var bezwaren = Bezwaren(configuratie, omgeving, IsDienst(args), args.Count > 0 && ZonderDatabase.Contains(args[0]));
        if (bezwaren.Count == 0) return null;

        fout.WriteLine($"Refusing to start (environment {omgeving.EnvironmentName}): {string.Join("; ", bezwaren)}. See docs/operations.md, Configuration.");
        return Afsluitcode;
    }

    public static IReadOnlyList<string> Bezwaren(IConfiguration configuratie, IHostEnvironment omgeving, bool dienst, bool zonderDatabase = false)
    {
        var bezwaren = new List<string>();
        Getal(configuratie, DatabaseInstellingen.MaxPoolSizeSleutel, 1, 1000, bezwaren);
        Getal(configuratie, DatabaseInstellingen.PoolWaitSecondsSleutel, 1, 300, bezwaren);
        Getal(configuratie, DatabaseInstellingen.RetryAfterSecondsSleutel, 1, 3600, bezwaren);
        Getal(configuratie, Writing.IdempotentieBewaartermijn.Sleutel, 1, 3650, bezwaren);
        Seconden(configuratie, Clusterinstellingen.HeartbeatSecondsSleutel, bezwaren);
        Seconden(configuratie, Clusterinstellingen.StaleNodeSecondsSleutel, bezwaren);
        Adressen(configuratie, bezwaren);
        var lokaleUitgever = Schakelaar(configuratie, "Authenticatie:LocalIssuer", bezwaren);
        var schemaBijStart = Schakelaar(configuratie, DatabaseInstellingen.SchemaBijStartSleutel, bezwaren);

        if (Omgevingen.IsLokaal(omgeving)) return bezwaren;

        if (lokaleUitgever == true)
        {
            bezwaren.Add("Authenticatie:LocalIssuer is true, but the offline token issuer exists in Development only");
        }

        if (configuratie.GetSection("LocalPostgres").GetChildren().Any())
        {
            bezwaren.Add("LocalPostgres settings are present, but the local PostgreSQL cluster exists in Development only");
        }

        if (schemaBijStart == true)
        {
            bezwaren.Add($"{DatabaseInstellingen.SchemaBijStartSleutel} is true, but here the schema is applied by the migration step ('migreren'), not by the nodes");
        }

        if (!zonderDatabase) Verbinding(configuratie, bezwaren);
        if (dienst) Authenticatie(configuratie, bezwaren);
        return bezwaren;
    }

    private static void Verbinding(IConfiguration configuratie, List<string> bezwaren)
    {
        var verbinding = configuratie.GetConnectionString(DatabaseConnection.Name);
        if (string.IsNullOrWhiteSpace(verbinding))
        {
            bezwaren.Add($"ConnectionStrings:{DatabaseConnection.Name} is not set (ConnectionStrings__{DatabaseConnection.Name})");
            return;
        }

        try
        {
            if (string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(verbinding).Host))
            {
                bezwaren.Add($"ConnectionStrings:{DatabaseConnection.Name} names no Host");
            }
        }
        catch (ArgumentException e)
        {
            bezwaren.Add($"ConnectionStrings:{DatabaseConnection.Name} is not a valid PostgreSQL connection string ({e.Message})");
        }
    }

    private static void Authenticatie(IConfiguration configuratie, List<string> bezwaren)
    {
        var sectie = configuratie.GetSection("Authenticatie");
        if (string.IsNullOrWhiteSpace(sectie["Audience"]))
        {
            bezwaren.Add("Authenticatie:Audience is not set (the audience the identity provider puts in the tokens for this API)");
        }

        if (sectie["Authority"] is { Length: > 0 } authority)
        {
            if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                bezwaren.Add($"Authenticatie:Authority '{authority}' is not an absolute https URL");
            }

            return;
        }

        var issuer = sectie["Issuer"];
        var sleutelbestand = sectie["SigningKeyFile"];
        if (string.IsNullOrWhiteSpace(issuer) && string.IsNullOrWhiteSpace(sleutelbestand))
        {
            bezwaren.Add("Authenticatie:Authority is not set (the identity provider's OpenID Connect issuer URL; or Authenticatie:Issuer with Authenticatie:SigningKeyFile)");
            return;
        }

        if (string.IsNullOrWhiteSpace(issuer)) bezwaren.Add("Authenticatie:Issuer is not set (needed with Authenticatie:SigningKeyFile)");
        if (string.IsNullOrWhiteSpace(sleutelbestand))
        {
            bezwaren.Add("Authenticatie:SigningKeyFile is not set (needed with Authenticatie:Issuer)");
        }
        else if (!File.Exists(sleutelbestand))
        {
            bezwaren.Add($"Authenticatie:SigningKeyFile '{sleutelbestand}' does not exist");
        }
        else
        {
            try
            {
                using var rsa = RSA.Create();
                rsa.ImportFromPem(File.ReadAllText(sleutelbestand));
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException or IOException or UnauthorizedAccessException)
            {
                bezwaren.Add($"Authenticatie:SigningKeyFile '{sleutelbestand}' holds no readable RSA key in PEM form");
            }
        }
    }

    private static void Getal(IConfiguration configuratie, string sleutel, int minimum, int maximum, List<string> bezwaren)
    {
        var waarde = configuratie[sleutel];
        if (waarde is null) return;
        if (!int.TryParse(waarde, out var getal) || getal < minimum || getal > maximum)
        {
            bezwaren.Add($"{sleutel} is '{waarde}', expected a whole number from {minimum} to {maximum}");
        }
    }

    private static void Seconden(IConfiguration configuratie, string sleutel, List<string> bezwaren)
    {
        var waarde = configuratie[sleutel];
        if (waarde is null) return;
        if (!double.TryParse(waarde, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconden)
            || seconden is <= 0 or > 3600)
        {
            bezwaren.Add($"{sleutel} is '{waarde}', expected a number of seconds above 0");
        }
    }

    private static void Adressen(IConfiguration configuratie, List<string> bezwaren)
    {
        foreach (var proxy in configuratie.GetSection("ForwardedHeaders:KnownProxies").GetChildren())
        {
            if (!System.Net.IPAddress.TryParse(proxy.Value?.Trim(), out _))
            {
                bezwaren.Add($"ForwardedHeaders:KnownProxies contains '{proxy.Value}', which is not an IP address");
            }
        }

        foreach (var netwerk in configuratie.GetSection("ForwardedHeaders:KnownNetworks").GetChildren())
        {
            if (!System.Net.IPNetwork.TryParse(netwerk.Value?.Trim(), out _))
            {
                bezwaren.Add($"ForwardedHeaders:KnownNetworks contains '{netwerk.Value}', which is not a network in CIDR notation (10.0.0.0/8)");
            }
        }
    }

    private static bool? Schakelaar(IConfiguration configuratie, string sleutel, List<string> bezwaren)
    {
        var waarde = configuratie[sleutel];
        if (waarde is null) return null;
        if (bool.TryParse(waarde, out var aan)) return aan;
        bezwaren.Add($"{sleutel} is '{waarde}', expected true or false");
        return null;
    }
}
