using System.Globalization;
using Marten;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Werkgevers;

namespace Samenwerkingsafspraken.IntegrationTests.Web;

/// <summary>
/// The forms for an employer's vestigingen, its deregistration at the KvK and the correction of a quarter's vervulling,
/// through the real host as a browser sends them: each write is the API's event with the API's metadata, each refusal
/// of the API (another organisation, invalid input listing every problem, a stale version) is shown on the page, and
/// a form without its antiforgery token is refused before anything is read.
/// </summary>
public sealed class Formulieren_voor_vestigingen_uitschrijving_en_vervulling(ApiFixture fixture) : IntegratieTest(fixture)
{
    private const string Vestigingen = $"/werkgevers/{Testdata.Kvk}/vestigingen";

    [Fact]
    public async Task de_werkgever_voegt_een_vestiging_toe_verhuist_en_sluit_haar_en_de_regio_volgt_uit_de_gemeente()
    {
        await WerkgeverGeregistreerd();
        var toevoegen = new Dictionary<string, string> { ["versie"] = "1", ["vestigingsnummer"] = "000087654321", ["gemeente"] = "GM0014" };
        foreach (var wie in new[] { "werkgever-zorggroep-oost", "gemeente-groningen", "auditor-slw" })
        {
            var bezoeker = await AangemeldAls(wie);
            (await bezoeker.Open(Vestigingen)).Status.ShouldBe(403, wie);
            (await bezoeker.VerstuurMetToken(Vestigingen, toevoegen)).Status.ShouldBe(403, wie);
        }

        (await Streamversie(Werkgever.StreamId(Testdata.Kvk))).ShouldBe(1, "een geweigerd formulier schrijft niets");

        var werkgever = await AangemeldAls("werkgever-bouwbedrijf-noord");
        var zonderToken = Bezoeker.VerborgenVelden((await werkgever.Open(Vestigingen)).Tekst);
        zonderToken.Remove(Bezoeker.Antiforgeryveld);
        (await werkgever.Verstuur(Vestigingen, new Dictionary<string, string>(zonderToken) { ["vestigingsnummer"] = "000087654321", ["gemeente"] = "GM0014" }))
            .Status.ShouldBe(400);

        var ongeldig = await werkgever.VulInEnVerstuur(Vestigingen, new Dictionary<string, string> { ["vestigingsnummer"] = "8765-4321", ["gemeente"] = "" });
        ongeldig.Status.ShouldBe(400, ongeldig.Tekst);
        ongeldig.Tekst.ShouldContain("Een vestigingsnummer bestaat uit precies 12 cijfers.");
        ongeldig.Tekst.ShouldContain("href=\"#veld-gemeente\"", customMessage: "alle problemen tegelijk");
        ongeldig.Tekst.ShouldContain("href=\"#veld-vestigingsnummer\"", customMessage: "de foutsamenvatting linkt naar het veld");
        ongeldig.Tekst.ShouldContain("value=\"8765-4321\"", customMessage: "wat de gebruiker typte, blijft staan");

        var toegevoegd = await werkgever.VulInEnVerstuur(Vestigingen, new Dictionary<string, string> { ["vestigingsnummer"] = "000087654321", ["gemeente"] = "GM0014" });
        toegevoegd.Status.ShouldBe(302, toegevoegd.Tekst);
        toegevoegd.Header("Location").ShouldBe($"{Vestigingen}?melding=toegevoegd");
        var api = await Get($"/v1/werkgevers/{Testdata.Kvk}", Tokens.Werkgever());
        api.Json["vestigingen"]![1]!["gemeente"]!.GetValue<string>().ShouldBe("GM0014");
        api.Json["vestigingen"]![1]!["arbeidsmarktregio"]!.GetValue<string>().ShouldBe("AM01", "de regio volgt uit de gemeente");
        var gebeurtenis = await LaatsteGebeurtenis(Werkgever.StreamId(Testdata.Kvk));
        var vestigingToegevoegd = gebeurtenis.Data.ShouldBeOfType<VestigingToegevoegd>();
        vestigingToegevoegd.Vestigingsnummer.ShouldBe("000087654321");
        vestigingToegevoegd.Gemeente.ShouldBe("GM0014");
        vestigingToegevoegd.Arbeidsmarktregio.ShouldBe("AM01");
        gebeurtenis.UserName.ShouldBe("demo-werkgever-bouwbedrijf-noord", "wie het deed, zoals bij de API");
        (await werkgever.Open($"{Vestigingen}?melding=toegevoegd")).Tekst.ShouldContain("De vestiging is toegevoegd.");

        // A form opened at version 1 is stale now: the conflict is explained and the form comes back at the current version.
        var verouderd = await werkgever.VerstuurMetToken(Vestigingen, new Dictionary<string, string>(toevoegen) { ["vestigingsnummer"] = "000011112222" });
        verouderd.Status.ShouldBe(409, verouderd.Tekst);
        verouderd.Tekst.ShouldContain("Iemand anders was u voor");
        Bezoeker.VerborgenVelden(verouderd.Tekst)["versie"].ShouldBe("2");
        (await Streamversie(Werkgever.StreamId(Testdata.Kvk))).ShouldBe(2);

        var vestiging = $"{Vestigingen}/000087654321";
        var verhuisd = await werkgever.VulInEnVerstuur($"{vestiging}?handler=verhuizen", new Dictionary<string, string> { ["gemeente"] = "GM0080" });
        verhuisd.Status.ShouldBe(302, verhuisd.Tekst);
        (await Get($"/v1/werkgevers/{Testdata.Kvk}", Tokens.Werkgever())).Json["vestigingen"]![1]!["arbeidsmarktregio"]!.GetValue<string>().ShouldBe("AM02");

        var zonderReden = await werkgever.VulInEnVerstuur($"{vestiging}?handler=sluiten", new Dictionary<string, string> { ["reden"] = "" });
        zonderReden.Status.ShouldBe(400, zonderReden.Tekst);
        zonderReden.Tekst.ShouldContain("href=\"#veld-reden\"");
        var gesloten = await werkgever.VulInEnVerstuur($"{vestiging}?handler=sluiten", new Dictionary<string, string> { ["reden"] = "Verhuisd naar het hoofdkantoor." });
        gesloten.Status.ShouldBe(302, gesloten.Tekst);
        (await LaatsteGebeurtenis(Werkgever.StreamId(Testdata.Kvk))).Data.ShouldBeOfType<VestigingGesloten>().Reden.ShouldBe("Verhuisd naar het hoofdkantoor.");
        (await werkgever.Open(vestiging)).Status.ShouldBe(404, "een gesloten vestiging heeft geen formulier meer");
    }

