using System.Globalization;
using Marten;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Werkgevers;

namespace Samenwerkingsafspraken.IntegrationTests.Web;

/// <summary>
/// The beheerder's forms for the delineation and for a merger of employers, through the real host as a browser sends
/// them: the same command and the same event metadata as the API, refused for anyone else, without an antiforgery
/// token, with every problem beside its field, and with a stale version as a conflict that writes nothing.
/// </summary>
public sealed class Indeling_beheren_over_http(ApiFixture fixture) : IntegratieTest(fixture)
{
    private static readonly string[] Anderen = ["gemeente-groningen", "auditor-slw", "werkgever-bouwbedrijf-noord"];

    private static string? RegioVan(Antwoord gemeente) => gemeente.Json["arbeidsmarktregio"]?["code"]?.GetValue<string>();

    [Fact]
    public async Task de_beheerder_verplaatst_een_gemeente_met_een_formulier_als_dezelfde_gebeurtenis_als_de_api()
    {
        const string url = "/gemeenten/GM0050/verplaatsen";
        var velden = new Dictionary<string, string> { ["arbeidsmarktregio"] = "AM11", ["geldigVanaf"] = "2027-01-01", ["reden"] = "Zeewolde sluit aan bij Flevoland" };
        foreach (var wie in Anderen)
        {
            var bezoeker = await AangemeldAls(wie);
            (await bezoeker.Open(url)).Status.ShouldBe(403, wie);
            (await bezoeker.VerstuurMetToken(url, new Dictionary<string, string>(velden) { ["versie"] = "1" })).Status.ShouldBe(403, wie);
        }

        (await Streamversie(Gemeente.StreamId("GM0050"))).ShouldBe(1, "een geweigerd formulier schrijft niets");

        var beheerder = await AangemeldAls("beheerder");
        var formulier = Bezoeker.VerborgenVelden((await beheerder.Open(url)).Tekst);
        formulier.Remove(Bezoeker.Antiforgeryveld);
        (await beheerder.Verstuur(url, new Dictionary<string, string>(formulier) { ["arbeidsmarktregio"] = "AM11", ["geldigVanaf"] = "2027-01-01", ["reden"] = "x" }))
            .Status.ShouldBe(400, "zonder antiforgery-token");

        var ongeldig = await beheerder.VulInEnVerstuur(url, new Dictionary<string, string> { ["arbeidsmarktregio"] = "", ["geldigVanaf"] = "morgen", ["reden"] = "" });
        ongeldig.Status.ShouldBe(400, ongeldig.Tekst);
        ongeldig.Tekst.ShouldContain("foutsamenvatting");
        ongeldig.Tekst.ShouldContain("Kies de regio waar de gemeente naartoe gaat.");
        ongeldig.Tekst.ShouldContain("Geldig vanaf: vul een datum in");
        ongeldig.Tekst.ShouldContain("Vul de reden in");
        ongeldig.Tekst.ShouldContain("veld-arbeidsmarktregio-fout", customMessage: "elke fout staat ook bij haar veld");
        ongeldig.Tekst.ShouldContain("veld-reden-fout");
        (await Streamversie(Gemeente.StreamId("GM0050"))).ShouldBe(1);

        var verplaatst = await beheerder.VulInEnVerstuur(url, velden);
        verplaatst.Status.ShouldBe(302, verplaatst.Tekst);
        verplaatst.Header("Location").ShouldStartWith("/gemeenten?gemeente=GM0050");
        RegioVan(await Get("/v1/gemeenten/GM0050?peildatum=2027-01-01")).ShouldBe("AM11");
        RegioVan(await Get("/v1/gemeenten/GM0050?peildatum=2026-12-31")).ShouldBe("AM06");
        var gebeurtenis = await LaatsteGebeurtenis(Gemeente.StreamId("GM0050"));
        gebeurtenis.Data.ShouldBe(new GemeenteVerplaatst(Gemeente.StreamId("GM0050"), "AM06", "AM11", new DateOnly(2027, 1, 1)));
        gebeurtenis.UserName.ShouldBe("demo-beheerder", "wie het deed, zoals bij de API");
        gebeurtenis.Headers![Metadata.Reden].ToString().ShouldBe("Zeewolde sluit aan bij Flevoland");
    }

