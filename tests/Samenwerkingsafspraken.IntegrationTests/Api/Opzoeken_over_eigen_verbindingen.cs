using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Api;

/// <summary>
/// The lookup of an agreement by its id goes over the lookups' own multiplexed connections (Opzoeken), not the node's
/// pool; a connection string without pooling, which Npgsql cannot multiplex, gets the same answers over the node's pool.
/// </summary>
public sealed class Opzoeken_over_eigen_verbindingen(ApiFixture fixture) : IntegratieTest(fixture)
{
    private const string Naam = "samenwerkingsafspraken-opzoeken";

    [Fact]
    public async Task een_afspraak_opvragen_gaat_over_de_verbindingen_van_de_opzoekingen()
    {
        var actief = await Actief();
        var database = Service<NpgsqlDataSource>();
        var voor = await Scalar<DateTime>(database, "select clock_timestamp()");

        var antwoord = await Get($"/v1/samenwerkingsafspraken/{actief.Id}", Tokens.Auditor());

        antwoord.Status.ShouldBe(200);
        antwoord.Als<SamenwerkingsafspraakWeergave>().Versie.ShouldBe(actief.Versie);
        Service<Opzoeken>().Gemultiplext.ShouldBeTrue();
        // The statement that read the agreement was the last one of a connection named for the lookups, after the request began.
        (await Scalar<long>(database,
            "select count(*) from pg_stat_activity where datname = current_database() and application_name = $1 " +
            "and query like '%mt_doc_samenwerkingsafspraak%' and state_change >= $2", Naam, voor)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task zonder_pool_zijn_de_antwoorden_dezelfde()
    {
        var actief = await Actief();
        var gewoon = await Get($"/v1/samenwerkingsafspraken/{actief.Id}", Tokens.Auditor());
        var zonderPool = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { Pooling = false }.ConnectionString;

        await using var tweede = await ApiFixture.StartHost(zonderPool, new TestTijd(ApiFixture.Starttijd), Fixture.Uitgever);
        tweede.Services.GetRequiredService<Opzoeken>().Gemultiplext.ShouldBeFalse();
        var antwoord = await Verstuur(tweede, HttpMethod.Get, $"/v1/samenwerkingsafspraken/{actief.Id}", null, Tokens.Auditor());

        antwoord.Status.ShouldBe(200);
        antwoord.Tekst.ShouldBe(gewoon.Tekst);
        antwoord.Headers["ETag"].ShouldBe(gewoon.Headers["ETag"]);
    }

    private static async Task<T> Scalar<T>(NpgsqlDataSource database, string sql, params object[] parameters)
    {
        await using var opdracht = database.CreateCommand(sql);
        foreach (var waarde in parameters) opdracht.Parameters.AddWithValue(waarde);
        return (T)(await opdracht.ExecuteScalarAsync())!;
    }
}