    [Fact]
    public async Task alleen_de_beheerder_legt_een_uitschrijving_vast_met_datum_en_reden()
    {
        await WerkgeverGeregistreerd();
        var url = $"/werkgevers/{Testdata.Kvk}/uitschrijven";
        var velden = new Dictionary<string, string> { ["versie"] = "1", ["datum"] = "2025-03-01", ["reden"] = "Opgeheven." };
        foreach (var wie in new[] { "werkgever-bouwbedrijf-noord", "gemeente-groningen", "auditor-slw" })
        {
            var bezoeker = await AangemeldAls(wie);
            (await bezoeker.Open(url)).Status.ShouldBe(403, wie);
            (await bezoeker.VerstuurMetToken(url, velden)).Status.ShouldBe(403, wie);
        }

        var beheerder = await AangemeldAls("beheerder");
        var formulier = Bezoeker.VerborgenVelden((await beheerder.Open(url)).Tekst);
        var zonderToken = new Dictionary<string, string>(formulier) { ["datum"] = "2025-03-01", ["reden"] = "Opgeheven." };
        zonderToken.Remove(Bezoeker.Antiforgeryveld);
        (await beheerder.Verstuur(url, zonderToken)).Status.ShouldBe(400);

        var ongeldig = await beheerder.VulInEnVerstuur(url, new Dictionary<string, string> { ["datum"] = "1 maart", ["reden"] = "" });
        ongeldig.Status.ShouldBe(400, ongeldig.Tekst);
        ongeldig.Tekst.ShouldContain("href=\"#veld-datum\"");
        ongeldig.Tekst.ShouldContain("href=\"#veld-reden\"", customMessage: "alle problemen tegelijk");
        (await Streamversie(Werkgever.StreamId(Testdata.Kvk))).ShouldBe(1);

        // Meanwhile the employer renames itself through the API: the form opened before is stale.
        (await Post($"/v1/werkgevers/{Testdata.Kvk}/wijzigingen", new { naam = "Bouwbedrijf Noord Holding B.V.", versie = 1 }, Tokens.Werkgever())).Status.ShouldBe(200);
        var verouderd = await beheerder.Verstuur(url, new Dictionary<string, string>(formulier) { ["datum"] = "2025-03-01", ["reden"] = "Opgeheven." });
        verouderd.Status.ShouldBe(409, verouderd.Tekst);
        verouderd.Tekst.ShouldContain("Iemand anders was u voor");
        verouderd.Tekst.ShouldContain("Opgeheven.", customMessage: "wat de gebruiker typte, blijft staan");

        var opnieuw = await beheerder.Verstuur(url, new Dictionary<string, string>(Bezoeker.VerborgenVelden(verouderd.Tekst)) { ["datum"] = "2025-03-01", ["reden"] = "Opgeheven." });
        opnieuw.Status.ShouldBe(302, opnieuw.Tekst);
        opnieuw.Header("Location").ShouldBe($"/werkgevers/{Testdata.Kvk}?melding=uitgeschreven");
        var gebeurtenis = await LaatsteGebeurtenis(Werkgever.StreamId(Testdata.Kvk));
        gebeurtenis.Data.ShouldBeOfType<WerkgeverUitgeschreven>().Datum.ShouldBe(new DateOnly(2025, 3, 1));
        gebeurtenis.UserName.ShouldBe("demo-beheerder");
        (await Get($"/v1/werkgevers/{Testdata.Kvk}", Tokens.Beheerder())).Json["status"]!.GetValue<string>().ShouldBe("uitgeschreven");
    }

