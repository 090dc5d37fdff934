using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Varianten.Gebruik;
using Matrix = Samenwerkingsafspraken.Varianten.Gebruik.Variantmatrix;

namespace Samenwerkingsafspraken.IntegrationTests.Audit;

/// <summary>Which variants of the standard set are used where, how they diverge, what they yield, how they travel.</summary>
public sealed class Variantmatrix_van_het_gebruik(ApiFixture fixture) : IntegratieTest(fixture)
{
    private async Task<Guid> Landschap()
    {
        // Groningen: a proven agreement (bouw) with results, later adopted in Friesland with tailoring;
        // Drenthe: a concept of a zorg employer with a praktijkroute without praktijkverklaring and a basisbaan.
        var bron = await Bewezen();
        var verzoek = (await VraagHergebruik(bron.Id)).Als<HergebruikverzoekWeergave>();
        (await Post($"/v1/hergebruikverzoeken/{verzoek.Id}/besluit", Accepteren(verzoek.Versie, new object[]
        {
            new { variantCode = "externe-jobcoaching", soort = "parameter", parameter = "duurInMaanden", waarde = 18, reden = "Langer nodig" },
        }), Leeuwarden)).Status.ShouldBe(200);

        (await Post("/v1/werkgevers", Testdata.Werkgever(Testdata.AndereKvk, "Zorggroep Zuid", "zorg-en-welzijn"), Assen)).Status.ShouldBe(201);
        var drenthe = Testdata.Afspraak(Testdata.AndereKvk, Testdata.Drenthe, Testdata.GemeenteAssen) with
        {
            Werkafspraken =
            [
                new("praktijkroute", new() { ["aantalPlaatsen"] = Testdata.Json(2), ["mboKwalificatie"] = Testdata.Json("Helpende zorg"),
                    ["praktijkverklaring"] = Testdata.Json(false) }, null),
                new("basisbaan", new() { ["aantalBanen"] = Testdata.Json(3) }, "Schoonmaak en linnen"),
            ],
        };
        (await Post(Afspraken, drenthe, Assen)).Status.ShouldBe(201);
        return bron.Id;
    }

    [Fact]
    public async Task per_variant_gebruik_per_regio_en_sector_afwijkingen_resultaten_en_hergebruik()
    {
        await Landschap();
        await AsynchroneProjectiesBijgewerkt();

        var matrix = (await Get("/v1/varianten/gebruik", Tokens.Auditor())).Als<Matrix>();

        matrix.AantalAfspraken.ShouldBe(3);
        var praktijkroute = matrix.Varianten.Single(v => v.VariantCode == "praktijkroute");
        praktijkroute.AantalAfspraken.ShouldBe(3);
        praktijkroute.AantalActief.ShouldBe(1);
        praktijkroute.PerRegio.ShouldBe([new Telling("AM01", 1, 1), new Telling("AM02", 1, 0), new Telling("AM03", 1, 0)]);
        praktijkroute.PerSector.ShouldBe([new Telling("bouw", 2, 1), new Telling("zorg-en-welzijn", 1, 0)]);
        var afwijking = praktijkroute.Maatwerk.Afwijkingen.ShouldHaveSingleItem();
        afwijking.Parameter.ShouldBe("praktijkverklaring");
        afwijking.Aantal.ShouldBe(1);
        afwijking.Waarden.Single().Waarde.GetBoolean().ShouldBeFalse();
        praktijkroute.Maatwerk.VolgensStandaard.ShouldBe(2);
        praktijkroute.Resultaten.AfsprakenMetResultaten.ShouldBe(1);
        praktijkroute.Resultaten.Plaatsingen.ShouldBe(8);
        praktijkroute.Resultaten.PercentageVanDoel.ShouldBe(100m);
        praktijkroute.Resultaten.AandeelNaZesMaandenInWerk.ShouldBe(100m);
        praktijkroute.Resultaten.AandeelNaTwaalfMaandenInWerk.ShouldBe(50m);
        praktijkroute.Hergebruik.Overgenomen.ShouldBe(1);
        praktijkroute.Pijler.ShouldBe(Samenwerkingsafspraken.Varianten.Pijler.Scholing);

        var jobcoaching = matrix.Varianten.Single(v => v.VariantCode == "externe-jobcoaching");
        jobcoaching.AantalAfspraken.ShouldBe(2);
        jobcoaching.Maatwerk.MetMaatwerktekst.ShouldBe(2);
        jobcoaching.Maatwerk.Afwijkingen.Single().Parameter.ShouldBe("duurInMaanden");
        jobcoaching.Hergebruik.GewijzigdBijHergebruik.ShouldBe(1);
        matrix.Varianten.Single(v => v.VariantCode == "basisbaan").PerSector.ShouldBe([new Telling("zorg-en-welzijn", 1, 0)]);
    }

