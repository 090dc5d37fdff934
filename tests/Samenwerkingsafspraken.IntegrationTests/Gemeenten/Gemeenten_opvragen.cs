using Npgsql;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Gemeenten;

public sealed class Gemeenten_opvragen(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task de_342_gemeenten_zijn_zonder_token_te_lezen_met_provincie_en_regio()
    {
        var antwoord = await Get("/v1/gemeenten?peildatum=2026-01-01");

        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        antwoord.Json["aantal"]!.GetValue<int>().ShouldBe(342);
        var groningen = antwoord.Json["gemeenten"]!.AsArray().Single(g => g!["code"]!.GetValue<string>() == "GM0014")!;
        groningen["naam"]!.GetValue<string>().ShouldBe("Groningen");
        groningen["provincie"]!["code"]!.GetValue<string>().ShouldBe("PV20");
        groningen["arbeidsmarktregio"]!["code"]!.GetValue<string>().ShouldBe("AM01");
    }

    [Fact]
    public async Task tot_welke_regio_een_gemeente_hoort_op_code()
    {
        var antwoord = await Get("/v1/gemeenten/GM0050?peildatum=2026-03-01");

        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        antwoord.Json["naam"]!.GetValue<string>().ShouldBe("Zeewolde");
        antwoord.Json["arbeidsmarktregio"]!["code"]!.GetValue<string>().ShouldBe("AM06");
        antwoord.Json["arbeidsmarktregio"]!["naam"]!.GetValue<string>().ShouldBe("Stedendriehoek en Noordwest Veluwe");
        antwoord.Json["geldigOpPeildatum"]!.GetValue<bool>().ShouldBeTrue();
        antwoord.Header("ETag").ShouldStartWith("\"1-");
    }

    [Fact]
    public async Task tot_welke_regio_een_gemeente_hoort_op_naam_ook_zonder_provincietoevoeging()
    {
        var beek = await Get("/v1/gemeenten?naam=beek");
        beek.Json["gemeenten"]!.AsArray().Select(g => g!["naam"]!.GetValue<string>()).ShouldBe(["Beek (L.)"]);
        beek.Json["gemeenten"]![0]!["arbeidsmarktregio"]!["code"]!.GetValue<string>().ShouldBe("AM30");

        var bergen = await Get("/v1/gemeenten?naam=Bergen");
        bergen.Json["gemeenten"]!.AsArray().Select(g => g!["code"]!.GetValue<string>()).ShouldBe(["GM0373", "GM0893"]);

        (await Get("/v1/gemeenten?naam=sudwest-fryslan")).Json["aantal"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task elke_regio_noemt_haar_gemeenten()
    {
        var regio = await Get("/v1/arbeidsmarktregios/AM35");
        regio.Json["gemeenten"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldBe(["GM0512", "GM1961", "GM1978"]);

        var gemeenten = await Get("/v1/arbeidsmarktregios/AM01/gemeenten");
        gemeenten.Status.ShouldBe(200, gemeenten.Tekst);
        gemeenten.Json["aantal"]!.GetValue<int>().ShouldBe(14);
        gemeenten.Json["gemeenten"]!.AsArray().Select(g => g!["naam"]!.GetValue<string>()).ShouldContain("Assen");

        (await Get("/v1/gemeenten?arbeidsmarktregio=AM38")).Json["aantal"]!.GetValue<int>().ShouldBe(8);
        var perRegio = 0;
        foreach (var r in (await Get("/v1/arbeidsmarktregios")).Json["arbeidsmarktregios"]!.AsArray())
        {
            perRegio += (await Get($"/v1/arbeidsmarktregios/{r!["code"]!.GetValue<string>()}")).Json["gemeenten"]!.AsArray().Count;
        }

        perRegio.ShouldBe(342);
    }

    [Fact]
    public async Task de_centrumgemeente_staat_niet_in_het_cbs_bestand()
    {
        (await Get("/v1/arbeidsmarktregios/AM01")).Json["centrumgemeente"].ShouldBeNull();
    }

    [Fact]
    public async Task weigeringen_bij_het_opvragen()
    {
        (await Get("/v1/gemeenten/AM01?peildatum=gisteren")).OngeldigeVelden().ShouldBe(["code", "peildatum"], ignoreOrder: true);
        (await Get("/v1/gemeenten/GM9999")).ProbleemCode(404).ShouldBe("niet-gevonden");
        (await Get("/v1/gemeenten?naam=&arbeidsmarktregio=Groningen&peildatum=2026-13-01")).OngeldigeVelden()
            .ShouldBe(["naam", "arbeidsmarktregio", "peildatum"], ignoreOrder: true);
        (await Get("/v1/arbeidsmarktregios/AM04/gemeenten")).Probleem(404);
        (await Get("/v1/arbeidsmarktregios/groningen/gemeenten?peildatum=x")).OngeldigeVelden().ShouldBe(["code", "peildatum"], ignoreOrder: true);
        (await Get("/v1/arbeidsmarktregios?peildatum=1-1-2026")).OngeldigeVelden().ShouldBe(["peildatum"]);
    }

    [Theory]
    [InlineData("select d.data from samenwerkingsafspraken.mt_doc_gemeente as d where d.data @> '{\"regios\":[\"AM01\"]}'")]
    [InlineData("select d.data from samenwerkingsafspraken.mt_doc_gemeente as d where d.data @> '{\"zoeknamen\":[\"beek\"]}'")]
    public async Task een_regio_vindt_haar_gemeenten_en_een_naam_zijn_gemeente_via_een_index(string vraag)
    {
        var plan = await Plan(vraag);

        plan.ShouldContain("mt_doc_gemeente_idx_data");
        plan.ShouldNotContain("Seq Scan");
    }

    /// <summary>The statements Marten generates for the lookups themselves (not a hand-written copy), planned with sequential scans priced out.</summary>
    [Fact]
    public async Task de_opvragingen_van_een_regio_en_een_naam_lezen_via_de_index_wat_marten_ervoor_genereert()
    {
        await using var sessie = Service<Marten.IDocumentStore>().QuerySession();
        foreach (var query in new[] { Samenwerkingsafspraken.Gemeenten.Opvragen.GemeentenOpvragen.OoitInRegio(sessie, "AM01"),
                     Samenwerkingsafspraken.Gemeenten.Opvragen.GemeentenOpvragen.OoitGenoemd(sessie, "beek") })
        {
            var commando = Marten.QueryableExtensions.ToCommand(query, Marten.Linq.FetchType.FetchMany);
            await using var verbinding = new NpgsqlConnection(Fixture.ConnectionString);
            await verbinding.OpenAsync();
            await using (var uit = new NpgsqlCommand("set enable_seqscan = off", verbinding)) await uit.ExecuteNonQueryAsync();
            await using var opdracht = new NpgsqlCommand("explain " + commando.CommandText, verbinding);
            foreach (NpgsqlParameter parameter in commando.Parameters) opdracht.Parameters.Add(parameter.Clone());
            await using var lezer = await opdracht.ExecuteReaderAsync();
            var regels = new List<string>();
            while (await lezer.ReadAsync()) regels.Add(lezer.GetString(0));
            var plan = string.Join("\n", regels);

            plan.ShouldContain("mt_doc_gemeente_idx_data", customMessage: commando.CommandText);
            plan.ShouldNotContain("Seq Scan", customMessage: plan);
        }
    }

    /// <summary>The planner's choice with sequential scans priced out: it uses the index if one serves the query.</summary>
    private async Task<string> Plan(string vraag)
    {
        await using var verbinding = new NpgsqlConnection(Fixture.ConnectionString);
        await verbinding.OpenAsync();
        await using (var uit = new NpgsqlCommand("set enable_seqscan = off", verbinding)) await uit.ExecuteNonQueryAsync();
        await using var opdracht = new NpgsqlCommand("explain " + vraag, verbinding);
        await using var lezer = await opdracht.ExecuteReaderAsync();
        var regels = new List<string>();
        while (await lezer.ReadAsync()) regels.Add(lezer.GetString(0));
        return string.Join("\n", regels);
    }
}
