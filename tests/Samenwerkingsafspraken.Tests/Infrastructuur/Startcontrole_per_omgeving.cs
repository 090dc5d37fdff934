using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Samenwerkingsafspraken.Infrastructure.Hosting;

namespace Samenwerkingsafspraken.Tests.Infrastructuur;

/// <summary>The start-up check: Development and Test need nothing; elsewhere everything, and no development convenience.</summary>
public sealed class Startcontrole_per_omgeving
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Test")]
    public void lokaal_is_niets_verplicht_en_mag_alles(string omgeving) =>
        Startcontrole.Bezwaren(Configuratie(("Authenticatie:LocalIssuer", "true"), ("LocalPostgres:Port", "55432")), Omgeving(omgeving), dienst: true)
            .ShouldBeEmpty();

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Acceptatie")]
    public void elders_is_alles_verplicht(string omgeving) =>
        Startcontrole.Bezwaren(Configuratie(), Omgeving(omgeving), dienst: true).Count.ShouldBe(3);

    [Fact]
    public void ongeldige_getallen_vallen_overal_op() =>
        Startcontrole.Bezwaren(Configuratie(("Database:MaxPoolSize", "0"), ("Cluster:HeartbeatSeconds", "nooit")), Omgeving("Development"), dienst: true)
            .Count.ShouldBe(2);

    [Fact]
    public void een_commando_heeft_geen_identiteitsprovider_nodig() =>
        Startcontrole.Bezwaren(Configuratie(("ConnectionStrings:Samenwerkingsafspraken", "Host=db;Database=x")), Omgeving("Production"), dienst: false)
            .ShouldBeEmpty();

    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "run" }, true)]
    [InlineData(new[] { "--urls", "http://+:8080" }, true)]
    [InlineData(new[] { "migreren" }, false)]
    [InlineData(new[] { "db-apply" }, false)]
    public void de_dienst_of_een_commando(string[] args, bool dienst) => Startcontrole.IsDienst(args).ShouldBe(dienst);

    private static IConfiguration Configuratie(params (string Sleutel, string Waarde)[] waarden) =>
        new ConfigurationBuilder().AddInMemoryCollection(waarden.Select(w => new KeyValuePair<string, string?>(w.Sleutel, w.Waarde))).Build();

    private static IHostEnvironment Omgeving(string naam) => new HostingEnvironment { EnvironmentName = naam };
}