    [Fact]
    public async Task de_matrix_is_te_filteren_op_regio_sector_pijler_en_periode()
    {
        await Landschap();
        await AsynchroneProjectiesBijgewerkt();

        (await Get("/v1/varianten/gebruik?arbeidsmarktregio=AM03", Tokens.Auditor())).Als<Matrix>().AantalAfspraken.ShouldBe(1);
        (await Get("/v1/varianten/gebruik?sector=bouw", Tokens.Auditor())).Als<Matrix>().AantalAfspraken.ShouldBe(2);
        (await Get("/v1/varianten/gebruik?pijler=vraag", Tokens.Auditor())).Als<Matrix>().Varianten.Select(v => v.VariantCode)
            .ShouldBe(["basisbaan"]);
        (await Get("/v1/varianten/gebruik?van=2027-01-01", Tokens.Auditor())).Als<Matrix>().AantalAfspraken.ShouldBe(1);
        (await Get("/v1/varianten/gebruik?tot=2025-12-31", Tokens.Auditor())).Als<Matrix>().AantalAfspraken.ShouldBe(2);
    }

    [Fact]
    public async Task de_matrix_is_te_filteren_op_doelgroep()
    {
        await Landschap();
        await AsynchroneProjectiesBijgewerkt();

        (await Get("/v1/varianten/gebruik?doelgroep=banenafspraak", Tokens.Auditor())).Als<Matrix>().AantalAfspraken.ShouldBe(3);
        (await Get("/v1/varianten/gebruik?doelgroep=wajong", Tokens.Auditor())).Als<Matrix>().AantalAfspraken.ShouldBe(0);
        (await Get("/v1/varianten/gebruik?doelgroep=iedereen&sector=mijnbouw", Tokens.Auditor())).OngeldigeVelden()
            .ShouldBe(["doelgroep", "sector"], ignoreOrder: true);
    }

    [Fact]
    public async Task een_herbouw_geeft_precies_dezelfde_matrix()
    {
        await Landschap();
        await AsynchroneProjectiesBijgewerkt();
        var voor = (await Get("/v1/varianten/gebruik", Tokens.Auditor())).Tekst;

        await Herbouwd(VariantgebruikProjectie.Naam);
        await AsynchroneProjectiesBijgewerkt();

        (await Get("/v1/varianten/gebruik", Tokens.Auditor())).Tekst.ShouldBe(voor);
    }

    [Fact]
    public async Task een_regiopartij_ziet_alleen_haar_eigen_regio_en_anderen_niets()
    {
        await Landschap();
        await AsynchroneProjectiesBijgewerkt();

        (await Get("/v1/varianten/gebruik", Assen)).Als<Matrix>().AantalAfspraken.ShouldBe(1);
        (await Get("/v1/varianten/gebruik?arbeidsmarktregio=AM01", Assen)).Probleem(403);
        (await Get("/v1/varianten/gebruik", Tokens.Werkgever())).Probleem(403);
        (await Get("/v1/varianten/gebruik", Tokens.Beheerder())).Probleem(403);
        (await Get("/v1/varianten/gebruik")).Probleem(401);
    }

    [Fact]
    public async Task de_matrix_als_csv_en_als_excel_met_nederlandse_kolomkoppen()
    {
        await Landschap();
        await AsynchroneProjectiesBijgewerkt();

        var csv = await Download("/v1/varianten/gebruik/export?formaat=csv&sector=bouw", Tokens.Auditor());

        csv.ContentType.ShouldStartWith("text/csv");
        csv.Bestandsnaam.ShouldBe("variantmatrix-alle-regios-2026-01-15.csv");
        var rijen = csv.CsvRecords();
        rijen.Select(r => r["Variant"]).ShouldBe(["externe-jobcoaching", "praktijkroute"]);
        var praktijkroute = rijen.Single(r => r["Variant"] == "praktijkroute");
        praktijkroute["Afspraken"].ShouldBe("2");
        praktijkroute["Per regio"].ShouldBe("AM01: 1 (1 actief), AM02: 1 (0 actief)");
        praktijkroute["Plaatsingen"].ShouldBe("8");

        var xlsx = await Download("/v1/varianten/gebruik/export?formaat=xlsx&arbeidsmarktregio=AM03", Assen);
        using var werkboek = xlsx.Werkboek();
        var blad = werkboek.Worksheet("Variantmatrix");
        blad.Cell(1, 1).GetString().ShouldBe("Variant");
        blad.Cell(2, 1).GetString().ShouldBe("basisbaan");
        blad.Cell(2, 5).GetDouble().ShouldBe(1);
    }

    [Fact]
    public async Task de_export_weigert_wie_de_matrix_weigert()
    {
        (await Get("/v1/varianten/gebruik/export?formaat=csv", Tokens.Werkgever())).Probleem(403);
        (await Get("/v1/varianten/gebruik/export?formaat=csv&arbeidsmarktregio=AM01", Assen)).Probleem(403);
        (await Get("/v1/varianten/gebruik/export?formaat=csv")).Probleem(401);
        (await Get("/v1/varianten/gebruik/export?formaat=pdf&pijler=dak", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["formaat", "pijler"], ignoreOrder: true);
    }

    [Fact]
    public async Task ongeldige_filters_worden_allemaal_genoemd()
    {
        (await Get("/v1/varianten/gebruik?arbeidsmarktregio=groningen&sector=ruimtevaart&pijler=dak&van=gisteren&tot=2025-13-01", Tokens.Auditor()))
            .OngeldigeVelden().ShouldBe(["arbeidsmarktregio", "sector", "pijler", "van", "tot"], ignoreOrder: true);
        (await Get("/v1/varianten/gebruik?van=2026-01-01&tot=2025-01-01", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["tot"]);
    }
}