    [Fact]
    public async Task een_verplaatsing_op_een_oude_versie_toont_het_conflict_en_het_formulier_opnieuw()
    {
        const string url = "/gemeenten/GM0050/verplaatsen";
        var beheerder = await AangemeldAls("beheerder");
        var formulier = Bezoeker.VerborgenVelden((await beheerder.Open(url)).Tekst);
        formulier["versie"].ShouldBe("1");

        // Meanwhile another beheerder moves it through the API.
        (await Post("/v1/gemeenten/GM0050/verplaatsingen", new { arbeidsmarktregio = "AM11", geldigVanaf = "2027-01-01", reden = "Via de API" },
            Tokens.Beheerder(), IfMatch(1))).Status.ShouldBe(200);

        var velden = new Dictionary<string, string>(formulier) { ["arbeidsmarktregio"] = "AM02", ["geldigVanaf"] = "2028-01-01", ["reden"] = "Mijn reden" };
        var conflict = await beheerder.Verstuur(url, velden);
        conflict.Status.ShouldBe(409, conflict.Tekst);
        conflict.Tekst.ShouldContain("Iemand anders was u voor");
        conflict.Tekst.ShouldContain("Mijn reden", customMessage: "wat de gebruiker typte, blijft staan");
        (await Streamversie(Gemeente.StreamId("GM0050"))).ShouldBe(2, "het formulier schreef niets");

        var opnieuw = Bezoeker.VerborgenVelden(conflict.Tekst);
        opnieuw["versie"].ShouldBe("2");
        var gelukt = await beheerder.Verstuur(url, new Dictionary<string, string>(opnieuw) { ["arbeidsmarktregio"] = "AM02", ["geldigVanaf"] = "2028-01-01", ["reden"] = "Mijn reden" });
        gelukt.Status.ShouldBe(302, gelukt.Tekst);
        RegioVan(await Get("/v1/gemeenten/GM0050?peildatum=2028-01-01")).ShouldBe("AM02");
    }

    [Fact]
    public async Task de_beheerder_deelt_gemeenten_opnieuw_in_met_een_formulier()
    {
        const string url = "/gemeenten/herindelen";
        var velden = new Dictionary<string, string>
        {
            ["opgeheven"] = "GM0512, GM1978", ["code"] = "GM1999", ["naam"] = "Alblasserwaard", ["provincie"] = "PV28", ["geldigVanaf"] = "2027-01-01",
            ["reden"] = "Herindeling per 1 januari 2027",
        };
        foreach (var wie in Anderen)
        {
            (await (await AangemeldAls(wie)).VerstuurMetToken(url, velden)).Status.ShouldBe(403, wie);
        }

        var beheerder = await AangemeldAls("beheerder");
        var ongeldig = await beheerder.VulInEnVerstuur(url, new Dictionary<string, string> { ["opgeheven"] = "GM0512 GM9998", ["code"] = "1999", ["reden"] = "" });
        ongeldig.Status.ShouldBe(400, ongeldig.Tekst);
        ongeldig.Tekst.ShouldContain("Gemeente GM9998 bestaat niet.");
        ongeldig.Tekst.ShouldContain("Een gemeentecode is GM gevolgd door vier cijfers.");
        ongeldig.Tekst.ShouldContain("Vul de reden in");
        ongeldig.Tekst.ShouldContain("GM0512 GM9998", customMessage: "wat de gebruiker typte, blijft staan");

        var heringedeeld = await beheerder.VulInEnVerstuur(url, velden);
        heringedeeld.Status.ShouldBe(302, heringedeeld.Tekst);
        var nieuw = await Get("/v1/gemeenten/GM1999?peildatum=2027-01-01");
        nieuw.Status.ShouldBe(200, nieuw.Tekst);
        RegioVan(nieuw).ShouldBe("AM35");
        nieuw.Json["ontstaanUit"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["GM0512", "GM1978"]);
        (await Get("/v1/gemeenten/GM0512?peildatum=2027-01-01")).Json["opgegaanIn"]!.GetValue<string>().ShouldBe("GM1999");
        (await LaatsteGebeurtenis(Gemeente.StreamId("GM0512"))).UserName.ShouldBe("demo-beheerder");
    }

