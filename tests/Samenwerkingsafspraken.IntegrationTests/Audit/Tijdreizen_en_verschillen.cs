using System.Text.Json;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Verschillen;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Audit;

/// <summary>The agreement as it was on any date or at any version, and the difference between two versions.</summary>
public sealed class Tijdreizen_en_verschillen(ApiFixture fixture) : IntegratieTest(fixture)
{
    private async Task<(Guid Id, long Gewijzigd)> AfspraakMetGeschiedenis()
    {
        var actief = await Actief();
        Tijd.Zet(new DateTimeOffset(2025, 4, 2, 10, 0, 0, TimeSpan.FromHours(2)));
        var versie = (await Post($"{Afspraken}/{actief.Id}/resultaten", Resultaten("2025-K1", 3, actief.Versie), Tokens.Werkgever())).Versie;

        Tijd.Zet(new DateTimeOffset(2025, 5, 20, 10, 0, 0, TimeSpan.FromHours(2)));
        var verzoek = Testdata.Afspraak();
        var gewijzigd = await Post($"{Afspraken}/{actief.Id}/wijzigingen", new
        {
            reden = "Meer plaatsen en een basisbaan erbij",
            titel = verzoek.Titel,
            verzoek.WerkgeverContactrol,
            verzoek.Regiopartijen,
            werkafspraken = new object[]
            {
                verzoek.Werkafspraken![0],
                new { variantCode = "externe-jobcoaching", parameters = new { urenPerWeek = 4 }, maatwerk = "Jobcoach van het SW-bedrijf, het hele eerste jaar." },
                new { variantCode = "basisbaan", parameters = new { aantalBanen = 2 } },
            },
            verzoek.Doelgroepen,
            verzoek.Beroepen,
            doelstellingen = new { plaatsingenPerJaar = 12, duurzamePlaatsingenPerJaar = 6 },
            looptijd = new { startdatum = "2025-01-01", einddatum = "2027-06-30" },
            versie,
        }, Tokens.Regiopartij());
        gewijzigd.Status.ShouldBe(200, gewijzigd.Tekst);
        return (actief.Id, gewijzigd.Versie);
    }

    [Fact]
    public async Task de_afspraak_zoals_zij_was_op_een_peildatum()
    {
        var (id, _) = await AfspraakMetGeschiedenis();

        var opStart = (await Get($"{Afspraken}/{id}?peildatum=2025-01-06", Tokens.Auditor())).Als<SamenwerkingsafspraakWeergave>();
        var inApril = (await Get($"{Afspraken}/{id}?peildatum=2025-04-30", Tokens.Auditor())).Als<SamenwerkingsafspraakWeergave>();
        var nu = (await Get($"{Afspraken}/{id}?peildatum=2025-06-01", Tokens.Werkgever())).Als<SamenwerkingsafspraakWeergave>();

        opStart.Status.ShouldBe(AfspraakStatus.Actief);
        opStart.Resultaten.Perioden.ShouldBeEmpty();
        inApril.Resultaten.Perioden.Single().Periode.ShouldBe("2025-K1");
        inApril.Doelstellingen.PlaatsingenPerJaar.ShouldBe(8);
        nu.Doelstellingen.PlaatsingenPerJaar.ShouldBe(12);
        (await Get($"{Afspraken}/{id}?peildatum=2024-12-31", Tokens.Auditor())).ProbleemCode(404).ShouldBe("niet-gevonden");
    }

    [Fact]
    public async Task de_afspraak_zoals_zij_was_bij_een_versie()
    {
        var (id, gewijzigd) = await AfspraakMetGeschiedenis();

        var eerste = await Get($"{Afspraken}/{id}?versie=1", Tokens.Regiopartij());

        eerste.Header("ETag").ShouldBe("\"1\"");
        var concept = eerste.Als<SamenwerkingsafspraakWeergave>();
        concept.Status.ShouldBe(AfspraakStatus.Concept);
        concept.Versie.ShouldBe(1);
        (await Get($"{Afspraken}/{id}?versie={gewijzigd}", Tokens.Auditor())).Als<SamenwerkingsafspraakWeergave>().Doelstellingen.PlaatsingenPerJaar.ShouldBe(12);
        (await Get($"{Afspraken}/{id}?versie={gewijzigd + 1}", Tokens.Auditor())).Probleem(404);
    }

