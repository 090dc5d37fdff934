using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Stamboom;
using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.Hergebruik.Opvragen;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Referenties;

namespace Samenwerkingsafspraken.IntegrationTests.Hergebruik;

/// <summary>The heart of the product: a proven agreement in Groningen (AM01) found, trusted and adopted in Friesland (AM02).</summary>
public sealed class Hergebruik_in_een_andere_regio(ApiFixture fixture) : IntegratieTest(fixture)
{
    private static readonly object[] Maatwerk =
    [
        new { variantCode = "externe-jobcoaching", soort = "parameter", parameter = "urenPerWeek", waarde = 4, reden = "Langere reistijden in Friesland" },
        new { variantCode = "praktijkroute", soort = "maatwerk", maatwerk = "Met het Friesland College.", reden = "Regionale mbo-partner" },
    ];

    [Fact]
    public async Task een_bewezen_afspraak_wordt_met_maatwerk_overgenomen_ondertekend_en_in_de_stamboom_getoond()
    {
        var bron = await Bewezen();

        var referenties = (await Get($"/v1/werkgevers/{Testdata.Kvk}/referenties", Tokens.Werkgever())).Als<ReferentieLijst>();
        var referentie = referenties.Referenties.ShouldHaveSingleItem();
        referentie.Bewijs.Bewezen.ShouldBeTrue();
        referentie.Bewijs.Criteria.Select(c => c.Code).ShouldBe(["looptijd", "resultaten", "evaluatie-werkgever", "evaluatie-regiopartij"]);
        referentie.Bewijs.Criteria[0].Gegevens["maanden"].ShouldBe("12");
        decimal.Parse(referentie.Bewijs.Criteria[1].Gegevens["percentage"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(100m);
        referenties.AantalBewezen.ShouldBe(1);

        Tijd.Zet(new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.FromHours(1)));
        var verzocht = await VraagHergebruik(bron.Id, maatwerk: Maatwerk.Take(1).ToArray());
        verzocht.Status.ShouldBe(201, verzocht.Tekst);
        var verzoek = verzocht.Als<HergebruikverzoekWeergave>();
        verzoek.Status.ShouldBe(Verzoekstatus.Open);
        verzoek.Bron.Versie.ShouldBe(bron.Versie);
        verzocht.Header("Location").ShouldBe($"/v1/hergebruikverzoeken/{verzoek.Id}");

        Tijd.Zet(new DateTimeOffset(2026, 2, 4, 9, 0, 0, TimeSpan.FromHours(1)));
        var inbox = (await Get("/v1/arbeidsmarktregios/AM02/hergebruikverzoeken?status=open", Leeuwarden)).Als<Hergebruikinbox>();
        inbox.Hergebruikverzoeken.ShouldHaveSingleItem().WachttijdInDagen.ShouldBe(3m);

        var dossier = (await Get($"/v1/hergebruikverzoeken/{verzoek.Id}/referentiedossier", Leeuwarden)).Als<Referentiedossier>();
        dossier.Bronafspraak.Versie.ShouldBe(bron.Versie);
        dossier.Bronafspraak.Arbeidsmarktregio.ShouldBe("AM01");
        dossier.Bronafspraak.Evaluaties.Count.ShouldBe(2);
        dossier.Bewijs.Bewezen.ShouldBeTrue();
        dossier.ActueleStand.Realisatie.Plaatsingen.ShouldBe(8);
        dossier.Referentiehistorie.Referenties.ShouldHaveSingleItem().AfspraakId.ShouldBe(bron.Id);
        (await Get($"/v1/werkgevers/{Testdata.Kvk}/referenties", Leeuwarden)).Status.ShouldBe(200);

        var beslist = await Post($"/v1/hergebruikverzoeken/{verzoek.Id}/besluit", Accepteren(verzoek.Versie, Maatwerk), Leeuwarden);
        beslist.Status.ShouldBe(200, beslist.Tekst);
        var geaccepteerd = beslist.Als<HergebruikverzoekWeergave>();
        geaccepteerd.Status.ShouldBe(Verzoekstatus.Geaccepteerd);
        geaccepteerd.WachttijdInDagen.ShouldBe(3m);
        geaccepteerd.Verschillen.Select(v => (v.VariantCode, v.Soort, v.Reden)).ShouldBe(
            [("externe-jobcoaching", "parameter", "Langere reistijden in Friesland"), ("praktijkroute", "maatwerk", "Regionale mbo-partner")]);

        var nieuw = await Lees(geaccepteerd.NieuweAfspraakId!.Value);
        nieuw.Status.ShouldBe(AfspraakStatus.Concept);
        nieuw.Arbeidsmarktregio.ShouldBe("AM02");
        nieuw.Werkgever.KvkNummer.ShouldBe(Testdata.Kvk);
        nieuw.Herkomst.ShouldBe(new Herkomst(bron.Id, bron.Versie, "AM01", verzoek.Id));
        nieuw.Werkafspraken.Single(w => w.VariantCode == "externe-jobcoaching").Parameters["urenPerWeek"].GetInt32().ShouldBe(4);
        nieuw.Werkafspraken.Single(w => w.VariantCode == "praktijkroute").Maatwerk.ShouldBe("Met het Friesland College.");
        nieuw.Maatwerkverschillen.Count.ShouldBe(2);

        (await Post($"{Afspraken}/{nieuw.Id}/ondertekeningen", new { versie = 1 }, Tokens.Werkgever())).Status.ShouldBe(200);
        var actief = (await Post($"{Afspraken}/{nieuw.Id}/ondertekeningen", new { versie = 2 }, Leeuwarden)).Als<SamenwerkingsafspraakWeergave>();
        actief.Status.ShouldBe(AfspraakStatus.Actief);

        var stamboom = (await Get($"{Afspraken}/{nieuw.Id}/stamboom", Tokens.Auditor())).Als<AfspraakStamboom>();
        stamboom.WortelId.ShouldBe(bron.Id);
        stamboom.Regios.ShouldBe(["AM01", "AM02"]);
        var kind = stamboom.Wortel.Afgeleid.ShouldHaveSingleItem();
        kind.AfspraakId.ShouldBe(nieuw.Id);
        kind.BronVersie.ShouldBe(bron.Versie);
        kind.Verschillen.Count.ShouldBe(2);

        var bronReferentie = (await Get($"/v1/werkgevers/{Testdata.Kvk}/referenties", Tokens.Werkgever())).Als<ReferentieLijst>()
            .Referenties.Single(r => r.AfspraakId == bron.Id);
        bronReferentie.HergebruiktIn.ShouldHaveSingleItem().Arbeidsmarktregio.ShouldBe("AM02");

        var doorlooptijden = (await Get("/v1/hergebruikverzoeken/doorlooptijden", Tokens.Auditor())).Als<Doorlooptijden>();
        doorlooptijden.Regios.ShouldHaveSingleItem().MediaanDagenTotBesluit.ShouldBe(3m);
    }

    [Fact]
    public async Task een_regio_wijst_af_met_een_reden_en_daarna_kan_de_werkgever_opnieuw_vragen()
    {
        var bron = await Bewezen();
        var verzoek = (await VraagHergebruik(bron.Id)).Als<HergebruikverzoekWeergave>();

        var afgewezen = await Post($"/v1/hergebruikverzoeken/{verzoek.Id}/besluit",
            new { besluit = "afgewezen", reden = "geen-capaciteit", toelichting = "Dit jaar geen jobcoaches beschikbaar.", versie = verzoek.Versie }, Leeuwarden);

        afgewezen.Status.ShouldBe(200, afgewezen.Tekst);
        var weergave = afgewezen.Als<HergebruikverzoekWeergave>();
        weergave.Status.ShouldBe(Verzoekstatus.Afgewezen);
        weergave.Afwijzing.ShouldBe(new Afwijzing("geen-capaciteit", "Dit jaar geen jobcoaches beschikbaar."));
        weergave.NieuweAfspraakId.ShouldBeNull();
        (await VraagHergebruik(bron.Id)).Status.ShouldBe(201);
    }

    [Fact]
    public async Task de_werkgever_trekt_een_open_verzoek_in_en_dan_valt_er_niets_meer_te_beslissen()
    {
        var bron = await Bewezen();
        var verzoek = (await VraagHergebruik(bron.Id)).Als<HergebruikverzoekWeergave>();

        var ingetrokken = await Post($"/v1/hergebruikverzoeken/{verzoek.Id}/intrekking", new { toelichting = "Toch niet", versie = verzoek.Versie }, Tokens.Werkgever());

        ingetrokken.Status.ShouldBe(200, ingetrokken.Tekst);
        ingetrokken.Als<HergebruikverzoekWeergave>().Status.ShouldBe(Verzoekstatus.Ingetrokken);
        (await Post($"/v1/hergebruikverzoeken/{verzoek.Id}/besluit", Accepteren(verzoek.Versie + 1), Leeuwarden)).ProbleemCode(409).ShouldBe("al-beslist");
        (await Post($"/v1/hergebruikverzoeken/{verzoek.Id}/intrekking", new { versie = verzoek.Versie + 1 }, Tokens.Werkgever())).ProbleemCode(409)
            .ShouldBe("al-beslist");
        (await Get("/v1/arbeidsmarktregios/AM02/hergebruikverzoeken?status=open", Leeuwarden)).Als<Hergebruikinbox>().Aantal.ShouldBe(0);
    }

    [Fact]
    public async Task accepteren_zoals_zij_is_neemt_de_werkafspraken_ongewijzigd_over()
    {
        var bron = await Bewezen();
        var verzoek = (await VraagHergebruik(bron.Id)).Als<HergebruikverzoekWeergave>();

        var geaccepteerd = (await Post($"/v1/hergebruikverzoeken/{verzoek.Id}/besluit", Accepteren(verzoek.Versie), Leeuwarden)).Als<HergebruikverzoekWeergave>();

        geaccepteerd.Verschillen.ShouldBeEmpty();
        var nieuw = await Lees(geaccepteerd.NieuweAfspraakId!.Value);
        nieuw.Werkafspraken.Select(w => w.VariantCode).ShouldBe(bron.Werkafspraken.Select(w => w.VariantCode));
        nieuw.Looptijd.ShouldBe(new Looptijd(new DateOnly(2026, 3, 1), new DateOnly(2027, 12, 31)));
        nieuw.Regiopartijen.Single().Oin.ShouldBe(Testdata.GemeenteLeeuwarden);
    }
}