    [Fact]
    public async Task de_beheerder_hernoemt_splitst_en_heft_een_regio_op_met_formulieren()
    {
        foreach (var wie in Anderen)
        {
            var bezoeker = await AangemeldAls(wie);
            (await bezoeker.Open("/regios/AM06/beheren")).Status.ShouldBe(403, wie);
            (await bezoeker.VerstuurMetToken("/regios/AM06/beheren",
                new Dictionary<string, string> { ["handeling"] = "hernoemen", ["versie"] = "1", ["naam"] = "X", ["geldigVanaf"] = "2027-01-01", ["reden"] = "x" }))
                .Status.ShouldBe(403, wie);
        }

        var beheerder = await AangemeldAls("beheerder");
        var keuze = await beheerder.Open("/regios/AM06/beheren");
        keuze.Status.ShouldBe(200);
        keuze.Tekst.ShouldContain("Stap 1 van 2");

        var hernoemd = await beheerder.VulInEnVerstuur("/regios/AM06/beheren?handeling=hernoemen",
            new Dictionary<string, string> { ["naam"] = "Veluwe en Stedendriehoek", ["geldigVanaf"] = "2027-01-01", ["reden"] = "Nieuwe naam" });
        hernoemd.Status.ShouldBe(302, hernoemd.Tekst);
        (await Get("/v1/arbeidsmarktregios/AM06?peildatum=2027-01-01")).Json["naam"]!.GetValue<string>().ShouldBe("Veluwe en Stedendriehoek");

        var ongeldig = await beheerder.VulInEnVerstuur("/regios/AM06/beheren?handeling=splitsen", new Dictionary<string, string>
        {
            ["delen[0].arbeidsmarktregio"] = "AM41", ["delen[0].gemeenten"] = "GM9997", ["delen[1].arbeidsmarktregio"] = "AM42", ["geldigVanaf"] = "2027-01-01",
            ["reden"] = "",
        });
        ongeldig.Status.ShouldBe(400, ongeldig.Tekst);
        ongeldig.Tekst.ShouldContain("Gemeente GM9997 bestaat niet.");
        ongeldig.Tekst.ShouldContain("Geef de nieuwe regio van dit deel een naam.");
        ongeldig.Tekst.ShouldContain("Noem de gemeenten van dit deel (GM-codes).");
        ongeldig.Tekst.ShouldContain("Vul de reden in");
        ongeldig.Tekst.ShouldContain("veld-delen-0-gemeenten-fout");
        ongeldig.Tekst.ShouldContain("veld-delen-1-gemeenten-fout", customMessage: "de problemen van elk deel tegelijk");

        var gesplitst = await beheerder.VulInEnVerstuur("/regios/AM06/beheren?handeling=splitsen", new Dictionary<string, string>
        {
            ["delen[0].arbeidsmarktregio"] = "AM41", ["delen[0].naam"] = "Zeewolde", ["delen[0].gemeenten"] = "GM0050", ["geldigVanaf"] = "2027-01-01",
            ["reden"] = "Zeewolde apart",
        });
        gesplitst.Status.ShouldBe(302, gesplitst.Tekst);
        RegioVan(await Get("/v1/gemeenten/GM0050?peildatum=2027-01-01")).ShouldBe("AM41");
        (await Get("/v1/arbeidsmarktregios/AM41?peildatum=2027-01-01")).Json["naam"]!.GetValue<string>().ShouldBe("Zeewolde");

        // Ending with a stale version: the form comes back with the conflict; sent again at the current version it ends the region.
        var formulier = Bezoeker.VerborgenVelden((await beheerder.Open("/regios/AM41/beheren?handeling=opheffen")).Tekst);
        (await Post("/v1/arbeidsmarktregios/AM41/hernoemingen", new { naam = "Zeewolde e.o.", geldigVanaf = "2027-06-01", reden = "Via de API" },
            Tokens.Beheerder(), IfMatch(long.Parse(formulier["versie"], CultureInfo.InvariantCulture)))).Status.ShouldBe(200);
        var opheffen = new Dictionary<string, string>(formulier) { ["opvolger"] = "AM11", ["geldigVanaf"] = "2028-01-01", ["reden"] = "Gaat naar Flevoland" };
        var conflict = await beheerder.Verstuur("/regios/AM41/beheren", opheffen);
        conflict.Status.ShouldBe(409, conflict.Tekst);
        conflict.Tekst.ShouldContain("Iemand anders was u voor");
        conflict.Tekst.ShouldContain("Gaat naar Flevoland");
        (await Get("/v1/arbeidsmarktregios/AM41?peildatum=2028-01-01")).Status.ShouldBe(200);

        var opgeheven = await beheerder.Verstuur("/regios/AM41/beheren",
            new Dictionary<string, string>(Bezoeker.VerborgenVelden(conflict.Tekst)) { ["opvolger"] = "AM11", ["geldigVanaf"] = "2028-01-01", ["reden"] = "Gaat naar Flevoland" });
        opgeheven.Status.ShouldBe(302, opgeheven.Tekst);
        RegioVan(await Get("/v1/gemeenten/GM0050?peildatum=2028-01-01")).ShouldBe("AM11");
        (await LaatsteGebeurtenis(Arbeidsmarktregio.StreamId("AM41"))).Data.ShouldBeOfType<ArbeidsmarktregioOpgeheven>().Opvolger.ShouldBe("AM11");
    }