    [Fact]
    public async Task een_partij_corrigeert_de_vervulling_van_een_kwartaal_een_ander_niet()
    {
        var afspraak = await MetWerkaanbod();
        Tijd.Zet(new DateTimeOffset(2025, 4, 10, 10, 0, 0, TimeSpan.FromHours(2)));
        var gemeld = await Post($"{Afspraken}/{afspraak.Id}/vervullingen",
            new { periode = "2025-K1", regels = new[] { new { sector = "bouw", functie = "Timmerman", vervuld = 3 } }, versie = afspraak.Versie }, Tokens.Werkgever());
        gemeld.Status.ShouldBe(200, gemeld.Tekst);
        var url = $"/afspraken/{afspraak.Id}/vervulling/2025-K1/correctie";
        var velden = new Dictionary<string, string> { ["versie"] = gemeld.Versie.ToString(CultureInfo.InvariantCulture), ["regels[0].vervuld"] = "4", ["reden"] = "Later gemeld." };

        foreach (var wie in new[] { "gemeente-assen", "werkgever-zorggroep-oost", "auditor-slw" })
        {
            var bezoeker = await AangemeldAls(wie);
            (await bezoeker.Open(url)).Status.ShouldBe(403, wie);
            (await bezoeker.VerstuurMetToken(url, velden)).Status.ShouldBe(403, wie);
        }

        var groningen = await AangemeldAls("gemeente-groningen");
        (await groningen.Open($"/afspraken/{afspraak.Id}/vervulling")).Tekst.ShouldContain(url, customMessage: "de vervullingspagina linkt naar de correctie");
        var formulier = Bezoeker.VerborgenVelden((await groningen.Open(url)).Tekst);
        var zonderToken = new Dictionary<string, string>(formulier) { ["regels[0].vervuld"] = "4", ["reden"] = "Later gemeld." };
        zonderToken.Remove(Bezoeker.Antiforgeryveld);
        (await groningen.Verstuur(url, zonderToken)).Status.ShouldBe(400);

        var ongeldig = await groningen.VulInEnVerstuur(url, new Dictionary<string, string> { ["regels[0].vervuld"] = "-1", ["reden"] = "" });
        ongeldig.Status.ShouldBe(400, ongeldig.Tekst);
        ongeldig.Tekst.ShouldContain("href=\"#veld-reden\"");
        ongeldig.Tekst.ShouldContain("href=\"#veld-regels-0-vervuld\"", customMessage: "alle problemen tegelijk, elk bij zijn veld");
        (await Streamversie(afspraak.Id)).ShouldBe(gemeld.Versie);

        (await Post($"{Afspraken}/{afspraak.Id}/resultaten", Resultaten("2025-K1", 1, gemeld.Versie), Tokens.Regiopartij())).Status.ShouldBe(200);
        var verouderd = await groningen.Verstuur(url, new Dictionary<string, string>(formulier) { ["regels[0].vervuld"] = "4", ["reden"] = "Later gemeld." });
        verouderd.Status.ShouldBe(409, verouderd.Tekst);
        verouderd.Tekst.ShouldContain("Resultaten over 2025-K1 geregistreerd", customMessage: "wat er intussen gebeurde");

        var gecorrigeerd = await groningen.Verstuur(url,
            new Dictionary<string, string>(Bezoeker.VerborgenVelden(verouderd.Tekst)) { ["regels[0].vervuld"] = "4", ["reden"] = "Later gemeld." });
        gecorrigeerd.Status.ShouldBe(302, gecorrigeerd.Tekst);
        gecorrigeerd.Header("Location").ShouldBe($"/afspraken/{afspraak.Id}?melding=vervulling-gecorrigeerd");
        var gebeurtenis = await LaatsteGebeurtenis(afspraak.Id);
        var correctie = gebeurtenis.Data.ShouldBeOfType<VervullingGecorrigeerd>();
        correctie.Vervullingen.ShouldBe([new Vervulling("bouw", "Timmerman", "praktijkroute", 4, 4)]);
        correctie.Reden.ShouldBe("Later gemeld.");
        gebeurtenis.UserName.ShouldBe("demo-gemeente-groningen");
    }

