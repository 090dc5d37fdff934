using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Afspraken;

/// <summary>Every lifecycle endpoint refuses what it must, with the right status and a problem+json body, and changes nothing.</summary>
public sealed class Weigeringen_in_de_levenscyclus(ApiFixture fixture) : IntegratieTest(fixture)
{
    public static TheoryData<string> Activiteiten => ["ondertekeningen", "wijzigingen", "resultaten", "resultaten/2025-K1/correcties", "evaluaties", "verlengingen", "beeindiging"];

    [Theory]
    [MemberData(nameof(Activiteiten))]
    public async Task zonder_token_is_het_401(string activiteit)
    {
        var actief = await Actief();

        (await Post($"{Afspraken}/{actief.Id}/{activiteit}", new { versie = actief.Versie }, token: null)).Probleem(401);
        (await Lees(actief.Id)).Versie.ShouldBe(actief.Versie);
    }

    [Theory]
    [MemberData(nameof(Activiteiten))]
    public async Task een_onbekende_afspraak_is_404(string activiteit)
    {
        await Actief();
        var lichaam = Lichaam(activiteit, 4);

        (await Post($"{Afspraken}/{Guid.NewGuid()}/{activiteit}", lichaam, Tokens.Regiopartij())).ProbleemCode(404).ShouldBe("niet-gevonden");
        // The empty id names no stream either (the event store refuses to fetch one for writing): the same answer.
        (await Post($"{Afspraken}/{Guid.Empty}/{activiteit}", lichaam, Tokens.Regiopartij())).ProbleemCode(404).ShouldBe("niet-gevonden");
    }

    [Theory]
    [MemberData(nameof(Activiteiten))]
    public async Task een_buitenstaander_krijgt_403_ook_met_een_verouderde_versie(string activiteit)
    {
        var actief = await Actief();

        var werkgever = await Post($"{Afspraken}/{actief.Id}/{activiteit}", Lichaam(activiteit, 1), Tokens.Werkgever(Testdata.AndereKvk));
        var andereRegio = await Post($"{Afspraken}/{actief.Id}/{activiteit}", Lichaam(activiteit, 1),
            Tokens.Regiopartij(Testdata.GemeenteLeeuwarden, Testdata.Friesland));

        werkgever.Probleem(403);
        andereRegio.Probleem(403);
        (await Lees(actief.Id)).Versie.ShouldBe(actief.Versie);
    }

    [Theory]
    [MemberData(nameof(Activiteiten))]
    public async Task een_verouderde_versie_is_409_met_de_actuele_versie(string activiteit)
    {
        var actief = await Actief();
        NaHetEersteKwartaal();
        (await Post($"{Afspraken}/{actief.Id}/resultaten", Resultaten("2025-K1", 1, actief.Versie), Tokens.Werkgever())).Status.ShouldBe(200);

        var antwoord = await Post($"{Afspraken}/{actief.Id}/{activiteit}", Lichaam(activiteit, actief.Versie), Tokens.Regiopartij());

        var probleem = antwoord.Probleem(409);
        probleem["code"]!.GetValue<string>().ShouldBe("versie-verouderd");
        probleem["actueleVersie"]!.GetValue<long>().ShouldBe(actief.Versie + 1);
    }

    [Theory]
    [MemberData(nameof(Activiteiten))]
    public async Task zonder_versie_is_het_428(string activiteit)
    {
        var actief = await Actief();

        (await Post($"{Afspraken}/{actief.Id}/{activiteit}", Lichaam(activiteit, null), Tokens.Regiopartij())).ProbleemCode(428).ShouldBe("versie-vereist");
    }

    [Fact]
    public async Task een_if_match_die_geen_versie_is_is_400_en_een_tegenstrijdige_versie_ook()
    {
        var actief = await Actief();
        var url = $"{Afspraken}/{actief.Id}/evaluaties";
        var lichaam = new { oordeel = "succesvol", lessen = "x", aanbevolenVoorHergebruik = true, versie = actief.Versie };

        (await Post(url, lichaam, Tokens.Werkgever(), new Dictionary<string, string> { ["If-Match"] = "\"abc\"" })).OngeldigeVelden().ShouldBe(["If-Match"]);
        (await Post(url, lichaam, Tokens.Werkgever(), IfMatch(actief.Versie - 1))).OngeldigeVelden().ShouldBe(["versie"]);
    }

