using Marten;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Web;

/// <summary>
/// The forms of the web application through the real host, as a browser sends them (session cookie, antiforgery
/// token, the form's hidden version): the refusal is on the POST itself, not only on the page that shows the form,
/// and a refused form writes nothing. Each refusal has its admitted counterpart, so that a test can fail.
/// </summary>
public sealed class Formulieren_over_http(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task een_andere_werkgever_of_een_auditor_ondertekent_niet_ook_niet_met_een_eigen_post()
    {
        var concept = await Concept();
        var url = $"/afspraken/{concept.Id}/ondertekenen";
        var velden = new Dictionary<string, string> { ["versie"] = "1", ["formuliersleutel"] = Guid.NewGuid().ToString("N") };

        foreach (var wie in new[] { "werkgever-zorggroep-oost", "auditor-slw", "gemeente-assen" })
        {
            var bezoeker = await AangemeldAls(wie);
            (await bezoeker.Open(url)).Status.ShouldBe(403, wie);
            var geweigerd = await bezoeker.VerstuurMetToken(url, velden);
            geweigerd.Status.ShouldBe(403, $"{wie}: {geweigerd.Tekst}");
            geweigerd.ContentType.ShouldStartWith("text/html");
            geweigerd.Tekst.ShouldContain("Geen toegang");
        }

        (await Streamversie(concept.Id)).ShouldBe(1, "een geweigerd formulier schrijft niets");

        var werkgever = await AangemeldAls("werkgever-bouwbedrijf-noord");
        var getekend = await werkgever.VulInEnVerstuur(url, new Dictionary<string, string>());
        getekend.Status.ShouldBe(302, getekend.Tekst);
        getekend.Header("Location").ShouldBe($"/afspraken/{concept.Id}?melding=ondertekend");
        (await Streamversie(concept.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task een_regiopartij_van_een_andere_regio_of_de_werkgever_beeindigt_niet_en_registreert_geen_resultaten()
    {
        var actief = await Actief();
        NaHetEersteKwartaal();
        var versie = actief.Versie.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var beeindigen = new Dictionary<string, string> { ["versie"] = versie, ["reden"] = "doelen-bereikt", ["toelichting"] = "Klaar." };
        var resultaten = new Dictionary<string, string>
        {
            ["versie"] = versie, ["periode"] = "2025-K1", ["plaatsingen"] = "2", ["naZesMaandenInWerk"] = "0", ["naTwaalfMaandenInWerk"] = "0", ["uitval"] = "0",
        };

        var assen = await AangemeldAls("gemeente-assen");
        (await assen.VerstuurMetToken($"/afspraken/{actief.Id}/beeindigen", beeindigen)).Status.ShouldBe(403);
        (await assen.VerstuurMetToken($"/afspraken/{actief.Id}/resultaten", resultaten)).Status.ShouldBe(403);
        var werkgever = await AangemeldAls("werkgever-bouwbedrijf-noord");
        (await werkgever.VerstuurMetToken($"/afspraken/{actief.Id}/beeindigen", beeindigen)).Status.ShouldBe(403, "beëindigen is aan de regio");
        (await Streamversie(actief.Id)).ShouldBe(actief.Versie, "een geweigerd formulier schrijft niets");

        var groningen = await AangemeldAls("gemeente-groningen");
        var geregistreerd = await groningen.VulInEnVerstuur($"/afspraken/{actief.Id}/resultaten", resultaten);
        geregistreerd.Status.ShouldBe(302, geregistreerd.Tekst);
        var beeindigd = await groningen.VulInEnVerstuur($"/afspraken/{actief.Id}/beeindigen",
            new Dictionary<string, string> { ["reden"] = "doelen-bereikt", ["toelichting"] = "Klaar." });
        beeindigd.Status.ShouldBe(302, beeindigd.Tekst);
        (await Lees(actief.Id)).Status.ShouldBe(AfspraakStatus.Beeindigd);
    }

    [Fact]
    public async Task over_een_hergebruikverzoek_besluit_alleen_de_gevraagde_regio_en_trekt_alleen_de_eigen_werkgever_in()
    {
        var bron = await Bewezen();
        var verzoek = (await VraagHergebruik(bron.Id)).Als<HergebruikverzoekWeergave>();
        var afwijzen = new Dictionary<string, string>
        {
            ["besluit"] = "afgewezen", ["versie"] = "1", ["reden"] = "geen-capaciteit", ["toelichting"] = "Nu niet.",
        };

        foreach (var wie in new[] { "gemeente-assen", "gemeente-groningen", "werkgever-bouwbedrijf-noord" })
        {
            var geweigerd = await (await AangemeldAls(wie)).VerstuurMetToken($"/hergebruikverzoeken/{verzoek.Id}/besluit", afwijzen);
            geweigerd.Status.ShouldBe(403, $"{wie}: {geweigerd.Tekst}");
        }

        var intrekken = new Dictionary<string, string> { ["versie"] = "1", ["toelichting"] = "Toch niet." };
        foreach (var wie in new[] { "werkgever-zorggroep-oost", "gemeente-leeuwarden" })
        {
            (await (await AangemeldAls(wie)).VerstuurMetToken($"/hergebruikverzoeken/{verzoek.Id}/intrekken", intrekken)).Status.ShouldBe(403, wie);
        }

        (await Streamversie(verzoek.Id)).ShouldBe(1, "een geweigerd formulier schrijft niets");

        var leeuwarden = await AangemeldAls("gemeente-leeuwarden");
        var afgewezen = await leeuwarden.VulInEnVerstuur($"/hergebruikverzoeken/{verzoek.Id}/besluit?besluit=afgewezen", afwijzen);
        afgewezen.Status.ShouldBe(302, afgewezen.Tekst);
        (await Streamversie(verzoek.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task een_formulier_zonder_antiforgerytoken_wordt_geweigerd_en_schrijft_niets()
    {
        var concept = await Concept();
        var werkgever = await AangemeldAls("werkgever-bouwbedrijf-noord");
        var url = $"/afspraken/{concept.Id}/ondertekenen";
        var formulier = Bezoeker.VerborgenVelden((await werkgever.Open(url)).Tekst);
        formulier.ShouldContainKey(Bezoeker.Antiforgeryveld);

        var zonder = new Dictionary<string, string>(formulier);
        zonder.Remove(Bezoeker.Antiforgeryveld);
        var geweigerd = await werkgever.Verstuur(url, zonder);
        geweigerd.Status.ShouldBe(400);
        geweigerd.ContentType.ShouldStartWith("text/html");

        var vervalst = new Dictionary<string, string>(formulier) { [Bezoeker.Antiforgeryveld] = "CfDJ8vervalst" };
        (await werkgever.Verstuur(url, vervalst)).Status.ShouldBe(400);

        // A token is bound to the person it was given to: another signed-in person's token does not pass.
        var anderToken = Bezoeker.VerborgenVelden((await (await AangemeldAls("gemeente-groningen")).Open("/")).Tekst)[Bezoeker.Antiforgeryveld];
        (await werkgever.Verstuur(url, new Dictionary<string, string>(formulier) { [Bezoeker.Antiforgeryveld] = anderToken })).Status.ShouldBe(400);
        (await Streamversie(concept.Id)).ShouldBe(1);

        (await werkgever.Verstuur(url, formulier)).Status.ShouldBe(302, "met het eigen token gaat hetzelfde formulier wel");
        (await Streamversie(concept.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task een_formulier_voor_een_oude_versie_toont_het_conflict_en_schrijft_niets()
    {
        var actief = await Actief();
        NaHetEersteKwartaal();
        var groningen = await AangemeldAls("gemeente-groningen");
        var url = $"/afspraken/{actief.Id}/beeindigen";
        var formulier = Bezoeker.VerborgenVelden((await groningen.Open(url)).Tekst);
        formulier["versie"].ShouldBe(actief.Versie.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Meanwhile UWV records the first quarter through the API.
        var tussendoor = await Post($"{Afspraken}/{actief.Id}/resultaten", Resultaten("2025-K1", 3, actief.Versie), Tokens.Regiopartij(Testdata.UwvGroningen));
        tussendoor.Status.ShouldBe(200, tussendoor.Tekst);

        var conflict = await groningen.Verstuur(url, new Dictionary<string, string>(formulier) { ["reden"] = "doelen-bereikt", ["toelichting"] = "Klaar." });
        conflict.Status.ShouldBe(409, conflict.Tekst);
        conflict.ContentType.ShouldStartWith("text/html");
        conflict.Tekst.ShouldContain("Iemand anders was u voor");
        conflict.Tekst.ShouldContain("Resultaten over 2025-K1 geregistreerd");
        conflict.Tekst.ShouldContain("Klaar.", customMessage: "wat de gebruiker typte, blijft staan");
        (await Streamversie(actief.Id)).ShouldBe(tussendoor.Versie, "het formulier schreef niets");
        (await Lees(actief.Id)).Status.ShouldBe(AfspraakStatus.Actief);

        // The form shown with the conflict carries the current version: sending it again ends the agreement.
        var opnieuw = Bezoeker.VerborgenVelden(conflict.Tekst);
        opnieuw["versie"].ShouldBe(tussendoor.Versie.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var beeindigd = await groningen.Verstuur(url, new Dictionary<string, string>(opnieuw) { ["reden"] = "doelen-bereikt", ["toelichting"] = "Klaar." });
        beeindigd.Status.ShouldBe(302, beeindigd.Tekst);
        (await Lees(actief.Id)).Status.ShouldBe(AfspraakStatus.Beeindigd);
    }

    [Fact]
    public async Task alleen_de_werkgever_zelf_deelt_zijn_referenties_en_trekt_een_deling_in_als_dezelfde_gebeurtenis_als_de_api()
    {
        await WerkgeverGeregistreerd();
        var url = $"/werkgevers/{Testdata.Kvk}/referenties/delen";
        var delen = new Dictionary<string, string> { ["versie"] = "0", ["arbeidsmarktregio"] = "AM13", ["toelichting"] = "Vestiging in Utrecht." };
        foreach (var wie in new[] { "werkgever-zorggroep-oost", "gemeente-utrecht", "auditor-slw" })
        {
            (await (await AangemeldAls(wie)).VerstuurMetToken(url, delen)).Status.ShouldBe(403, wie);
        }

        (await Streamversie(Samenwerkingsafspraken.Referenties.Delen.Referentiedelingen.StreamId(Testdata.Kvk))).ShouldBe(0, "een geweigerd formulier schrijft niets");

        var werkgever = await AangemeldAls("werkgever-bouwbedrijf-noord");
        var zonderRegio = await werkgever.VulInEnVerstuur(url, new Dictionary<string, string> { ["toelichting"] = "Vestiging in Utrecht." });
        zonderRegio.Status.ShouldBe(400);
        zonderRegio.Tekst.ShouldContain("Vestiging in Utrecht.", customMessage: "wat de gebruiker typte, blijft staan");

        var gedeeld = await werkgever.VulInEnVerstuur(url, new Dictionary<string, string> { ["arbeidsmarktregio"] = "AM13", ["toelichting"] = "Vestiging in Utrecht." });
        gedeeld.Status.ShouldBe(302, gedeeld.Tekst);

        // Every form on the page carries its own antiforgery token (a form with an explicit action gets none unless asked).
        var pagina = (await werkgever.Open(url)).Tekst;
        var formulieren = System.Text.RegularExpressions.Regex.Matches(pagina, "<form\\b.*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline);
        formulieren.Count.ShouldBe(3, "afmelden, een deling intrekken, delen");
        formulieren.ShouldAllBe(f => f.Value.Contains(Bezoeker.Antiforgeryveld));
        var api = await Get($"/v1/werkgevers/{Testdata.Kvk}/referentiedelingen", Tokens.Werkgever());
        api.Json["delingen"]![0]!["arbeidsmarktregio"]!.GetValue<string>().ShouldBe("AM13");
        api.Json["delingen"]![0]!["toelichting"]!.GetValue<string>().ShouldBe("Vestiging in Utrecht.");
        await using (var sessie = Service<IDocumentStore>().QuerySession())
        {
            var gebeurtenis = (await sessie.Events.FetchStreamAsync(Samenwerkingsafspraken.Referenties.Delen.Referentiedelingen.StreamId(Testdata.Kvk))).Single();
            gebeurtenis.Data.ShouldBeOfType<Samenwerkingsafspraken.Referenties.Delen.ReferentiesGedeeld>();
            gebeurtenis.UserName.ShouldBe("demo-werkgever-bouwbedrijf-noord", "wie het deed, zoals bij de API");
        }

        // A second form opened before the first sharing (version 0) is a conflict now, not a second first sharing.
        var verouderd = await werkgever.VerstuurMetToken(url, new Dictionary<string, string>(delen) { ["arbeidsmarktregio"] = "AM02" });
        verouderd.Status.ShouldBe(409, verouderd.Tekst);
        verouderd.Tekst.ShouldContain("Iemand anders was u voor");

        var ingetrokken = await werkgever.VulInEnVerstuur(url + "?handler=intrekken", new Dictionary<string, string> { ["code"] = "AM13" });
        ingetrokken.Status.ShouldBe(302, ingetrokken.Tekst);
        (await Get($"/v1/werkgevers/{Testdata.Kvk}/referentiedelingen", Tokens.Werkgever())).Json["delingen"]!.AsArray().Count.ShouldBe(0);
    }

    private async Task<long> Streamversie(Guid id)
    {
        await using var sessie = Service<IDocumentStore>().QuerySession();
        return (await sessie.Events.FetchStreamStateAsync(id))?.Version ?? 0;
    }
}