    [Fact]
    public async Task de_beheerder_voegt_regios_samen_met_een_formulier()
    {
        var beheerder = await AangemeldAls("beheerder");
        var samengevoegd = await beheerder.VulInEnVerstuur("/regios/AM06/beheren?handeling=samenvoegen", new Dictionary<string, string>
        {
            ["regios"] = "AM11", ["arbeidsmarktregio"] = "AM41", ["naam"] = "Oost-Veluwe en Flevoland", ["geldigVanaf"] = "2027-01-01", ["reden"] = "Samen verder",
        });
        samengevoegd.Status.ShouldBe(302, samengevoegd.Tekst);
        RegioVan(await Get("/v1/gemeenten/GM0050?peildatum=2027-01-01")).ShouldBe("AM41");
        RegioVan(await Get("/v1/gemeenten/GM0034?peildatum=2027-01-01")).ShouldBe("AM41", "de gemeenten van de andere regio gaan mee");
        RegioVan(await Get("/v1/gemeenten/GM0034?peildatum=2026-12-31")).ShouldBe("AM11");

        var onbekend = await beheerder.VulInEnVerstuur("/regios/AM01/beheren?handeling=samenvoegen", new Dictionary<string, string>
        {
            ["regios"] = "AM98", ["arbeidsmarktregio"] = "AM02", ["geldigVanaf"] = "2027-01-01", ["reden"] = "x",
        });
        onbekend.Status.ShouldBe(400, onbekend.Tekst);
        onbekend.Tekst.ShouldContain("Arbeidsmarktregio AM98 bestaat niet.");
        onbekend.Tekst.ShouldContain("veld-regios-fout", customMessage: "bij het veld van de andere regio's");
    }

    [Fact]
    public async Task de_beheerder_stelt_een_regio_vast_en_wijst_een_centrumgemeente_aan_met_formulieren()
    {
        const string url = "/beheer/indeling?handler=vaststellen";
        var velden = new Dictionary<string, string> { ["code"] = "AM41", ["naam"] = "Noordwest-Veluwe", ["geldigVanaf"] = "2027-01-01", ["reden"] = "Nieuwe regio" };
        foreach (var wie in Anderen)
        {
            var bezoeker = await AangemeldAls(wie);
            (await bezoeker.Open("/beheer/indeling")).Status.ShouldBe(403, wie);
            (await bezoeker.VerstuurMetToken(url, velden)).Status.ShouldBe(403, wie);
        }

        var beheerder = await AangemeldAls("beheerder");
        var formulier = Bezoeker.VerborgenVelden((await beheerder.Open("/beheer/indeling")).Tekst);
        var ongeldig = await beheerder.Verstuur(url, new Dictionary<string, string>(formulier) { ["code"] = "A41", ["naam"] = "", ["geldigVanaf"] = "2027-01-01", ["reden"] = "" });
        ongeldig.Status.ShouldBe(400, ongeldig.Tekst);
        ongeldig.Tekst.ShouldContain("Een regiocode is AM gevolgd door twee cijfers");
        ongeldig.Tekst.ShouldContain("Vul de naam van de nieuwe regio in.");
        ongeldig.Tekst.ShouldContain("Vul de reden in");
        (await Get("/v1/arbeidsmarktregios/AM41")).Status.ShouldBe(404);

        var vastgesteld = await beheerder.Verstuur(url, new Dictionary<string, string>(formulier).Concat(velden).GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Last().Value));
        vastgesteld.Status.ShouldBe(302, vastgesteld.Tekst);
        vastgesteld.Header("Location").ShouldBe("/beheer/indeling?melding=vastgesteld");
        (await Get("/v1/arbeidsmarktregios/AM41?peildatum=2027-01-01")).Json["naam"]!.GetValue<string>().ShouldBe("Noordwest-Veluwe");
        (await LaatsteGebeurtenis(Arbeidsmarktregio.StreamId("AM41"))).UserName.ShouldBe("demo-beheerder");

