namespace Samenwerkingsafspraken.Infrastructure.Security;

/// <summary>
/// <c>token &lt;rol&gt; [--kvk N] [--oin N] [--regio AMxx ...] [--naam N] [--sub ID] [--uren N]</c>: prints a development token
/// signed by the local issuer. Works offline; only where the local issuer is in use (Development).
/// </summary>
public static class TokenCommando
{
    public static int Voer(string[] args, IConfiguration configuration)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" || !Rollen.Alle.Contains(args[0]))
        {
            Console.Error.WriteLine("Gebruik: token <werkgever|regiopartij|auditor|beheerder> [--kvk 12345678] [--oin 00000001234567890000] " +
                                    "[--regio AM01 --regio AM02] [--naam 'Naam'] [--sub gebruiker-id] [--uren 8]");
            return 2;
        }

        var rol = args[0];
        var opties = new Dictionary<string, List<string>>();
        for (var i = 1; i < args.Length - 1; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"Onbekend argument: {args[i]}");
                return 2;
            }

            opties.TryAdd(args[i][2..], []);
            opties[args[i][2..]].Add(args[i + 1]);
        }

        string? Een(string naam) => opties.TryGetValue(naam, out var waarden) ? waarden[0] : null;

        if (rol == Rollen.Werkgever && Een("kvk") is null)
        {
            Console.Error.WriteLine("Een werkgever-token heeft --kvk nodig.");
            return 2;
        }

        if (rol == Rollen.Regiopartij && (Een("oin") is null || !opties.ContainsKey("regio")))
        {
            Console.Error.WriteLine("Een regiopartij-token heeft --oin en ten minste één --regio nodig.");
            return 2;
        }

        var issuer = new LocalIssuer(configuration["Authenticatie:LocalIssuerKeyFile"] ?? LocalIssuer.DefaultKeyFile);
        var uren = double.TryParse(Een("uren"), System.Globalization.CultureInfo.InvariantCulture, out var u) ? u : 8;
        if (!(uren > 0 && uren <= 24 * 31))
        {
            Console.Error.WriteLine("--uren ligt tussen 0 en 744 (een maand).");
            return 2;
        }

        Console.WriteLine(issuer.Mint(configuration["Authenticatie:Audience"] ?? Authentication.DefaultAudience, rol,
            Een("sub") ?? $"{rol}-ontwikkelaar", Een("kvk"), Een("oin"), opties.GetValueOrDefault("regio"), Een("naam"), Een("organisatie"),
            TimeSpan.FromHours(uren)));
        return 0;
    }
}
