using System.Text.RegularExpressions;
using Marten;
using Npgsql;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Referenties;

namespace Samenwerkingsafspraken.IntegrationTests.Referenties;

/// <summary>
/// "Mijn referenties" for an employer with more agreements than get a card each: a compact table of 25 a page, each row
/// with status, results against targets and proven or not and why; the counts of all of them at the top.
/// </summary>
public sealed partial class Referenties_in_paginas(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task meer_dan_tien_referenties_komen_als_tabel_per_25_met_de_tellingen_van_alle()
    {
        var bron = await Bewezen();
        for (var i = 0; i < 25; i++)
        {
            (await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij())).Status.ShouldBe(201);
        }

        var verzoek = (await VraagHergebruik(bron.Id)).Als<HergebruikverzoekWeergave>();
        var besluit = await Post($"/v1/hergebruikverzoeken/{verzoek.Id}/besluit", Accepteren(verzoek.Versie), Leeuwarden);
        besluit.Status.ShouldBe(200, besluit.Tekst);
        var overgenomen = besluit.Als<HergebruikverzoekWeergave>().NieuweAfspraakId!.Value;

        var werkgever = await AangemeldAls("werkgever-bouwbedrijf-noord");
        var eerste = await werkgever.Open($"/werkgevers/{Testdata.Kvk}/referenties");
        eerste.Status.ShouldBe(200, eerste.Tekst);
        var tekst = Regex.Replace(eerste.Tekst, "\\s+", " ");
        tekst.ShouldContain("27 afspraken in 2 regio&#x27;s, waarvan 1 bewezen");
        tekst.ShouldContain("Afspraak 1 tot en met 25 van 27, de oudste eerst (pagina 1 van 2)");
        Kaarten(eerste.Tekst).ShouldBe(0, "te veel afspraken voor een kaart per afspraak");
        Rijen(eerste.Tekst).ShouldBe(25);
        tekst.ShouldContain($"href=\"/afspraken/{bron.Id}\"");
        tekst.ShouldContain("8 plaatsingen tegen een doel van 8 (100%) over 4 kwartalen", customMessage: "resultaten tegen de doelen");
        tekst.ShouldContain("Bewezen: voldoet aan elk criterium.");
        tekst.ShouldContain("Niet bewezen: Ten minste 12 maanden actief", customMessage: "en waarom niet");
        tekst.ShouldContain($"Hergebruikt in {Testdata.Friesland}.");
        tekst.ShouldContain($"href=\"/afspraken/{bron.Id}/stamboom\"");
        eerste.Tekst.ShouldContain("rel=\"next\" href=\"/werkgevers/01234567/referenties?pagina=2\"");

        var tweede = await werkgever.Open($"/werkgevers/{Testdata.Kvk}/referenties?pagina=2");
        tweede.Status.ShouldBe(200, tweede.Tekst);
        Rijen(tweede.Tekst).ShouldBe(2);
        Regex.Replace(tweede.Tekst, "\\s+", " ").ShouldContain("Afspraak 26 tot en met 27 van 27");
        tweede.Tekst.ShouldContain($"href=\"/afspraken/{overgenomen}\"", customMessage: "de overname, het laatst opgesteld");
        tweede.Tekst.ShouldContain($"Overgenomen uit {Testdata.Groningen}.");
        tweede.Tekst.ShouldContain("rel=\"prev\" href=\"/werkgevers/01234567/referenties\"");
        tweede.Tekst.ShouldNotContain("rel=\"next\"");

        (await werkgever.Open($"/werkgevers/{Testdata.Kvk}/referenties?pagina=3")).Status.ShouldBe(404);
        (await (await AangemeldAls("werkgever-zorggroep-oost")).Open($"/werkgevers/{Testdata.Kvk}/referenties?pagina=2")).Status.ShouldBe(403);
    }

    /// <summary>
    /// The order of the list and of the pages is the database's, on the duplicated date, planned by PostgreSQL (with
    /// sequential scans and sorts priced out) as a range of the employer's index in order, so a page reads its own 25
    /// documents and not all of the employer's.
    /// </summary>
    [Fact]
    public async Task de_volgorde_is_een_bereik_van_de_index_van_de_werkgever_zonder_sortering()
    {
        await WerkgeverGeregistreerd();
        for (var i = 0; i < 3; i++) (await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij())).Status.ShouldBe(201);

        await using var sessie = Service<IDocumentStore>().QuerySession();
        foreach (var vraag in new[]
                 {
                     sessie.Query<Referentie>().InVolgorde(Testdata.Kvk),
                     sessie.Query<Referentie>().InVolgorde(Testdata.Kvk).Skip(ReferentiesModel.Paginagrootte).Take(ReferentiesModel.Paginagrootte),
                 })
        {
            var opdracht = vraag.ToCommand(Marten.Linq.FetchType.FetchMany);
            opdracht.CommandText.ShouldContain("order by d.afspraakopgesteld_op, d.id", customMessage: opdracht.CommandText);

            await using var verbinding = new NpgsqlConnection(Fixture.ConnectionString);
            await verbinding.OpenAsync();
            // A handful of rows here, hundreds in production: priced out, a sequential scan or a sort shows only where no index serves.
            await using (var uit = new NpgsqlCommand("set enable_seqscan = off; set enable_sort = off", verbinding)) await uit.ExecuteNonQueryAsync();
            await using var uitleg = new NpgsqlCommand("explain " + opdracht.CommandText, verbinding);
            foreach (NpgsqlParameter parameter in opdracht.Parameters) uitleg.Parameters.Add(parameter.Clone());
            var regels = new List<string>();
            await using (var lezer = await uitleg.ExecuteReaderAsync())
                while (await lezer.ReadAsync()) regels.Add(lezer.GetString(0));
            var plan = string.Join("\n", regels);
            plan.ShouldContain(ReferentiesOpslag.VolgordeIndex, customMessage: plan);
            plan.ShouldNotContain("Sort", customMessage: plan);
        }

        var lijst = await Get($"/v1/werkgevers/{Testdata.Kvk}/referenties", Tokens.Werkgever());
        lijst.Status.ShouldBe(200, lijst.Tekst);
        var opgesteld = lijst.Json["referenties"]!.AsArray().Select(r => r!["afspraakId"]!.GetValue<Guid>()).ToList();
        await using var controle = Service<IDocumentStore>().QuerySession();
        var verwacht = (await controle.Query<Referentie>().Where(r => r.KvkNummer == Testdata.Kvk).ToListAsync())
            .OrderBy(r => r.Afspraak.OpgesteldOp).ThenBy(r => r.Id).Select(r => r.Id).ToList();
        opgesteld.ShouldBe(verwacht, "de oudste eerst, zoals de database ordent");
    }

    private static int Kaarten(string html) => Kaart().Matches(html).Count;

    private static int Rijen(string html) => Rij().Matches(html).Count;

    [GeneratedRegex("<tr class=\"utrecht-table__row\">\\s*<th class=\"utrecht-table__header-cell\" scope=\"row\"><a ")]
    private static partial Regex Rij();

    [GeneratedRegex("<section class=\"kaart\"")]
    private static partial Regex Kaart();
}