    [Fact]
    public async Task het_verschil_tussen_twee_versies_veld_voor_veld()
    {
        var (id, gewijzigd) = await AfspraakMetGeschiedenis();

        var verschillen = (await Get($"{Afspraken}/{id}/verschillen?van=1&tot={gewijzigd}", Tokens.Auditor())).Als<Afspraakverschillen>();

        verschillen.Gelijk.ShouldBeFalse();
        verschillen.Velden.Select(v => v.Veld).ShouldBe(["status", "doelstellingen.plaatsingenPerJaar", "looptijd.einddatum", "actiefVanaf",
            "ondertekening.inhoudVersie"], ignoreOrder: true);
        verschillen.Velden.Single(v => v.Veld == "status").Nieuw!.Value.GetString().ShouldBe("actief");
        verschillen.Velden.Single(v => v.Veld == "doelstellingen.plaatsingenPerJaar").Oud!.Value.GetInt32().ShouldBe(8);
        verschillen.Werkafspraken.Toegevoegd.Single().VariantCode.ShouldBe("basisbaan");
        verschillen.Werkafspraken.Verwijderd.ShouldBeEmpty();
        var jobcoaching = verschillen.Werkafspraken.Gewijzigd.Single();
        jobcoaching.VariantCode.ShouldBe("externe-jobcoaching");
        jobcoaching.Velden.Select(v => v.Veld).ShouldBe(["parameters.urenPerWeek", "maatwerk"]);
        jobcoaching.Velden[0].Oud!.Value.GetDecimal().ShouldBe(2.5m);
        jobcoaching.Velden[0].Nieuw!.Value.GetDecimal().ShouldBe(4m);
        verschillen.Resultaten.Single().Veld.ShouldBe("resultaten[2025-K1]");
        verschillen.Resultaten.Single().Oud.ShouldBeNull();
    }

    [Fact]
    public async Task onjuiste_vragen_over_versies_en_datums_worden_geweigerd()
    {
        var (id, gewijzigd) = await AfspraakMetGeschiedenis();

        (await Get($"{Afspraken}/{id}?peildatum=1-4-2025", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["peildatum"]);
        (await Get($"{Afspraken}/{id}?versie=nul", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["versie"]);
        (await Get($"{Afspraken}/{id}?versie=1&peildatum=2025-04-01", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["versie"]);
        (await Get($"{Afspraken}/{id}/verschillen", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["van", "tot"]);
        (await Get($"{Afspraken}/{id}/verschillen?van=3&tot=2", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["tot"]);
        (await Get($"{Afspraken}/{id}/verschillen?van=1&tot={gewijzigd + 5}", Tokens.Auditor())).Probleem(404);
        (await Get($"{Afspraken}/{Guid.NewGuid()}/verschillen?van=1&tot=2", Tokens.Auditor())).Probleem(404);
    }

    [Fact]
    public async Task alleen_de_partijen_en_auditors_zien_vroegere_versies()
    {
        var (id, _) = await AfspraakMetGeschiedenis();

        (await Get($"{Afspraken}/{id}?versie=1", Tokens.Werkgever(Testdata.AndereKvk))).Probleem(403);
        (await Get($"{Afspraken}/{id}/verschillen?van=1&tot=2", Tokens.Regiopartij(Testdata.GemeenteAssen, Testdata.Drenthe))).Probleem(403);
        (await Get($"{Afspraken}/{id}/verschillen?van=1&tot=2", Tokens.Beheerder())).Probleem(403);
        (await Get($"{Afspraken}/{id}/verschillen?van=1&tot=2")).Probleem(401);
        (await Get($"{Afspraken}/{id}/verschillen?van=1&tot=2", Tokens.Werkgever())).Status.ShouldBe(200);
    }
}
