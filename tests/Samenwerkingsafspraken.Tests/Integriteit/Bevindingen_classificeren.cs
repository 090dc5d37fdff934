using Samenwerkingsafspraken.Integriteit;

namespace Samenwerkingsafspraken.Tests.Integriteit;

/// <summary>What the verification query saw, in; what the auditor reads, out.</summary>
public sealed class Bevindingen_classificeren
{
    private static readonly Guid Stroom = new("01970000-0000-7000-8000-000000000001");
    private static readonly Guid AndereStroom = new("01970000-0000-7000-8000-000000000002");

    private static byte[] H(string waarde) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(waarde));

    /// <summary>A position where event and hash row agree, with the content and data hashes of event "naam".</summary>
    private static Afwijking Positie(long versie, string naam, Guid? stroom = null) => new(
        stroom ?? Stroom, versie, HeeftGebeurtenis: true, HeeftHash: true, IsTombstone: false, Ongeketend: false,
        GebeurtenisVolgnummer: versie, HashVolgnummer: versie, InhoudKlopt: true, GegevensKloppen: true, MetadataKlopt: true,
        SchakelKlopt: true, VerwijzingKlopt: true, GebeurtenisPastInKeten: true, VolgendeVerwijstHiernaar: true, BevestigdDoorKeten: false,
        OntbrekendDaarvoor: 0, GebeurtenisInhoud: H($"inhoud {naam}"), GebeurtenisGegevens: H($"gegevens {naam}"),
        HashInhoud: H($"inhoud {naam}"), HashGegevens: H($"gegevens {naam}"));

    /// <summary>The event at this position now says what <paramref name="nu"/> said; its hash row still says <paramref name="was"/>.</summary>
    private static Afwijking Anders(long versie, string was, string nu, bool gegevensAlleen) => Positie(versie, was) with
    {
        InhoudKlopt = false,
        GegevensKloppen = false,
        MetadataKlopt = gegevensAlleen,
        GebeurtenisInhoud = H(gegevensAlleen ? $"inhoud {was} met gegevens {nu}" : $"inhoud {nu}"),
        GebeurtenisGegevens = H($"gegevens {nu}"),
    };

    private static List<Bevinding> Classificeer(params Afwijking[] afwijkingen) => Bevindingen.Classificeer(afwijkingen).ToList();

    [Fact]
    public void verwisselde_gegevens_worden_eenmaal_gemeld_bij_de_laagste_versie()
    {
        var bevinding = Classificeer(Anders(2, "b", "c", gegevensAlleen: true), Anders(5, "c", "b", gegevensAlleen: true)).ShouldHaveSingleItem();

        bevinding.ShouldBe(new Bevinding(Stroom, 2, Bevindingsoort.Verwisseld, "De gegevens van versie 2 en 5 zijn verwisseld."));
    }

    [Fact]
    public void verwisselde_gebeurtenissen_worden_eenmaal_gemeld_met_beide_versies()
    {
        var bevinding = Classificeer(Anders(1, "a", "d", gegevensAlleen: false), Anders(4, "d", "a", gegevensAlleen: false)).ShouldHaveSingleItem();

        bevinding.ShouldBe(new Bevinding(Stroom, 1, Bevindingsoort.Verwisseld, "De gebeurtenissen van versie 1 en 4 zijn van plaats verwisseld."));
    }

    [Fact]
    public void een_wijziging_die_nergens_anders_vandaan_komt_is_gewijzigd_en_zegt_wat()
    {
        var bevindingen = Classificeer(
            Anders(1, "a", "x", gegevensAlleen: true),
            Anders(2, "b", "y", gegevensAlleen: false) with { GegevensKloppen = true, GebeurtenisGegevens = H("gegevens b") },
            Anders(3, "c", "z", gegevensAlleen: false));

        bevindingen.Select(b => (b.Versie, b.Soort)).ShouldBe([(1L, "gewijzigd"), (2L, "gewijzigd"), (3L, "gewijzigd")]);
        bevindingen[0].Toelichting.ShouldContain("gegevens (data)");
        bevindingen[1].Toelichting.ShouldContain("type of de metadata");
        bevindingen[2].Toelichting.ShouldContain("gegevens en de metadata");
    }

    [Fact]
    public void een_verwisseling_wordt_niet_over_stromen_heen_gezocht()
    {
        var bevindingen = Classificeer(Anders(2, "b", "c", gegevensAlleen: true), Anders(3, "c", "b", gegevensAlleen: true) with { Stroom = AndereStroom });

        bevindingen.Select(b => (b.StroomId, b.Versie, b.Soort)).ShouldBe(
            [(Stroom, 2L, Bevindingsoort.Gewijzigd), (AndereStroom, 3L, Bevindingsoort.Gewijzigd)]);
    }

    [Fact]
    public void een_gebeurtenis_zonder_hashregel_is_ingevoegd_tenzij_de_keten_haar_bevestigt()
    {
        var zonderHash = Positie(5, "e") with { HeeftHash = false, HashVolgnummer = null, HashInhoud = null, HashGegevens = null };

        Classificeer(zonderHash).ShouldHaveSingleItem().Soort.ShouldBe(Bevindingsoort.Ingevoegd);
        Classificeer(zonderHash with { BevestigdDoorKeten = true }).ShouldHaveSingleItem().Soort.ShouldBe(Bevindingsoort.KetenGewijzigd);
    }

    [Fact]
    public void een_hashregel_zonder_gebeurtenis_ontbreekt()
    {
        var bevinding = Classificeer(Positie(3, "c") with { HeeftGebeurtenis = false, GebeurtenisVolgnummer = null }).ShouldHaveSingleItem();

        bevinding.ShouldBe(new Bevinding(Stroom, 3, Bevindingsoort.Ontbreekt, "De gebeurtenis is verwijderd; haar hashregel is er nog."));
    }

    [Fact]
    public void een_gat_in_de_keten_en_een_afgeknipte_staart_ontbreken_per_versie()
    {
        var staart = new Afwijking(Stroom, 9, false, false, false, false, null, null, false, false, false, false, null, false, null, false, 2);

        var bevindingen = Classificeer(Positie(5, "e") with { OntbrekendDaarvoor = 2 }, staart);

        bevindingen.Select(b => (b.Versie, b.Soort)).ShouldBe([(3L, "ontbreekt"), (4L, "ontbreekt"), (7L, "ontbreekt"), (8L, "ontbreekt")]);
        bevindingen[0].Toelichting.ShouldContain("springt van versie 2 naar 5");
        bevindingen[3].Toelichting.ShouldContain("staat op versie 8");
    }

    [Fact]
    public void een_gewijzigde_hashregel_gaat_voor_de_vergelijking_met_haar_inhoud()
    {
        var regel = Positie(2, "b") with { SchakelKlopt = false, InhoudKlopt = false, GebeurtenisPastInKeten = true };

        var bevinding = Classificeer(regel).ShouldHaveSingleItem();

        bevinding.Soort.ShouldBe(Bevindingsoort.KetenGewijzigd);
        bevinding.Toelichting.ShouldContain("de gebeurtenis zelf klopt nog");
        Classificeer(regel with { GebeurtenisPastInKeten = false, InhoudKlopt = true, VolgendeVerwijstHiernaar = false })
            .ShouldHaveSingleItem().Toelichting.ShouldStartWith("De hash in de hashregel is gewijzigd");
        Classificeer(regel with { GebeurtenisPastInKeten = false, InhoudKlopt = true, VolgendeVerwijstHiernaar = true })
            .ShouldHaveSingleItem().Toelichting.ShouldStartWith("De gebeurtenis en de inhoudshash");
    }

    [Fact]
    public void een_verbroken_verwijzing_wordt_gemeld_bij_de_versie_die_verwijst()
    {
        var bevinding = Classificeer(Positie(3, "c") with { VerwijzingKlopt = false }).ShouldHaveSingleItem();

        (bevinding.Versie, bevinding.Soort).ShouldBe((3L, Bevindingsoort.KetenGewijzigd));
        bevinding.Toelichting.ShouldContain("tussen versie 2 en 3");
    }

    [Fact]
    public void alleen_tombstones_mogen_los_van_de_keten_staan()
    {
        var los = Positie(56, "t") with { Ongeketend = true };

        Classificeer(los with { IsTombstone = true }).ShouldBeEmpty();
        Classificeer(los).ShouldHaveSingleItem().Soort.ShouldBe(Bevindingsoort.KetenGewijzigd);
    }

    [Fact]
    public void een_ander_volgnummer_bij_dezelfde_inhoud_is_gewijzigd()
    {
        var bevinding = Classificeer(Positie(2, "b") with { GebeurtenisVolgnummer = 99 }).ShouldHaveSingleItem();

        (bevinding.Soort, bevinding.Toelichting).ShouldBe((Bevindingsoort.Gewijzigd, "Het volgnummer (seq_id) is gewijzigd: 99 in plaats van 2."));
    }
}
