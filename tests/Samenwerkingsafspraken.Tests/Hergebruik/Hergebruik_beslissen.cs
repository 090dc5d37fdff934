using System.Text.Json;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Bewijs;
using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.Hergebruik.Besluiten;
using Samenwerkingsafspraken.Hergebruik.Verzoeken;
using Samenwerkingsafspraken.Referenties;
using Samenwerkingsafspraken.Tests.Afspraken;

namespace Samenwerkingsafspraken.Tests.Hergebruik;

public sealed class Hergebruik_beslissen
{
    private static readonly Guid VerzoekId = Guid.Parse("01960000-0000-7000-8000-0000000000aa");
    private static readonly Guid NieuwId = Guid.Parse("01960000-0000-7000-8000-0000000000bb");

    private static Referentie Bron(bool bewezen = true)
    {
        var afspraak = bewezen ? Bewijsvoering_van_een_afspraak.BewezenAfspraak() : Afspraak.ActieveAfspraak();
        return new Referentie(afspraak.Id, afspraak, Bewijsvoering.Beoordeel(afspraak, new Bewijsregel()));
    }

    private static HergebruikAanvraag Aanvraag(string regio = "AM02", params MaatwerkVerzoek[] maatwerk) => new(Afspraak.Id, regio, "Graag", maatwerk);

    private static Hergebruikverzoek Open() => Hergebruikverzoek.Evolueer(null,
        HergebruikVerzoeken.Beslis(VerzoekId, Aanvraag(), Bron(), false, Testkader.Kader(), Testkader.Werkgever(), Testkader.Nu).Gebeurtenissen.Single(), 1);

    private static HergebruikBesluitVerzoek Accepteer(params MaatwerkVerzoek[] maatwerk) => new(
        maatwerk.Length == 0 ? "geaccepteerd" : "geaccepteerdMetMaatwerk",
        [new RegiopartijVerzoek("00000001001563891000", "Gemeente Leeuwarden", "gemeente", true, null)],
        new LooptijdVerzoek(new DateOnly(2026, 3, 1), new DateOnly(2027, 12, 31)), maatwerk, null, null, 1);

    private static Infrastructure.Security.Gebruiker Leeuwarden => Testkader.Regiopartij("00000001001563891000", "AM02");

    [Fact]
    public void de_werkgever_vraagt_hergebruik_van_de_huidige_versie_van_zijn_bewezen_afspraak()
    {
        var verzocht = HergebruikVerzoeken.Beslis(VerzoekId, Aanvraag(), Bron(), false, Testkader.Kader(), Testkader.Werkgever(), Testkader.Nu)
            .Gebeurtenissen.Single().ShouldBeOfType<HergebruikVerzocht>();

        verzocht.BronAfspraakId.ShouldBe(Afspraak.Id);
        verzocht.BronVersie.ShouldBe(Bron().Afspraak.Version);
        verzocht.DoelArbeidsmarktregio.ShouldBe("AM02");
        verzocht.KvkNummer.ShouldBe(Afspraak.Kvk);
    }

    [Fact]
    public void een_verzoek_wordt_geweigerd_als_het_niet_mag()
    {
        Beslis(Aanvraag(), Bron(bewezen: false)).Weigering!.Code.ShouldBe("niet-bewezen");
        Beslis(Aanvraag("AM01"), Bron()).Weigering!.Code.ShouldBe("eigen-regio");
        Beslis(Aanvraag(), null).Weigering!.Code.ShouldBe("onbekende-afspraak");
        Beslis(Aanvraag(), Bron(), alOpen: true).Weigering!.Code.ShouldBe("al-verzocht");
        HergebruikVerzoeken.Beslis(VerzoekId, Aanvraag(), Bron(), false, Testkader.Kader(), Testkader.Werkgever("76543210"), Testkader.Nu)
            .Weigering!.Code.ShouldBe("andere-werkgever");
    }

    [Fact]
    public void accepteren_start_een_concept_in_de_gevraagde_regio_dat_zijn_herkomst_kent()
    {
        var bron = Bron().Afspraak;

        var besluit = HergebruikBesluiten.Beslis(Open(), Accepteer(), bron, Testkader.Kader(), NieuwId, Leeuwarden, Testkader.Nu);

        besluit.Gebeurtenissen.Single().ShouldBeOfType<HergebruikGeaccepteerd>().NieuweAfspraakId.ShouldBe(NieuwId);
        var stroom = besluit.NieuweStromen.ShouldHaveSingleItem();
        stroom.AggregateType.ShouldBe(typeof(Samenwerkingsafspraak));
        var overgenomen = stroom.Gebeurtenissen.Single().ShouldBeOfType<AfspraakOvergenomen>();
        overgenomen.Arbeidsmarktregio.ShouldBe("AM02");
        overgenomen.Herkomst.ShouldBe(new Herkomst(bron.Id, bron.Version, "AM01", VerzoekId));
        overgenomen.Verschillen.ShouldBeEmpty();
        Samenwerkingsafspraak.Evolueer(null, overgenomen, 1).Status.ShouldBe(AfspraakStatus.Concept);
    }

