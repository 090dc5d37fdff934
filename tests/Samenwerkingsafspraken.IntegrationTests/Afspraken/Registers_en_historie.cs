using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Historie;
using Samenwerkingsafspraken.Afspraken.Register;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Afspraken;

public sealed class Registers_en_historie(ApiFixture fixture) : IntegratieTest(fixture)
{
    private Guid _groningen;
    private Guid _drenthe;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (await Post("/v1/werkgevers", Testdata.Werkgever(), Tokens.Regiopartij())).Status.ShouldBe(201);
        (await Post("/v1/werkgevers", Testdata.Werkgever(Testdata.AndereKvk, "Zorggroep Zuid", "zorg-en-welzijn"), Tokens.Regiopartij())).Status.ShouldBe(201);
        _groningen = (await Post("/v1/samenwerkingsafspraken", Testdata.Afspraak(), Tokens.Regiopartij())).Als<SamenwerkingsafspraakWeergave>().Id;
        _drenthe = (await Post("/v1/samenwerkingsafspraken", Testdata.Afspraak(regio: Testdata.Drenthe, oin: Testdata.GemeenteAssen),
            Tokens.Regiopartij(Testdata.GemeenteAssen, Testdata.Drenthe))).Als<SamenwerkingsafspraakWeergave>().Id;
        (await Post("/v1/samenwerkingsafspraken", Testdata.Afspraak(kvk: Testdata.AndereKvk), Tokens.Regiopartij())).Status.ShouldBe(201);
    }

    [Fact]
    public async Task het_register_van_een_regio_toont_alleen_de_afspraken_in_die_regio()
    {
        var lijst = (await Get("/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken", Tokens.Regiopartij())).Als<AfspraakLijst>();

        lijst.Samenwerkingsafspraken.Count.ShouldBe(2);
        lijst.Volgende.ShouldBeNull();
        lijst.Samenwerkingsafspraken.ShouldAllBe(a => a.Arbeidsmarktregio == "AM01");
        lijst.Samenwerkingsafspraken.ShouldContain(a => a.Id == _groningen);
    }

    [Fact]
    public async Task het_register_is_te_filteren_op_werkgever_status_en_variant()
    {
        var url = "/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken";
        (await Get($"{url}?werkgever={Testdata.AndereKvk}", Tokens.Auditor())).Als<AfspraakLijst>().Samenwerkingsafspraken.Count.ShouldBe(1);
        (await Get($"{url}?status=concept&variant=praktijkroute", Tokens.Auditor())).Als<AfspraakLijst>().Samenwerkingsafspraken.Count.ShouldBe(2);
        (await Get($"{url}?status=actief", Tokens.Auditor())).Als<AfspraakLijst>().Samenwerkingsafspraken.Count.ShouldBe(0);
        (await Get($"{url}?variant=basisbaan", Tokens.Auditor())).Als<AfspraakLijst>().Samenwerkingsafspraken.Count.ShouldBe(0);
        (await Get($"{url}?variant=praktijkroute", Tokens.Auditor())).Als<AfspraakLijst>().Samenwerkingsafspraken.Count.ShouldBe(2);
        (await Get($"/v1/werkgevers/{Testdata.AndereKvk}/samenwerkingsafspraken?variant=praktijkroute", Tokens.Auditor())).Als<AfspraakLijst>()
            .Samenwerkingsafspraken.Count.ShouldBe(1);
    }

    [Fact]
    public async Task het_register_is_te_filteren_op_sector_en_te_doorzoeken_op_titel_en_werkgever()
    {
        var url = "/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken";
        var zorg = (await Get($"{url}?sector=zorg-en-welzijn", Tokens.Auditor())).Als<AfspraakLijst>();
        zorg.Samenwerkingsafspraken.ShouldHaveSingleItem().Werkgevernaam.ShouldBe("Zorggroep Zuid");
        (await Get($"{url}?zoek=NOORD", Tokens.Regiopartij())).Als<AfspraakLijst>().Samenwerkingsafspraken.ShouldHaveSingleItem().Id.ShouldBe(_groningen);
        (await Get($"{url}?zoek=naar%20werk%20in", Tokens.Regiopartij())).Als<AfspraakLijst>().Samenwerkingsafspraken.Count.ShouldBe(2);
        (await Get($"{url}?zoek=%25", Tokens.Regiopartij())).Als<AfspraakLijst>().Samenwerkingsafspraken.ShouldBeEmpty("een % is een teken, geen jokerteken");
        (await Get($"{url}?zoek=noord&sector=zorg-en-welzijn", Tokens.Regiopartij())).Als<AfspraakLijst>().Samenwerkingsafspraken.ShouldBeEmpty();
        (await Get($"{url}?sector=mijnbouw&zoek={new string('x', 101)}", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["sector", "zoek"], ignoreOrder: true);
    }

    [Fact]
    public async Task het_register_pagineert_met_een_bladwijzer_zonder_iets_over_te_slaan_of_dubbel_te_tonen()
    {
        for (var i = 0; i < 5; i++)
        {
            Tijd.Verzet(TimeSpan.FromMinutes(i % 2));
            (await Post("/v1/samenwerkingsafspraken", Testdata.Afspraak(), Tokens.Regiopartij())).Status.ShouldBe(201);
        }

        var gezien = new List<AfspraakSamenvatting>();
        var volgende = "/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken?paginagrootte=3";
        var paginas = 0;
        while (volgende is not null)
        {
            var pagina = (await Get(volgende, Tokens.Auditor())).Als<AfspraakLijst>();
            pagina.Samenwerkingsafspraken.Count.ShouldBeLessThanOrEqualTo(3);
            gezien.AddRange(pagina.Samenwerkingsafspraken);
            volgende = pagina.Volgende;
            paginas++;
        }

        paginas.ShouldBe(3);
        gezien.Count.ShouldBe(7);
        gezien.Select(a => a.Id).Distinct().Count().ShouldBe(7);
        gezien.ShouldBe(gezien.OrderByDescending(a => a.LaatstGewijzigdOp).ThenByDescending(a => a.Id).ToList());
    }

    [Fact]
    public async Task elke_regel_van_het_register_is_de_samenvatting_van_de_opgeslagen_afspraak()
    {
        // The page selects only what it shows, in SQL: it must still say exactly what the whole document says.
        (await Post($"{Afspraken}/{_groningen}/ondertekeningen", new { versie = 1 }, Tokens.Werkgever())).Status.ShouldBe(200);
        (await Post($"{Afspraken}/{_groningen}/ondertekeningen", new { versie = 2 }, Tokens.Regiopartij())).Status.ShouldBe(200);

        var eerste = await Get("/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken?paginagrootte=1", Tokens.Auditor());
        var tweede = await Get(eerste.Als<AfspraakLijst>().Volgende!, Tokens.Auditor());
        var regels = eerste.Json["samenwerkingsafspraken"]!.AsArray().Concat(tweede.Json["samenwerkingsafspraken"]!.AsArray()).ToList();
        regels.Count.ShouldBe(2);

        await using var session = Service<IDocumentStore>().QuerySession();
        foreach (var regel in regels)
        {
            var afspraak = (await session.LoadAsync<Samenwerkingsafspraak>(regel!["id"]!.GetValue<Guid>()))!;
            var verwacht = JsonSerializer.SerializeToNode(AfspraakSamenvatting.Van(afspraak), Json.Options);
            JsonNode.DeepEquals(regel, verwacht).ShouldBeTrue($"{regel.ToJsonString()} is not {verwacht!.ToJsonString()}");
        }

        regels.ShouldContain(r => r!["volledigOndertekend"]!.GetValue<bool>());
        var laatste = (await session.LoadAsync<Samenwerkingsafspraak>(regels[0]!["id"]!.GetValue<Guid>()))!;
        eerste.Als<AfspraakLijst>().Volgende.ShouldEndWith($"na={new Bladwijzer(laatste.LaatstGewijzigdOp, laatste.Id).Token()}");
    }

    [Fact]
    public async Task de_volgende_pagina_houdt_de_filters_en_een_wijziging_tussendoor_schuift_niets_dubbel_in_beeld()
    {
        var url = "/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken";
        var eerste = (await Get($"{url}?status=concept&paginagrootte=1", Tokens.Auditor())).Als<AfspraakLijst>();
        eerste.Volgende.ShouldNotBeNull();
        eerste.Volgende.ShouldContain("status=concept");

        // The agreement on the first page changes: it moves to the front, so the pages still to come do not show it again.
        var getoond = eerste.Samenwerkingsafspraken.Single();
        Tijd.Verzet(TimeSpan.FromHours(1));
        (await Post($"/v1/samenwerkingsafspraken/{getoond.Id}/ondertekeningen", new { versie = getoond.Versie }, Tokens.Regiopartij())).Status.ShouldBe(200);

        var tweede = (await Get(eerste.Volgende, Tokens.Auditor())).Als<AfspraakLijst>();
        tweede.Samenwerkingsafspraken.Single().Id.ShouldNotBe(getoond.Id);
        tweede.Volgende.ShouldBeNull();
    }

    [Fact]
    public async Task het_register_weigert_vreemde_regios_ongeldige_filters_en_onbekende_regios()
    {
        (await Get("/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken", Tokens.Regiopartij(Testdata.GemeenteAssen, Testdata.Drenthe))).Probleem(403);
        (await Get("/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken", Tokens.Werkgever())).Probleem(403);
        (await Get("/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken")).Probleem(401);
        (await Get("/v1/arbeidsmarktregios/AM04/samenwerkingsafspraken", Tokens.Auditor())).Probleem(404);
        (await Get("/v1/arbeidsmarktregios/AM04/samenwerkingsafspraken?werkgever=99999999", Tokens.Auditor())).Probleem(404);
        (await Get("/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken?werkgever=99999999", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["werkgever"]);
        (await Get("/v1/arbeidsmarktregios/AM02/samenwerkingsafspraken", Tokens.Auditor())).Als<AfspraakLijst>().Samenwerkingsafspraken.ShouldBeEmpty();
        (await Get("/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken?status=half&werkgever=12&paginagrootte=100000&variant=Praktijk'route", Tokens.Auditor()))
            .OngeldigeVelden().ShouldBe(["status", "werkgever", "paginagrootte", "variant"], ignoreOrder: true);
        (await Get("/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken?variant=praktijkroute%3F", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["variant"]);
        (await Get("/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken?paginagrootte=abc", Tokens.Auditor())).Probleem(400);
        (await Get("/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken?na=geen-bladwijzer", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["na"]);
    }

    [Fact]
    public async Task een_werkgever_ziet_zijn_afspraken_in_alle_regios()
    {
        var lijst = (await Get($"/v1/werkgevers/{Testdata.Kvk}/samenwerkingsafspraken", Tokens.Werkgever())).Als<AfspraakLijst>();

        lijst.Samenwerkingsafspraken.Select(a => a.Id).ShouldBe([_groningen, _drenthe], ignoreOrder: true);
    }

    [Fact]
    public async Task een_regiopartij_ziet_van_een_werkgever_alleen_de_afspraken_in_haar_regio()
    {
        var lijst = (await Get($"/v1/werkgevers/{Testdata.Kvk}/samenwerkingsafspraken", Tokens.Regiopartij(Testdata.GemeenteAssen, Testdata.Drenthe)))
            .Als<AfspraakLijst>();

        lijst.Samenwerkingsafspraken.Select(a => a.Id).ShouldBe([_drenthe]);
    }

    [Fact]
    public async Task een_werkgever_ziet_de_afspraken_van_een_andere_werkgever_niet()
    {
        (await Get($"/v1/werkgevers/{Testdata.Kvk}/samenwerkingsafspraken", Tokens.Werkgever(Testdata.AndereKvk))).Probleem(403);
        (await Get("/v1/werkgevers/99999999/samenwerkingsafspraken", Tokens.Auditor())).Probleem(404);
        (await Get("/v1/werkgevers/123/samenwerkingsafspraken", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["kvkNummer"]);
    }

    [Fact]
    public async Task de_historie_noemt_per_gebeurtenis_type_versie_tijd_en_wie()
    {
        var historie = (await Get($"/v1/samenwerkingsafspraken/{_groningen}/historie", Tokens.Auditor())).Als<AfspraakHistorie>();

        var opgesteld = historie.Gebeurtenissen.ShouldHaveSingleItem();
        opgesteld.Versie.ShouldBe(1);
        opgesteld.Type.ShouldBe("afspraak_opgesteld");
        opgesteld.Tijdstip.ShouldBe(ApiFixture.Starttijd);
        opgesteld.Door.Gebruiker.ShouldBe($"regiopartij-{Testdata.GemeenteGroningen}");
        opgesteld.Door.Rol.ShouldBe("regiopartij");
        opgesteld.Door.Organisatie.ShouldBe(Testdata.GemeenteGroningen);
        opgesteld.Omschrijving.ShouldStartWith("Afspraak 'Samen naar werk in de bouw' opgesteld als concept");
        opgesteld.CorrelatieId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task de_historie_is_niet_voor_buitenstaanders()
    {
        (await Get($"/v1/samenwerkingsafspraken/{_groningen}/historie", Tokens.Werkgever(Testdata.AndereKvk))).Probleem(403);
        (await Get($"/v1/samenwerkingsafspraken/{_groningen}/historie")).Probleem(401);
        (await Get($"/v1/samenwerkingsafspraken/{Guid.NewGuid()}/historie", Tokens.Auditor())).Probleem(404);
    }
}