    private async Task<SamenwerkingsafspraakWeergave> MetWerkaanbod()
    {
        (await Post("/v1/werkgevers", Testdata.Werkgever(), Tokens.Regiopartij())).Status.ShouldBe(201);
        var concept = await Post(Afspraken, Testdata.Afspraak() with
        {
            Werkaanbod = [new("bouw", "Timmerman", "praktijkroute", 4, new DateOnly(2025, 1, 1))],
        }, Tokens.Regiopartij());
        concept.Status.ShouldBe(201, concept.Tekst);
        var id = concept.Als<SamenwerkingsafspraakWeergave>().Id;
        (await Post($"{Afspraken}/{id}/ondertekeningen", new { versie = 1 }, Tokens.Werkgever())).Status.ShouldBe(200);
        var actief = await Post($"{Afspraken}/{id}/ondertekeningen", new { versie = 2 }, Tokens.Regiopartij());
        actief.Status.ShouldBe(200, actief.Tekst);
        return actief.Als<SamenwerkingsafspraakWeergave>();
    }

    private async Task<JasperFx.Events.IEvent> LaatsteGebeurtenis(Guid id)
    {
        await using var sessie = Service<IDocumentStore>().QuerySession();
        return (await sessie.Events.FetchStreamAsync(id))[^1];
    }

    private async Task<long> Streamversie(Guid id)
    {
        await using var sessie = Service<IDocumentStore>().QuerySession();
        return (await sessie.Events.FetchStreamStateAsync(id))?.Version ?? 0;
    }
}