    [Fact]
    public void elk_maatwerk_is_een_expliciet_verschil_met_een_reden()
    {
        var besluit = HergebruikBesluiten.Beslis(Open(), Accepteer(
                new MaatwerkVerzoek("externe-jobcoaching", null, "parameter", "urenPerWeek", JsonSerializer.SerializeToElement(4), null, null, "Reistijd"),
                new MaatwerkVerzoek("externe-jobcoaching", null, "maatwerk", null, null, null, null, "Geen extra intensiteit nodig"),
                new MaatwerkVerzoek("basisbaan", null, "toegevoegd", null, null, new() { ["aantalBanen"] = JsonSerializer.SerializeToElement(2) }, "Lokaal", "Vraag van de gemeente")),
            Bron().Afspraak, Testkader.Kader(), NieuwId, Leeuwarden, Testkader.Nu);

        besluit.Weigering.ShouldBeNull(string.Join("; ", besluit.Weigering?.Fouten?.Select(f => f.Name + ": " + f.Reason) ?? []));
        var overgenomen = (AfspraakOvergenomen)besluit.NieuweStromen.Single().Gebeurtenissen.Single();
        overgenomen.Verschillen.Select(v => (v.VariantCode, v.Soort, v.Reden)).ShouldBe(
            [("externe-jobcoaching", "parameter", "Reistijd"), ("externe-jobcoaching", "maatwerk", "Geen extra intensiteit nodig"), ("basisbaan", "toegevoegd", "Vraag van de gemeente")]);
        overgenomen.Inhoud.Werkafspraken[0].Maatwerk.ShouldBeNull();
        overgenomen.Verschillen[1].Oud!.Value.GetString().ShouldBe("Eerste drie maanden intensiever.");
        overgenomen.Verschillen[0].Oud!.Value.GetDecimal().ShouldBe(3m);
        overgenomen.Inhoud.Werkafspraken.Select(w => w.VariantCode).ShouldBe(["externe-jobcoaching", "basisbaan"]);
        overgenomen.Inhoud.Werkafspraken[1].Parameters["urenPerWeek"].GetDecimal().ShouldBe(24m);
    }

    [Fact]
    public void maatwerk_dat_niet_past_wordt_geweigerd_met_elk_probleem()
    {
        var besluit = HergebruikBesluiten.Beslis(Open(), Accepteer(
                new MaatwerkVerzoek("externe-jobcoaching", null, "parameter", "urenPerWeek", JsonSerializer.SerializeToElement(80), null, null, "Meer"),
                new MaatwerkVerzoek("praktijkroute", 2, "maatwerk", null, null, null, "x", "y"),
                new MaatwerkVerzoek("vliegen", null, "toegevoegd", null, null, null, null, "z")),
            Bron().Afspraak, Testkader.Kader(), NieuwId, Leeuwarden, Testkader.Nu);

        besluit.Weigering!.Fouten!.Select(f => f.Name).ShouldBe(["maatwerk[0].waarde", "maatwerk[1].variantCode", "maatwerk[2].variantCode"]);
    }

    [Fact]
    public void alleen_de_gevraagde_regio_beslist_en_maar_een_keer()
    {
        HergebruikBesluiten.Beslis(Open(), Accepteer(), Bron().Afspraak, Testkader.Kader(), NieuwId, Testkader.Regiopartij(regios: "AM03"), Testkader.Nu)
            .Weigering!.Code.ShouldBe("andere-regio");
        var afgewezen = Hergebruikverzoek.Evolueer(Open(), new HergebruikAfgewezen(VerzoekId, "anders", "x", Afspraak.Gemeentepartij, Testkader.Nu), 2);
        HergebruikBesluiten.Beslis(afgewezen, Accepteer(), Bron().Afspraak, Testkader.Kader(), NieuwId, Leeuwarden, Testkader.Nu)
            .Weigering!.Code.ShouldBe("al-beslist");
        afgewezen.Wachttijd.ShouldBe(TimeSpan.Zero);
        afgewezen.OpenSleutel.ShouldBeNull();
        Open().OpenSleutel.ShouldBe($"{Afspraak.Id}|AM02");
    }

    [Fact]
    public void alleen_de_werkgever_trekt_een_open_verzoek_in()
    {
        HergebruikBesluiten.Intrekken(Open(), "Toch niet", Testkader.Werkgever(), Testkader.Nu).Gebeurtenissen
            .ShouldBe([new HergebruikIngetrokken(VerzoekId, "Toch niet", Testkader.Nu)]);
        HergebruikBesluiten.Intrekken(Open(), null, Testkader.Werkgever("76543210"), Testkader.Nu).Weigering!.Code.ShouldBe("andere-werkgever");
    }

    private static Infrastructure.Writing.Besluit Beslis(HergebruikAanvraag aanvraag, Referentie? bron, bool alOpen = false) =>
        HergebruikVerzoeken.Beslis(VerzoekId, aanvraag, bron, alOpen, Testkader.Kader(), Testkader.Werkgever(), Testkader.Nu);
}