    [Fact]
    public async Task ongeldige_invoer_per_activiteit_noemt_elk_veld()
    {
        var actief = await Actief();
        var id = actief.Id;
        var versie = actief.Versie;

        (await Post($"{Afspraken}/{id}/resultaten", new { periode = "2025-Q1", plaatsingen = -1, naZesMaandenInWerk = 5, uitval = 2, versie }, Tokens.Werkgever()))
            .OngeldigeVelden().ShouldBe(["periode", "plaatsingen", "naTwaalfMaandenInWerk"], ignoreOrder: true);
        (await Post($"{Afspraken}/{id}/resultaten", new { periode = "2025-K1", plaatsingen = 1, naZesMaandenInWerk = 2, naTwaalfMaandenInWerk = 2, uitval = 3, versie },
            Tokens.Werkgever())).OngeldigeVelden().ShouldBe(["naZesMaandenInWerk", "naTwaalfMaandenInWerk", "uitval"], ignoreOrder: true);
        (await Post($"{Afspraken}/{id}/evaluaties", new { oordeel = "geweldig", lessen = new string('l', 4001), versie }, Tokens.Werkgever()))
            .OngeldigeVelden().ShouldBe(["oordeel", "lessen", "aanbevolenVoorHergebruik"], ignoreOrder: true);
        (await Post($"{Afspraken}/{id}/beeindiging", new { reden = "zomaar", versie }, Tokens.Regiopartij()))
            .OngeldigeVelden().ShouldBe(["reden", "toelichting"], ignoreOrder: true);
        (await Post($"{Afspraken}/{id}/verlengingen", new { reden = new string('r', 2001), versie }, Tokens.Regiopartij()))
            .OngeldigeVelden().ShouldBe(["nieuweEinddatum", "reden"], ignoreOrder: true);
        (await Post($"{Afspraken}/{id}/wijzigingen", new { titel = "", werkafspraken = Array.Empty<object>(), versie }, Tokens.Regiopartij()))
            .OngeldigeVelden().ShouldBe(["reden", "titel", "regiopartijen", "werkafspraken", "doelgroepen", "doelstellingen", "looptijd"], ignoreOrder: true);
        (await Post($"{Afspraken}/{id}/resultaten/2025-K1/correcties", new { plaatsingen = 1, naZesMaandenInWerk = 0, naTwaalfMaandenInWerk = 0, uitval = 0, versie },
            Tokens.Werkgever())).OngeldigeVelden().ShouldBe(["reden"]);

        (await Lees(id)).Versie.ShouldBe(versie);
    }

    [Fact]
    public async Task regels_die_de_toestand_kennen_geven_een_duidelijk_probleem()
    {
        var concept = await Concept();
        var id = concept.Id;

        (await Post($"{Afspraken}/{id}/resultaten", Resultaten("2025-K1", 1, 1), Tokens.Werkgever())).ProbleemCode(409).ShouldBe("nog-concept");
        (await Post($"{Afspraken}/{id}/evaluaties", new { oordeel = "succesvol", lessen = "x", aanbevolenVoorHergebruik = true, versie = 1 }, Tokens.Werkgever()))
            .ProbleemCode(409).ShouldBe("nog-concept");
        (await Post($"{Afspraken}/{id}/verlengingen", new { nieuweEinddatum = "2027-01-01", versie = 1 }, Tokens.Werkgever())).ProbleemCode(409).ShouldBe("nog-concept");
        (await Post($"{Afspraken}/{id}/ondertekeningen", new { versie = 1 }, Tokens.Regiopartij(Testdata.UwvGroningen))).ProbleemCode(403).ShouldBe("geen-ondertekenaar");

        await Post($"{Afspraken}/{id}/ondertekeningen", new { versie = 1 }, Tokens.Werkgever());
        (await Post($"{Afspraken}/{id}/ondertekeningen", new { versie = 2 }, Tokens.Werkgever())).ProbleemCode(409).ShouldBe("al-ondertekend");
        (await Post($"{Afspraken}/{id}/resultaten/2025-K1/correcties", new { reden = "x", plaatsingen = 1, naZesMaandenInWerk = 0, naTwaalfMaandenInWerk = 0, uitval = 0, versie = 2 },
            Tokens.Werkgever())).ProbleemCode(404).ShouldBe("periode-niet-geregistreerd");

        await Post($"{Afspraken}/{id}/beeindiging", new { reden = "ingetrokken", toelichting = "Gaat niet door", versie = 2 }, Tokens.Regiopartij());
        (await Post($"{Afspraken}/{id}/ondertekeningen", new { versie = 3 }, Tokens.Regiopartij())).ProbleemCode(409).ShouldBe("afgesloten");
        (await Post($"{Afspraken}/{id}/beeindiging", new { reden = "anders", toelichting = "Nog eens", versie = 3 }, Tokens.Regiopartij())).ProbleemCode(409)
            .ShouldBe("afgesloten");
        (await Lees(id)).Versie.ShouldBe(3);
    }

