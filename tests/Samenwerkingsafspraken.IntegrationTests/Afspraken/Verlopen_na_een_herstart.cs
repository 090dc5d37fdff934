using Npgsql;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Historie;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Afspraken;

/// <summary>
/// An agreement expires at its end date without anyone acting, through a scheduled Wolverine message kept in
/// PostgreSQL. This story runs on a database of its own, with hosts of its own: one that schedules the expiry and
/// stops, and one started later that carries it out.
/// </summary>
public sealed class Verlopen_na_een_herstart(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task de_geplande_vervaldatum_overleeft_een_herstart_van_de_dienst()
    {
        var connectionString = await TestDatabase.NieuweDatabase("samenwerkingsafspraken_herstart");
        var tijd = new TestTijd(ApiFixture.Starttijd);
        Guid id;

        await using (var voor = await ApiFixture.StartHost(connectionString, tijd, Fixture.Uitgever))
        {
            (await Verstuur(voor, HttpMethod.Post, "/v1/werkgevers", Testdata.Werkgever(), Tokens.Regiopartij())).Status.ShouldBe(201);
            id = (await Verstuur(voor, HttpMethod.Post, Afspraken, Testdata.Afspraak(), Tokens.Regiopartij())).Als<SamenwerkingsafspraakWeergave>().Id;
            (await Verstuur(voor, HttpMethod.Post, $"{Afspraken}/{id}/ondertekeningen", new { versie = 1 }, Tokens.Werkgever())).Status.ShouldBe(200);
            var actief = await Verstuur(voor, HttpMethod.Post, $"{Afspraken}/{id}/ondertekeningen", new { versie = 2 }, Tokens.Regiopartij());
            actief.Als<SamenwerkingsafspraakWeergave>().Status.ShouldBe(AfspraakStatus.Actief);
        }

        // The service is down. Its expiry waits in PostgreSQL, due at the start of the day after the end date.
        var gepland = await GeplandeVervaldatums(connectionString);
        gepland.ShouldHaveSingleItem().ShouldBe(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)));

        // Time passes while it is down: the end date goes by. (The wall clock of this machine is not in 2027, so the
        // message's due time is moved to now; the domain clock says 1 January 2027.)
        await MaakGeplandeBerichtenNuDue(connectionString);
        tijd.Zet(new DateTimeOffset(2027, 1, 1, 9, 0, 0, TimeSpan.FromHours(1)));

        await using var na = await ApiFixture.StartHost(connectionString, tijd, Fixture.Uitgever);
        var status = AfspraakStatus.Actief;
        for (var poging = 0; poging < 150 && status != AfspraakStatus.Verlopen; poging++)
        {
            await Task.Delay(200);
            status = (await Verstuur(na, HttpMethod.Get, $"{Afspraken}/{id}", null, Tokens.Auditor())).Als<SamenwerkingsafspraakWeergave>().Status;
        }

        status.ShouldBe(AfspraakStatus.Verlopen);
        var historie = (await Verstuur(na, HttpMethod.Get, $"{Afspraken}/{id}/historie", null, Tokens.Auditor())).Als<AfspraakHistorie>();
        var verlopen = historie.Gebeurtenissen.Last();
        verlopen.Type.ShouldBe("afspraak_verlopen");
        verlopen.Door.Rol.ShouldBe("systeem");
        (await GeplandeVervaldatums(connectionString)).ShouldBeEmpty();
    }

    private static async Task<List<DateTimeOffset>> GeplandeVervaldatums(string connectionString)
    {
        await using var verbinding = new NpgsqlConnection(connectionString);
        await verbinding.OpenAsync();
        await using var opdracht = new NpgsqlCommand(
            "select execution_time from wolverine.wolverine_incoming_envelopes where status = 'Scheduled' and message_type like '%LaatAfspraakVerlopen%'",
            verbinding);
        var tijden = new List<DateTimeOffset>();
        await using var lezer = await opdracht.ExecuteReaderAsync();
        while (await lezer.ReadAsync()) tijden.Add(lezer.GetFieldValue<DateTimeOffset>(0));
        return tijden;
    }

    private static async Task MaakGeplandeBerichtenNuDue(string connectionString)
    {
        await using var verbinding = new NpgsqlConnection(connectionString);
        await verbinding.OpenAsync();
        await using var opdracht = new NpgsqlCommand(
            "update wolverine.wolverine_incoming_envelopes set execution_time = now() - interval '1 second' " +
            "where status = 'Scheduled' and message_type like '%LaatAfspraakVerlopen%'", verbinding);
        (await opdracht.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}