        var buiten = await beheerder.VulInEnVerstuur("/regios/AM06/beheren?handeling=centrumgemeente",
            new Dictionary<string, string> { ["gemeente"] = "GM0014", ["geldigVanaf"] = "2027-01-01", ["reden"] = "Centrum" });
        buiten.Status.ShouldBe(409, buiten.Tekst);
        buiten.Tekst.ShouldContain("Dit kon niet");
        var centrum = await beheerder.VulInEnVerstuur("/regios/AM06/beheren?handeling=centrumgemeente",
            new Dictionary<string, string> { ["gemeente"] = "GM0200", ["geldigVanaf"] = "2027-01-01", ["reden"] = "Apeldoorn is centrumgemeente" });
        centrum.Status.ShouldBe(302, centrum.Tekst);
        (await Get("/v1/arbeidsmarktregios/AM06?peildatum=2027-01-01")).Json["centrumgemeente"]!.GetValue<string>().ShouldBe("GM0200");
    }

    [Fact]
    public async Task de_beheerder_laadt_het_cbs_bestand_na_een_proefrun_die_precies_de_gebeurtenissen_toont()
    {
        const string url = "/beheer/indeling/cbs-bestand";
        foreach (var wie in Anderen)
        {
            (await (await AangemeldAls(wie)).Open(url)).Status.ShouldBe(403, wie);
        }

        var beheerder = await AangemeldAls("beheerder");
        var leeg = await beheerder.VerstuurBestand(url + "?handler=proef", Bezoeker.VerborgenVelden((await beheerder.Open(url)).Tekst), "bestand", "leeg.csv",
            "name,code\nAssen,GM0106\n");
        leeg.Status.ShouldBe(400, leeg.Tekst);
        leeg.Tekst.ShouldContain("foutsamenvatting");
        leeg.Tekst.ShouldContain("Kolom year");

        var proef = await beheerder.VerstuurBestand(url + "?handler=proef", Bezoeker.VerborgenVelden((await beheerder.Open(url)).Tekst), "bestand",
            "gebieden-2027.csv", Cbsbestanden.Bestand2027());
        proef.Status.ShouldBe(200, proef.Tekst);
        proef.Tekst.ShouldContain("Proefrun: 3 gebeurtenissen");
        proef.Tekst.ShouldContain("GemeenteVerplaatst");
        proef.Tekst.ShouldContain("GemeenteHernoemd");
        proef.Tekst.ShouldContain("GemeenteOpgeheven");
        RegioVan(await Get("/v1/gemeenten/GM0050?peildatum=2027-01-01")).ShouldBe("AM06", "een proefrun legt niets vast");

        var laden = Bezoeker.VerborgenVelden(proef.Tekst);
        laden["plan"].ShouldNotBeNullOrEmpty();
        var geladen = await beheerder.Verstuur(url + "?handler=laden", laden);
        geladen.Status.ShouldBe(302, geladen.Tekst);
        geladen.Header("Location").ShouldStartWith("/beheer/indeling?melding=cbs-geladen&gebeurtenissen=3");
        RegioVan(await Get("/v1/gemeenten/GM0050?peildatum=2027-01-01")).ShouldBe("AM11");
        (await LaatsteGebeurtenis(Gemeente.StreamId("GM0050"))).UserName.ShouldBe("demo-beheerder");
        (await beheerder.Open("/beheer/indeling?melding=cbs-geladen&gebeurtenissen=3")).Tekst.ShouldContain("3 gebeurtenissen vastgelegd");
    }

    [Fact]
    public async Task een_plan_dat_intussen_veranderde_wordt_niet_geladen_en_het_nieuwe_plan_staat_er()
    {
        const string url = "/beheer/indeling/cbs-bestand";
        var beheerder = await AangemeldAls("beheerder");
        var proef = await beheerder.VerstuurBestand(url + "?handler=proef", Bezoeker.VerborgenVelden((await beheerder.Open(url)).Tekst), "bestand",
            "gebieden-2027.csv", Cbsbestanden.Bestand2027());
        proef.Status.ShouldBe(200, proef.Tekst);

        // Meanwhile Zeewolde is moved through the API: the file's plan has one event fewer now.
        (await Post("/v1/gemeenten/GM0050/verplaatsingen", new { arbeidsmarktregio = "AM11", geldigVanaf = "2027-01-01", reden = "Via de API" },
            Tokens.Beheerder(), IfMatch(1))).Status.ShouldBe(200);

        var verouderd = await beheerder.Verstuur(url + "?handler=laden", Bezoeker.VerborgenVelden(proef.Tekst));
        verouderd.Status.ShouldBe(409, verouderd.Tekst);
        verouderd.Tekst.ShouldContain("Het register veranderde sinds uw proefrun");
        verouderd.Tekst.ShouldContain("Proefrun: 2 gebeurtenissen");
        (await Get("/v1/gemeenten/GM0888?peildatum=2027-01-01")).Json["naam"]!.GetValue<string>().ShouldBe("Beek (L.)", "er is niets geladen");

        var geladen = await beheerder.Verstuur(url + "?handler=laden", Bezoeker.VerborgenVelden(verouderd.Tekst));
        geladen.Status.ShouldBe(302, geladen.Tekst);
        (await Get("/v1/gemeenten/GM0888?peildatum=2027-01-01")).Json["naam"]!.GetValue<string>().ShouldBe("Beek");
    }

    [Fact]
    public async Task de_beheerder_voegt_een_werkgever_samen_en_zijn_afspraken_gaan_mee()
    {
        var concept = await Concept();
        await WerkgeverGeregistreerd(Testdata.AndereKvk);
        var url = $"/werkgevers/{Testdata.Kvk}/samenvoegen";
        var velden = new Dictionary<string, string> { ["opgegaanIn"] = Testdata.AndereKvk, ["datum"] = "2025-07-01", ["reden"] = "Fusie" };
        foreach (var wie in Anderen)
        {
            (await (await AangemeldAls(wie)).VerstuurMetToken(url, new Dictionary<string, string>(velden) { ["versie"] = "1" })).Status.ShouldBe(403, wie);
        }

        var beheerder = await AangemeldAls("beheerder");
        (await beheerder.Open($"/werkgevers/{Testdata.Kvk}")).Tekst.ShouldContain(url, customMessage: "de werkgeverpagina wijst de beheerder de weg");
        var ongeldig = await beheerder.VulInEnVerstuur(url, new Dictionary<string, string> { ["opgegaanIn"] = "123", ["datum"] = "", ["reden"] = "" });
        ongeldig.Status.ShouldBe(400, ongeldig.Tekst);
        ongeldig.Tekst.ShouldContain("Het KvK-nummer van de opvolger: precies 8 cijfers.");
        ongeldig.Tekst.ShouldContain("Vul de datum van de samenvoeging in.");
        ongeldig.Tekst.ShouldContain("Vul de reden in");

        var samengevoegd = await beheerder.VulInEnVerstuur(url, velden);
        samengevoegd.Status.ShouldBe(302, samengevoegd.Tekst);
        samengevoegd.Header("Location").ShouldBe($"/werkgevers/{Testdata.AndereKvk}?melding=samengevoegd");
        (await Lees(concept.Id)).Werkgever.KvkNummer.ShouldBe(Testdata.AndereKvk);
        (await Get($"/v1/werkgevers/{Testdata.Kvk}", Tokens.Beheerder())).Json["status"]!.GetValue<string>().ShouldNotBe("actief");
        (await LaatsteGebeurtenis(concept.Id)).UserName.ShouldBe("demo-beheerder");

        // The form of the employer that went, sent again: it is no longer active, said above the form.
        var nogEens = await beheerder.VerstuurMetToken(url, new Dictionary<string, string>(velden) { ["versie"] = "2" });
        nogEens.Status.ShouldBe(409, nogEens.Tekst);
        nogEens.Tekst.ShouldContain("Dit kon niet");
    }



    private async Task<long> Streamversie(Guid id)
    {
        await using var sessie = Service<IDocumentStore>().QuerySession();
        return (await sessie.Events.FetchStreamStateAsync(id))?.Version ?? 0;
    }

    private async Task<JasperFx.Events.IEvent> LaatsteGebeurtenis(Guid id)
    {
        await using var sessie = Service<IDocumentStore>().QuerySession();
        return (await sessie.Events.FetchStreamAsync(id))[^1];
    }
}
