using Npgsql;
using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Referenties;
using Samenwerkingsafspraken.Varianten.Gebruik;

namespace Samenwerkingsafspraken.IntegrationTests.Beheer;

/// <summary>
/// The direct rebuild of the agreements, their references and the variant matrix writes its documents itself (COPY):
/// every row must come back as the events made it, column for column (the document, its version, the duplicated
/// columns the lookups filter on), and the asynchronous projection must go on from where the rebuild left it.
/// </summary>
public sealed class Herbouw_geeft_dezelfde_rijen(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Theory]
    [InlineData(null)]
    // Two documents in memory at most: the others wait in the temporary table and are read back when a later event
    // changes them, as in a store too large for a node's memory.
    [InlineData("2")]
    public async Task elke_rij_van_de_drie_projecties_komt_terug_zoals_de_gebeurtenissen_hem_maakten(string? documentenInGeheugen)
    {
        var configuratie = Service<Microsoft.Extensions.Configuration.IConfiguration>();
        configuratie["Beheer:HerbouwDocumentenInGeheugen"] = documentenInGeheugen;
        try
        {
            await ElkeRijKomtTerug();
        }
        finally
        {
            configuratie["Beheer:HerbouwDocumentenInGeheugen"] = null;
        }
    }

    private async Task ElkeRijKomtTerug()
    {
        // An early concept of another employer, an agreement with many events, adopted in another region (the adopted
        // agreement's reference names its source in a column of its own, which the reuse lookups filter on), a concept
        // with one event, and then the early concept signed: with two documents in memory, the early one has left
        // memory by then and must be read back.
        var eerder = await Concept(Testdata.AndereKvk);
        var bron = await Bewezen();
        var verzoek = (await VraagHergebruik(bron.Id)).Als<HergebruikverzoekWeergave>();
        (await Post($"/v1/hergebruikverzoeken/{verzoek.Id}/besluit", Accepteren(verzoek.Versie), Leeuwarden)).Status.ShouldBe(200);
        (await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij())).Status.ShouldBe(201);
        (await Post($"{Afspraken}/{eerder.Id}/ondertekeningen", new { versie = 1 }, Tokens.Werkgever(Testdata.AndereKvk))).Status.ShouldBe(200);
        await AsynchroneProjectiesBijgewerkt();

        string[] tabellen = ["mt_doc_samenwerkingsafspraak", "mt_doc_referentie", "mt_doc_variantgebruik"];
        var voor = new Dictionary<string, List<string>>();
        foreach (var tabel in tabellen) voor[tabel] = await Rijen(tabel);
        voor["mt_doc_referentie"].Count.ShouldBe(4);
        voor["mt_doc_referentie"].ShouldContain(r => r.Contains($"\"{Hergebruiken.BronKolom}\": \"{bron.Id}\"") && r.Contains(verzoek.Id.ToString()));

        // The rebuild writes only the rows that differ from what the events make: so each table is first made wrong in
        // the three ways it can be (a row missing, a row changed in its document and version, a row the events do not
        // make; and a reference that differs only in a duplicated column), and the rebuild must put every one right.
        foreach (var tabel in tabellen) await MaakFout(tabel);
        foreach (var tabel in tabellen) (await Rijen(tabel)).ShouldNotBe(voor[tabel], tabel);

        await Herbouwd("Samenwerkingsafspraak");
        await Herbouwd("Referentie");
        await Herbouwd(VariantgebruikProjectie.Naam);
        await AsynchroneProjectiesBijgewerkt();

        foreach (var tabel in tabellen) (await Rijen(tabel)).ShouldBe(voor[tabel], tabel);
        // The rebuild compresses its documents with lz4 where the server has it (a reference is above the 2 KB from which
        // PostgreSQL compresses): those of the rows it wrote back keep that, beside the others' pglz, and read the same.
        if (await Waarde<bool>("select coalesce(bool_or('lz4' = any(enumvals)), false) from pg_settings where name = 'default_toast_compression'"))
            (await Waarde<long>($"select count(*) from {MartenConfiguratie.Schema}.mt_doc_referentie where pg_column_compression(data) = 'lz4'")).ShouldBeGreaterThan(0);

        // The matrix goes on after its rebuild: a new agreement reaches it.
        (await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij())).Status.ShouldBe(201);
        await AsynchroneProjectiesBijgewerkt();
        (await Rijen("mt_doc_variantgebruik")).Count.ShouldBe(5);
    }

    private async Task MaakFout(string tabel)
    {
        var naam = $"{MartenConfiguratie.Schema}.{tabel}";
        await using var opdracht = Service<NpgsqlDataSource>().CreateCommand(
            $"insert into {naam} select (jsonb_populate_record(null::{naam}, to_jsonb(d) || jsonb_build_object('id', gen_random_uuid()))).* " +
            $"from {naam} d order by id limit 1; " +
            $"delete from {naam} where id = (select id from {naam} order by id limit 1 offset 1); " +
            $"update {naam} set data = data || '{{\"herbouwtest\": 1}}', mt_version = mt_version + 7 " +
            $"where id = (select id from {naam} order by id desc limit 1)" +
            // Only a duplicated column differs: the list of an employer's references filters on it.
            (tabel == "mt_doc_referentie" ? $"; update {naam} set kvk_nummer = '00000000' where id = (select id from {naam} order by id limit 1 offset 2)" : ""));
        await opdracht.ExecuteNonQueryAsync();
    }

    private async Task<T> Waarde<T>(string sql)
    {
        await using var opdracht = Service<NpgsqlDataSource>().CreateCommand(sql);
        return (T)(await opdracht.ExecuteScalarAsync())!;
    }

    /// <summary>Every column but the moment of writing, one row per document, in id order.</summary>
    private async Task<List<string>> Rijen(string tabel)
    {
        await using var opdracht = Service<NpgsqlDataSource>().CreateCommand(
            $"select (to_jsonb(d) - 'mt_last_modified')::text from {MartenConfiguratie.Schema}.{tabel} d order by id");
        await using var lezer = await opdracht.ExecuteReaderAsync();
        var rijen = new List<string>();
        while (await lezer.ReadAsync()) rijen.Add(lezer.GetString(0));
        return rijen;
    }
}