    [Fact]
    public async Task resultaten_buiten_de_looptijd_of_dubbel_worden_geweigerd()
    {
        var actief = await Actief();
        var url = $"{Afspraken}/{actief.Id}/resultaten";

        (await Post(url, Resultaten("2024-K4", 1, actief.Versie), Tokens.Werkgever())).OngeldigeVelden().ShouldBe(["periode"]);
        (await Post(url, Resultaten("2025-K3", 1, actief.Versie), Tokens.Werkgever())).ProbleemCode(400).ShouldBe("periode-niet-afgelopen");
        (await Post(url, Resultaten("2025-K1", 1, actief.Versie), Tokens.Werkgever())).ProbleemCode(400).ShouldBe("periode-niet-afgelopen");
        NaHetEersteKwartaal();
        (await Post(url, Resultaten("2025-K1", 1, actief.Versie), Tokens.Werkgever())).Status.ShouldBe(200);
        (await Post(url, Resultaten("2025-K1", 2, actief.Versie + 1), Tokens.Werkgever())).ProbleemCode(409).ShouldBe("periode-al-geregistreerd");
    }

    [Fact]
    public async Task alleen_een_regiopartij_van_de_regio_beeindigt()
    {
        var actief = await Actief();

        (await Post($"{Afspraken}/{actief.Id}/beeindiging", new { reden = "anders", toelichting = "x", versie = actief.Versie }, Tokens.Werkgever())).Probleem(403);
        (await Post($"{Afspraken}/{actief.Id}/beeindiging", new { reden = "anders", toelichting = "x", versie = actief.Versie }, Tokens.Auditor())).Probleem(403);
    }

    private static object Lichaam(string activiteit, long? versie)
    {
        var verzoek = Testdata.Afspraak();
        return activiteit switch
        {
            "ondertekeningen" => new { versie },
            "wijzigingen" => new
            {
                reden = "Herzien", titel = "Nieuw", verzoek.Regiopartijen, verzoek.Werkafspraken, verzoek.Doelgroepen, verzoek.Doelstellingen,
                verzoek.Looptijd, versie,
            },
            "resultaten" => new { periode = "2025-K1", plaatsingen = 1, naZesMaandenInWerk = 0, naTwaalfMaandenInWerk = 0, uitval = 0, versie },
            "resultaten/2025-K1/correcties" => new { reden = "Telfout", plaatsingen = 2, naZesMaandenInWerk = 0, naTwaalfMaandenInWerk = 0, uitval = 0, versie },
            "evaluaties" => new { oordeel = "succesvol", lessen = "Goed", aanbevolenVoorHergebruik = true, versie },
            "verlengingen" => new { nieuweEinddatum = "2027-06-30", versie },
            "beeindiging" => new { reden = "anders", toelichting = "Klaar", versie },
            _ => throw new ArgumentOutOfRangeException(nameof(activiteit)),
        };
    }
}
