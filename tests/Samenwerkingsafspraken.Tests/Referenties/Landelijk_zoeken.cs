using Samenwerkingsafspraken.Referenties.Zoeken;

namespace Samenwerkingsafspraken.Tests.Referenties;

/// <summary>The national search's input, its page marker and the SQL it builds, without a database.</summary>
public sealed class Landelijk_zoeken
{
    private static Zoekfilter Filter(string? zoek = null, string? variant = null, string? sector = null, string? doelgroep = null, string? regio = null,
        string? van = null, string? tot = null, string? na = null, int? grootte = null) => new(zoek, variant, sector, doelgroep, regio, van, tot, na, grootte);

    private static string Json(object waarde) => System.Text.Json.JsonSerializer.Serialize(waarde);

    [Fact]
    public void elk_probleem_van_de_zoekvraag_wordt_tegelijk_gemeld()
    {
        var fouten = Filter("x", "Praktijk Route", "ruimtevaart", "iedereen", "Groningen", "gisteren", "2025-13-01", "abc", 0).Controleer();

        fouten.Select(f => f.Name).ShouldBe(["zoek", "variant", "sector", "doelgroep", "arbeidsmarktregio", "van", "tot", "na", "paginagrootte"], ignoreOrder: true);
    }

    [Fact]
    public void een_periode_loopt_niet_achteruit()
    {
        Filter(van: "2025-06-01", tot: "2025-01-01").Controleer().ShouldHaveSingleItem().Code.ShouldBe("voor-van");
        Filter(van: "2025-01-01", tot: "2025-06-01").Controleer().ShouldBeEmpty();
    }

    [Fact]
    public void de_bladwijzer_bewaart_rang_en_id_en_past_alleen_bij_dezelfde_soort_vraag()
    {
        var id = Guid.CreateVersion7();
        var metWoorden = new Zoekbladwijzer(0.0607927f, id).Token();
        var zonder = new Zoekbladwijzer(null, id).Token();

        Zoekbladwijzer.TryLees(metWoorden, out var gelezen).ShouldBeTrue();
        gelezen.ShouldBe(new Zoekbladwijzer(0.0607927f, id));
        Zoekbladwijzer.TryLees(zonder, out var zonderRang).ShouldBeTrue();
        zonderRang.Rang.ShouldBeNull();
        Filter(zoek: "jobcoach", na: metWoorden).Controleer().ShouldBeEmpty();
        Filter(zoek: "jobcoach", na: zonder).Controleer().ShouldHaveSingleItem().Name.ShouldBe("na");
        Filter(na: metWoorden).Controleer().ShouldHaveSingleItem().Name.ShouldBe("na");
        Zoekbladwijzer.TryLees(metWoorden[..^1], out _).ShouldBeFalse();
    }

    [Fact]
    public void alleen_bewezen_afspraken_en_alleen_de_gevraagde_voorwaarden_staan_in_de_vraag()
    {
        var zonderFilter = Zoekopdracht.Pagina(Filter(), new Zoekbereik(true, []), Json);
        zonderFilter.Sql.ShouldContain("d.bewezen");
        Voorkomens(zonderFilter.Sql, "where w.vindbaar").ShouldBe(1, "alleen in de kolom vindbaar, niet als voorwaarde");
        zonderFilter.Sql.ShouldNotContain("@@");
        zonderFilter.Sql.ShouldContain("order by d.id desc");
        zonderFilter.Parameters.ShouldBe([21]);

        var met = Zoekopdracht.Pagina(Filter("jobcoach", "praktijkroute", "bouw", "banenafspraak", "AM02", "2025-01-01", "2025-12-31"),
            new Zoekbereik(false, ["AM01"]), Json);
        met.Sql.ShouldContain("websearch_to_tsquery('dutch', $");
        met.Sql.ShouldContain("order by rang desc, d.id desc");
        met.Parameters.ShouldContain("jobcoach");
        met.Parameters.ShouldContain("[{\"variantCode\":\"praktijkroute\"}]");
        met.Parameters.ShouldContain(new DateOnly(2025, 1, 1));
        met.Parameters.OfType<string[]>().ShouldHaveSingleItem().ShouldBe(["AM01"]);
        Voorkomens(met.Sql, "where w.vindbaar").ShouldBe(2);
    }

    private static int Voorkomens(string tekst, string deel) => (tekst.Length - tekst.Replace(deel, "").Length) / deel.Length;

    [Fact]
    public void een_regiopartij_vindt_wat_vindbaar_is_en_haar_eigen_regios_een_auditor_alles()
    {
        var regiopartij = Zoekopdracht.Facetten(Filter(), Zoekbereik.Van(Testkader.Regiopartij(regios: ["AM02", "AM01"])), Json);
        regiopartij.Sql.ShouldContain("where w.vindbaar");
        regiopartij.Parameters.ShouldHaveSingleItem().ShouldBe(new[] { "AM01", "AM02" });

        var auditor = Zoekopdracht.Facetten(Filter(), Zoekbereik.Van(Testkader.Auditor()), Json);
        auditor.Sql.ShouldNotContain("vindbaar");
        auditor.Parameters.ShouldBeEmpty();
    }

    [Fact]
    public void de_volgende_link_herhaalt_de_filters_en_zegt_waar_de_pagina_eindigde()
    {
        var na = new Zoekbladwijzer(null, Guid.CreateVersion7());

        var link = Filter(variant: "praktijkroute", regio: "AM01", grootte: 5).VolgendeLink("/v1/bewezen-afspraken", na);

        link.ShouldBe($"/v1/bewezen-afspraken?variant=praktijkroute&arbeidsmarktregio=AM01&paginagrootte=5&na={na.Token()}");
    }
}
