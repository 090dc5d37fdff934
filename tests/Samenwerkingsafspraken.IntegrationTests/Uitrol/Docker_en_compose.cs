using System.Text.RegularExpressions;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Samenwerkingsafspraken.IntegrationTests.Uitrol;

/// <summary>
/// The Dockerfile and the compose files, checked offline (no Docker engine here): their structure, and that they
/// name what exists (files, commands, settings).
/// </summary>
public sealed partial class Docker_en_compose
{
    private static string Root => RepositoryPaths.Root!;

    [Fact]
    public void het_dockerfile_pint_de_basisimages_herstelt_eerst_en_heeft_een_healthcheck()
    {
        var regels = File.ReadAllLines(Path.Combine(Root, "deploy", "Dockerfile")).Where(r => !r.TrimStart().StartsWith('#')).ToList();

        var bases = regels.Where(r => r.StartsWith("FROM ")).ToList();
        bases.Count.ShouldBe(2);
        bases.ShouldAllBe(r => Digest().IsMatch(r));

        var herstel = regels.FindIndex(r => r.StartsWith("RUN dotnet restore"));
        var bronnen = regels.FindIndex(r => r.StartsWith("COPY src/ "));
        herstel.ShouldBeGreaterThan(0);
        bronnen.ShouldBeGreaterThan(herstel, "the sources come after the restore, so a code change keeps the restored layer");
        foreach (var kopie in regels.Take(herstel).Where(r => r.StartsWith("COPY ")))
        {
            foreach (var pad in kopie["COPY ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            {
                (File.Exists(Path.Combine(Root, pad)) || Directory.Exists(Path.Combine(Root, pad))).ShouldBeTrue(pad);
            }
        }

        regels.ShouldContain(r => r.StartsWith("HEALTHCHECK ") && r.Contains("\"gezondheid\""));
        regels.ShouldContain(r => r.StartsWith("USER "));
    }

    [Fact]
    public void de_productie_compose_start_eerst_de_migratie_en_dan_twee_knooppunten_achter_een_proxy()
    {
        var compose = Lees(Path.Combine(Root, "deploy", "compose", "docker-compose.productie.yml"));
        var services = Kaart(compose["services"]);
        services.Keys.ShouldBe(["postgres", "migratie", "api-1", "api-2", "proxy", "otel-collector"], ignoreOrder: true);

        var migratie = Kaart(services["migratie"]);
        Lijst(migratie["command"]).ShouldBe(["migreren"]);
        Kaart(Kaart(migratie["depends_on"])["postgres"])["condition"].ShouldBe("service_healthy");
        var bouw = Kaart(migratie["build"]);
        File.Exists(Path.Combine(Root, "deploy", "compose", (string)bouw["context"], (string)bouw["dockerfile"])).ShouldBeTrue();

        foreach (var naam in new[] { "api-1", "api-2" })
        {
            var api = Kaart(services[naam]);
            Kaart(Kaart(api["depends_on"])["migratie"])["condition"].ShouldBe("service_completed_successfully");
            var omgeving = Kaart(api["environment"]);
            omgeving["ASPNETCORE_ENVIRONMENT"].ShouldBe("Production");
            omgeving.Keys.ShouldNotContain("Authenticatie__LocalIssuer");
            omgeving.Keys.ShouldContain("OTEL_EXPORTER_OTLP_ENDPOINT");
            omgeving.Keys.ShouldContain($"ConnectionStrings__{DatabaseConnection.Name}");
            api["image"].ShouldBe(migratie["image"]);
        }

        var nginx = File.ReadAllText(Path.Combine(Root, "deploy", "compose", "nginx.conf"));
        nginx.ShouldContain("server api-1:8080");
        nginx.ShouldContain("server api-2:8080");
        nginx.ShouldContain("X-Forwarded-Proto");
        File.Exists(Path.Combine(Root, "deploy", "compose", "otel-collector.yaml")).ShouldBeTrue();
        Lees(Path.Combine(Root, "deploy", "compose", "otel-collector.yaml")).Keys.ShouldContain("receivers");
    }

    [Fact]
    public void de_ontwikkel_compose_blijft()
    {
        var services = Kaart(Lees(Path.Combine(Root, "docker-compose.yml"))["services"]);
        services.Keys.ShouldBe(["postgres", "api"], ignoreOrder: true);
    }

    private static Dictionary<string, object> Lees(string pad)
    {
        // MergingParser resolves the '<<: *api' merge keys as Docker Compose does.
        using var lezer = new StringReader(File.ReadAllText(pad));
        var gelezen = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(lezer)));
        return gelezen.ToDictionary(p => (string)p.Key, p => p.Value);
    }

    private static Dictionary<string, object> Kaart(object waarde) => ((Dictionary<object, object>)waarde).ToDictionary(p => (string)p.Key, p => p.Value);

    private static List<string> Lijst(object waarde) => ((List<object>)waarde).Cast<string>().ToList();

    [GeneratedRegex("^FROM [a-z0-9./-]+:[0-9.]+@sha256:[0-9a-f]{64}( AS [a-z]+)?$")]
    private static partial Regex Digest();
}
