using Samenwerkingsafspraken.Infrastructure.Hosting;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Productie;

/// <summary>
/// Started in Production with a missing or unsafe setting, the service refuses to start: one line on standard error
/// that names the setting, a non-zero exit code, and no port ever opened. Real processes of the built service.
/// </summary>
public sealed class Starten_in_productie
{
    private static readonly string Sleutelbestand = MaakSleutel();

    /// <summary>A complete production configuration; every case below breaks exactly one thing in it.</summary>
    private static Dictionary<string, string?> Volledig() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Samenwerkingsafspraken"] = "Host=127.0.0.1;Port=1;Database=samenwerkingsafspraken;Username=app",
        ["Authenticatie__Authority"] = "https://login.voorbeeld.nl/realms/samenwerkingsafspraken",
        ["Authenticatie__Audience"] = "samenwerkingsafspraken-api",
    };

    public static TheoryData<string, string?, string> Gevallen => new()
    {
        { "ConnectionStrings__Samenwerkingsafspraken", null, "ConnectionStrings:Samenwerkingsafspraken is not set" },
        { "ConnectionStrings__Samenwerkingsafspraken", "Port=5432;Database=x", "names no Host" },
        { "Authenticatie__Authority", null, "Authenticatie:Authority is not set" },
        { "Authenticatie__Authority", "http://login.voorbeeld.nl", "is not an absolute https URL" },
        { "Authenticatie__Audience", null, "Authenticatie:Audience is not set" },
        { "Authenticatie__LocalIssuer", "true", "Authenticatie:LocalIssuer is true" },
        { "LocalPostgres__Port", "55432", "LocalPostgres settings are present" },
        { "Database__SchemaBijwerkenBijStart", "true", "Database:SchemaBijwerkenBijStart is true" },
        { "Database__MaxPoolSize", "veel", "Database:MaxPoolSize is 'veel'" },
        { "Database__PoolWaitSeconds", "0", "Database:PoolWaitSeconds is '0'" },
        { "Cluster__StaleNodeSeconds", "-1", "Cluster:StaleNodeSeconds is '-1'" },
        { "ForwardedHeaders__KnownNetworks__0", "10.0.0.0/99", "ForwardedHeaders:KnownNetworks contains '10.0.0.0/99'" },
    };

    [Theory]
    [MemberData(nameof(Gevallen))]
    public async Task een_ontbrekende_of_onveilige_instelling_weigert_de_start(string sleutel, string? waarde, string melding)
    {
        var instellingen = Volledig();
        instellingen[sleutel] = waarde;

        var (code, fout, uitvoer) = await Start(instellingen);

        code.ShouldBe(Startcontrole.Afsluitcode);
        var regels = fout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        regels.Length.ShouldBe(1, fout);
        regels[0].ShouldStartWith("Refusing to start (environment Production):");
        regels[0].ShouldContain(melding);
        uitvoer.ShouldNotContain("Now listening");
    }

    [Fact]
    public async Task een_issuer_zonder_bruikbaar_sleutelbestand_weigert_de_start()
    {
        var instellingen = Volledig();
        instellingen["Authenticatie__Authority"] = null;
        instellingen["Authenticatie__Issuer"] = "https://login.voorbeeld.nl";
        instellingen["Authenticatie__SigningKeyFile"] = Path.Combine(Path.GetTempPath(), $"bestaat-niet-{Guid.NewGuid():N}.pem");
        (await Start(instellingen)).Fout.ShouldContain("does not exist");

        var geenSleutel = Path.GetTempFileName();
        await File.WriteAllTextAsync(geenSleutel, "geen sleutel");
        instellingen["Authenticatie__SigningKeyFile"] = geenSleutel;
        (await Start(instellingen)).Fout.ShouldContain("holds no readable RSA key");

        instellingen["Authenticatie__SigningKeyFile"] = Sleutelbestand;
        instellingen["Authenticatie__Issuer"] = null;
        (await Start(instellingen)).Fout.ShouldContain("Authenticatie:Issuer is not set");
    }

    [Fact]
    public async Task alles_wat_ontbreekt_staat_op_een_regel()
    {
        var (code, fout, _) = await Start(new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        code.ShouldBe(Startcontrole.Afsluitcode);
        fout.Trim().Split('\n').Length.ShouldBe(1);
        fout.ShouldContain("ConnectionStrings:Samenwerkingsafspraken");
        fout.ShouldContain("Authenticatie:Authority");
        fout.ShouldContain("Authenticatie:Audience");
    }

    [Fact]
    public async Task een_commando_vraagt_alleen_de_database()
    {
        // The migration Job needs no identity provider; it does need the database.
        var (code, fout, _) = await Start(new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, "migreren");

        code.ShouldBe(Startcontrole.Afsluitcode);
        fout.ShouldContain("ConnectionStrings:Samenwerkingsafspraken is not set");
        fout.ShouldNotContain("Authenticatie");
    }

    [Fact]
    public async Task een_volledige_configuratie_komt_door_de_controle()
    {
        // The control case: the same complete settings pass the check, and the node gets as far as the database. This
        // one is empty, so the node stops there, for that reason and not for its settings (Meerdere_knooppunten shows
        // nodes with these settings on a migrated database becoming ready).
        var instellingen = Volledig();
        instellingen["ConnectionStrings__Samenwerkingsafspraken"] = await TestDatabase.NieuweDatabase("samenwerkingsafspraken_volledig");
        await using var proces = Dienstproces.Start("volledig", instellingen, dienst: true);
        var code = await proces.WachtOpEinde(TimeSpan.FromMinutes(3));

        code.ShouldNotBe(0);
        code.ShouldNotBe(Startcontrole.Afsluitcode);
        proces.Alles.ShouldNotContain("Refusing to start");
        proces.Alles.ShouldContain("Run the migration step first");
    }

    private static async Task<(int Code, string Fout, string Uitvoer)> Start(Dictionary<string, string?> instellingen, params string[] args)
    {
        await using var proces = Dienstproces.Start("weigering", instellingen, dienst: args.Length == 0, args);
        var code = await proces.WachtOpEinde(TimeSpan.FromMinutes(3));
        return (code, string.Join('\n', proces.Fouten), string.Join('\n', proces.Uitvoer));
    }

    private static string MaakSleutel()
    {
        var bestand = Path.Combine(Path.GetTempPath(), $"sleutel-{Guid.NewGuid():N}.pem");
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        File.WriteAllText(bestand, rsa.ExportSubjectPublicKeyInfoPem());
        return bestand;
    }
}
