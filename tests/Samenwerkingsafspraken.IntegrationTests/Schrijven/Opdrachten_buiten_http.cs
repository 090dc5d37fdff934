using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Opstellen;
using Samenwerkingsafspraken.Afspraken.Wijzigen;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Schrijven;

/// <summary>
/// A command run in-process, as the web pages run it: the same checks, decision, metadata, idempotency and
/// concurrency as through the API, with an outcome a page can show beside its form.
/// </summary>
public sealed class Opdrachten_buiten_http(ApiFixture fixture) : IntegratieTest(fixture)
{
    private static readonly Gebruiker Groningen = new("regiopartij-" + Testdata.GemeenteGroningen, "Medewerker Groningen", Rollen.Regiopartij, null,
        Testdata.GemeenteGroningen, new HashSet<string> { Testdata.Groningen }, "Gemeente Groningen");

    private static readonly Gebruiker Drenthe = new("regiopartij-assen", "Medewerker Assen", Rollen.Regiopartij, null,
        Testdata.GemeenteAssen, new HashSet<string> { Testdata.Drenthe }, "Gemeente Assen");

    private static Opdrachtcontext Context(Gebruiker wie, string handeling, Versievoorwaarde? versie = null, string? sleutel = null) =>
        new(wie, handeling, "pagina-correlatie", versie ?? Versievoorwaarde.Geen, sleutel);

    private Task<Schrijfuitkomst> Opstellen(Opdrachtcontext context, AfspraakOpstellenVerzoek verzoek) =>
        AfspraakOpstellen.Uitvoeren(Service<Schrijver>(), context, verzoek, Service<Klok>());

    private Task<Schrijfuitkomst> Wijzigen(Opdrachtcontext context, Guid id, WijzigingVerzoek verzoek) =>
        AfspraakWijzigen.Uitvoeren(Service<Schrijver>(), context, id, verzoek, Service<Klok>());

    private static WijzigingVerzoek Wijziging(string titel, long? versie = null)
    {
        var a = Testdata.Afspraak();
        return new WijzigingVerzoek("Nieuwe titel", titel, a.WerkgeverContactrol, a.Regiopartijen, a.Werkafspraken, a.Doelgroepen, a.Beroepen,
            a.Doelstellingen, a.Looptijd, versie);
    }

    [Fact]
    public async Task een_opdracht_van_een_pagina_wordt_vastgelegd_met_wie_en_is_via_de_api_te_lezen()
    {
        await WerkgeverGeregistreerd();

        var uitkomst = await Opstellen(Context(Groningen, "POST /v1/samenwerkingsafspraken"), Testdata.Afspraak());

        var gelukt = uitkomst.ShouldBeOfType<Schrijfuitkomst.Gelukt>();
        gelukt.Status.ShouldBe(201);
        gelukt.Versie.ShouldBe(1);
        gelukt.Herhaald.ShouldBeFalse();
        var weergave = gelukt.Weergave.ShouldBeOfType<SamenwerkingsafspraakWeergave>();
        gelukt.Locatie.ShouldBe($"/v1/samenwerkingsafspraken/{weergave.Id}");
        (await Lees(weergave.Id)).Titel.ShouldBe(weergave.Titel);
        var historie = (await Get($"/v1/samenwerkingsafspraken/{weergave.Id}/historie", Tokens.Auditor())).Json;
        historie.ToJsonString().ShouldContain("pagina-correlatie");
        historie.ToJsonString().ShouldContain("Medewerker Groningen");
    }

    [Fact]
    public async Task ongeldige_invoer_geeft_alle_fouten_per_veld()
    {
        await WerkgeverGeregistreerd();
        var leeg = Testdata.Afspraak() with { Titel = "", Arbeidsmarktregio = "AM99" };

        var uitkomst = await Opstellen(Context(Groningen, "POST /v1/samenwerkingsafspraken"), leeg);

        var geweigerd = uitkomst.ShouldBeOfType<Schrijfuitkomst.Geweigerd>();
        geweigerd.Status.ShouldBe(400);
        geweigerd.Fouten.Select(f => f.Name).ShouldBe(["titel", "arbeidsmarktregio"], ignoreOrder: true);
    }

    [Fact]
    public async Task een_verouderde_versie_is_een_versieconflict_met_de_actuele_versie_maar_een_vreemde_hoort_eerst_geen_toegang()
    {
        var concept = await Concept();
        var handeling = $"POST /v1/samenwerkingsafspraken/{concept.Id}/wijzigingen";
        (await Wijzigen(Context(Groningen, handeling, Versievoorwaarde.Van(concept.Versie)), concept.Id, Wijziging("Eerste")))
            .ShouldBeOfType<Schrijfuitkomst.Gelukt>().Versie.ShouldBe(concept.Versie + 1);

        var verouderd = await Wijzigen(Context(Groningen, handeling, Versievoorwaarde.Van(concept.Versie)), concept.Id, Wijziging("Tweede"));
        var vreemd = await Wijzigen(Context(Drenthe, handeling, Versievoorwaarde.Van(concept.Versie)), concept.Id, Wijziging("Derde"));
        var zonder = await Wijzigen(Context(Groningen, handeling), concept.Id, Wijziging("Vierde"));

        verouderd.ShouldBeOfType<Schrijfuitkomst.Versieconflict>().ActueleVersie.ShouldBe(concept.Versie + 1);
        vreemd.ShouldBeOfType<Schrijfuitkomst.Geweigerd>().Status.ShouldBe(403);
        zonder.ShouldBeOfType<Schrijfuitkomst.Geweigerd>().Weigering.Code.ShouldBe("versie-vereist");
    }

    [Fact]
    public async Task een_pagina_en_de_api_delen_de_herhaling_van_een_sleutel()
    {
        await WerkgeverGeregistreerd();
        var sleutel = Guid.NewGuid().ToString();

        var pagina = (await Opstellen(Context(Groningen, "POST /v1/samenwerkingsafspraken", sleutel: sleutel), Testdata.Afspraak()))
            .ShouldBeOfType<Schrijfuitkomst.Gelukt>();
        var api = await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij(), new Dictionary<string, string> { ["Idempotency-Key"] = sleutel });
        var anders = await Opstellen(Context(Groningen, "POST /v1/samenwerkingsafspraken", sleutel: sleutel), Testdata.Afspraak() with { Titel = "Anders" });

        api.Status.ShouldBe(201);
        api.Header("Idempotent-Replayed").ShouldBe("true");
        api.Header("Location").ShouldBe(pagina.Locatie);
        api.Tekst.ShouldBe(pagina.Json);
        var herhaald = (await Opstellen(Context(Groningen, "POST /v1/samenwerkingsafspraken", sleutel: sleutel), Testdata.Afspraak()))
            .ShouldBeOfType<Schrijfuitkomst.Gelukt>();
        herhaald.Herhaald.ShouldBeTrue();
        herhaald.Json.ShouldBe(pagina.Json);
        anders.ShouldBeOfType<Schrijfuitkomst.Geweigerd>().Status.ShouldBe(422);
    }
}
