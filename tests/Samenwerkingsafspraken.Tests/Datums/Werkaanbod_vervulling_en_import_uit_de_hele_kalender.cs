using System.Globalization;
using System.Text;
using CsCheck;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Beeindigen;
using Samenwerkingsafspraken.Afspraken.Bewijs;
using Samenwerkingsafspraken.Afspraken.Importeren;
using Samenwerkingsafspraken.Afspraken.Ondertekenen;
using Samenwerkingsafspraken.Afspraken.Opstellen;
using Samenwerkingsafspraken.Afspraken.Verlengen;
using Samenwerkingsafspraken.Afspraken.Vervullen;
using Samenwerkingsafspraken.Afspraken.Wijzigen;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Referenties;
using Samenwerkingsafspraken.Werkaanbod;
using Samenwerkingsafspraken.Werkgevers;
using Samenwerkingsafspraken.Tests.Afspraken;
using Kalender = Samenwerkingsafspraken.Tests.Datums.Datums_uit_de_hele_kalender;

namespace Samenwerkingsafspraken.Tests.Datums;

/// <summary>
/// Property-based, like the agreement's own lifecycle: the werkaanbod's dates, the quarters of a vervulling (registered
/// and corrected) and the dates and Excel serial numbers in an import file's cells, drawn from the whole calendar. The
/// validator and the decide functions refuse or accept, never throw; what they accept stays workable (vervulling,
/// correction, ending, extension, amendment, the overview of offered and filled places, the proof rule).
/// </summary>
public sealed class Werkaanbod_vervulling_en_import_uit_de_hele_kalender
{
    private const int Pogingen = 1_000;

    private static readonly string[] Randen = ["0001-K1", "9999-K4", "2100-K4", "2000-K1", "10000-K1", "-001-K1", "2025-K", "2025K1", ""];

    /// <summary>A quarter as a client may write it: well-formed in or far outside the window, or not a quarter at all.</summary>
    private static readonly Gen<string> Periode = Gen.Frequency(
        (4, Gen.Select(Gen.Int[1999, 2101], Gen.Int[1, 4]).Select((jaar, nummer) => $"{jaar}-K{nummer}")),
        (1, Gen.Select(Gen.Int[0, 9999], Gen.Int[0, 9]).Select((jaar, nummer) => $"{jaar:D4}-K{nummer}")),
        (1, Gen.Int[0, Randen.Length - 1].Select(i => Randen[i])));

    /// <summary>A looptijd and a day for its werkaanbod: anywhere in the calendar, or near the start so that many lie inside the looptijd.</summary>
    private static readonly Gen<((DateOnly Start, DateOnly Eind) Looptijd, DateOnly Vanaf)> LooptijdEnVanaf =
        Gen.Select(Kalender.Looptijd, Kalender.Datum, Gen.Int[-40, 4_000], Gen.Bool).Select((looptijd, datum, dagen, ergens) =>
            (looptijd, ergens ? datum : Dag(looptijd.Start.DayNumber + dagen)));

    private static DateOnly Dag(long dagnummer) =>
        DateOnly.FromDayNumber((int)Math.Clamp(dagnummer, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

    private static WerkaanbodVerzoek Aanbod(string sector, string? functie, DateOnly vanaf) => new(sector, functie, null, 5, vanaf);

    [Fact]
    public void een_werkaanbod_met_datums_uit_de_hele_kalender_wordt_geweigerd_of_laat_elke_vervulling_werken()
    {
        var geaccepteerd = 0;
        Gen.Select(LooptijdEnVanaf, Gen.Int[-40, 200], Kalender.Datum, Kalender.Moment, Periode, Periode).Sample((lv, dagen, vandaag, nu, periode, andere) =>
        {
            var ((start, eind), vanaf1) = lv;
            var vanaf2 = Dag(vanaf1.DayNumber + dagen);
            var verzoek = Afspraak_opstellen.Verzoek() with
            {
                Looptijd = new LooptijdVerzoek(start, eind),
                Werkaanbod = [Aanbod("bouw", "Timmerman", vanaf1), Aanbod("zorg-en-welzijn", null, vanaf2)],
            };
            var fouten = Validatie.AlsParameters(AfspraakOpstellenValidator.Instantie.Validate(Kadercontext.Met(verzoek, Testkader.Kader())));
            var looptijdGeldig = Datumvenster.Bevat(start) && Datumvenster.Bevat(eind) && eind > start && eind <= Grenzen.LaatsteEinddatum(start);
            (fouten.Count == 0).ShouldBe(looptijdGeldig && vanaf1 >= start && vanaf1 <= eind && vanaf2 >= start && vanaf2 <= eind,
                $"looptijd {start} – {eind}, werkaanbod vanaf {vanaf1} en {vanaf2}");
            foreach (var (vanaf, i) in new[] { (vanaf1, 0), (vanaf2, 1) })
            {
                if (!Datumvenster.Bevat(vanaf)) fouten.ShouldContain(f => f.Name == $"werkaanbod[{i}].vanaf", $"vanaf {vanaf} buiten het venster");
            }

            if (fouten.Count > 0) return;

            Interlocked.Increment(ref geaccepteerd);
            var concept = Schrijver.Evolueer<Samenwerkingsafspraak>(null,
                AfspraakOpstellen.Beslis(Afspraak.Id, verzoek, Testkader.Kader(), Testkader.Regiopartij(), nu).Gebeurtenissen, 0);
            Vervullingen(Ondertekend(concept, vandaag, nu), vandaag, nu, periode, andere);
        }, iter: Pogingen);

        geaccepteerd.ShouldBeGreaterThan(Pogingen / 20, $"te weinig werkaanbod kwam door de controle ({geaccepteerd})");
    }

    [Fact]
    public void een_wijziging_van_het_werkaanbod_uit_de_hele_kalender_laat_de_afspraak_werkend()
    {
        var geaccepteerd = 0;
        Gen.Select(LooptijdEnVanaf, Kalender.Datum, Kalender.Moment, Periode, Periode).Sample((lv, vandaag, nu, periode, andere) =>
        {
            var ((start, eind), vanaf) = lv;
            var actief = Ondertekend(Schrijver.Evolueer<Samenwerkingsafspraak>(null, AfspraakOpstellen.Beslis(Afspraak.Id,
                Afspraak_opstellen.Verzoek() with { Werkaanbod = [Aanbod("bouw", null, new DateOnly(2025, 1, 1))] }, Testkader.Kader(),
                Testkader.Regiopartij(), Testkader.Nu).Gebeurtenissen, 0), new DateOnly(2025, 1, 1), Testkader.Nu);
            var basis = Afspraak_opstellen.Verzoek();
            var verzoek = new WijzigingVerzoek("Ander werk", basis.Titel, basis.WerkgeverContactrol, basis.Regiopartijen, basis.Werkafspraken,
                basis.Doelgroepen, basis.Beroepen, basis.Doelstellingen, new LooptijdVerzoek(start, eind), actief.Version,
                [Aanbod("bouw", null, vanaf), Aanbod("zorg-en-welzijn", "Helpende", start)]);
            if (!WijzigingValidator.Instantie.Validate(Kadercontext.Met(verzoek, Testkader.Kader())).IsValid)
            {
                (Datumvenster.Bevat(start) && Datumvenster.Bevat(eind) && Datumvenster.Bevat(vanaf) && vanaf >= start && vanaf <= eind && eind > start
                 && eind <= Grenzen.LaatsteEinddatum(start)).ShouldBeFalse($"looptijd {start} – {eind}, vanaf {vanaf}");
                return;
            }

            Interlocked.Increment(ref geaccepteerd);
            var gewijzigd = Toepassen(actief, AfspraakWijzigen.Beslis(actief, verzoek, Testkader.Kader(), Testkader.Regiopartij(), vandaag, nu));
            Vervullingen(Ondertekend(gewijzigd, vandaag, nu), vandaag, nu, periode, andere);
        }, iter: Pogingen);

        geaccepteerd.ShouldBeGreaterThan(Pogingen / 20);
    }

    [Fact]
    public void een_vervulling_over_elk_kwartaal_op_elke_dag_wordt_geweigerd_of_vastgelegd()
    {
        var actief = Ondertekend(Schrijver.Evolueer<Samenwerkingsafspraak>(null, AfspraakOpstellen.Beslis(Afspraak.Id,
            Afspraak_opstellen.Verzoek() with { Werkaanbod = [Aanbod("bouw", null, new DateOnly(2025, 1, 1))] }, Testkader.Kader(),
            Testkader.Regiopartij(), Testkader.Nu).Gebeurtenissen, 0), new DateOnly(2025, 1, 1), Testkader.Nu);
        var vastgelegd = 0;
        Gen.Select(Periode, Kalender.Datum, Kalender.Moment, Periode).Sample((periode, vandaag, nu, andere) =>
        {
            var melding = new VervullingVerzoek(periode, [new VervuldeRegelVerzoek("bouw", null, 2)], actief.Version);
            var geldig = new VervullingValidator().Validate(melding).IsValid;
            geldig.ShouldBe(Kwartaal.TryParse(periode, out var kwartaal), periode);
            if (!geldig) return;

            var besluit = VervullingRegistreren.Beslis(actief, melding, Testkader.Werkgever(), vandaag, nu);
            besluit.IsWeigering.ShouldBe(!kwartaal.Overlapt(actief.Inhoud.Looptijd) || vandaag <= kwartaal.Eind, $"{periode} op {vandaag}");
            if (besluit.IsWeigering) return;

            Interlocked.Increment(ref vastgelegd);
            var na = Toepassen(actief, besluit);
            Toepassen(na, VervullingRegistreren.Corrigeer(na, andere, new VervullingCorrectieVerzoek("Telfout", [new VervuldeRegelVerzoek("bouw", null, 3)], null),
                Testkader.Werkgever(), nu));
            Toepassen(na, VervullingRegistreren.Corrigeer(na, periode, new VervullingCorrectieVerzoek("Telfout", [new VervuldeRegelVerzoek("bouw", null, 3)], null),
                Testkader.Werkgever(), nu)).Vervullingen.ShouldHaveSingleItem().Regels.ShouldHaveSingleItem().Vervuld.ShouldBe(3);
        }, iter: Pogingen);

        vastgelegd.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void datums_uit_de_hele_kalender_in_een_importbestand_worden_per_cel_geweigerd_of_geimporteerd()
    {
        var werkgevers = new Dictionary<string, Werkgever> { ["01234567"] = Testkader.Bouwbedrijf };
        var geaccepteerd = 0;
        Gen.Select(LooptijdEnVanaf, Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 3], Kalender.Moment, Periode, Periode)
            .Sample((lv, vorm1, vorm2, vorm3, nu, periode, andere) =>
            {
                var ((start, eind), vanaf) = lv;
                var rij = Importrij(Cel(start, vorm1), Cel(eind, vorm2), Cel(vanaf, vorm3));
                var regel = Importvertaling.Vertaal(rij, "AM01", Testkader.Kader().Varianten);
                var bestand = new Afsprakenbestand("AM01", "csv", [regel]);
                var besluit = AfsprakenImporteren.Beslis(bestand, werkgevers, Testkader.Kader(), Testkader.Regiopartij(), nu, Guid.CreateVersion7);

                var gelezen = new[] { (start, vorm1), (eind, vorm2), (vanaf, vorm3) }.All(d => Leesbaar(d.Item1, d.Item2));
                var geldig = gelezen && Datumvenster.Bevat(start) && Datumvenster.Bevat(eind) && eind > start && eind <= Grenzen.LaatsteEinddatum(start)
                             && vanaf >= start && vanaf <= eind;
                besluit.IsWeigering.ShouldBe(!geldig, $"{start} ({vorm1}) – {eind} ({vorm2}), werkaanbod vanaf {vanaf} ({vorm3})");
                if (besluit.Weigering is { } weigering)
                {
                    weigering.Fouten!.ShouldNotBeEmpty();
                    weigering.Fouten!.ShouldAllBe(f => f.Name.StartsWith("regels[2].", StringComparison.Ordinal));
                    if (Leesbaar(start, vorm1) && !Datumvenster.Bevat(start)) weigering.Fouten!.ShouldContain(f => f.Name == "regels[2].startdatum");
                    if (Leesbaar(eind, vorm2) && !Datumvenster.Bevat(eind)) weigering.Fouten!.ShouldContain(f => f.Name == "regels[2].einddatum");
                    if (Leesbaar(vanaf, vorm3) && !Datumvenster.Bevat(vanaf)) weigering.Fouten!.ShouldContain(f => f.Name == "regels[2].werkaanbod1Vanaf");
                    return;
                }

                Interlocked.Increment(ref geaccepteerd);
                var opgesteld = besluit.NieuweStromen.ShouldHaveSingleItem();
                var concept = Schrijver.Evolueer<Samenwerkingsafspraak>(null, opgesteld.Gebeurtenissen, 0);
                Vervullingen(Ondertekend(concept, start, nu), Klok.DagVan(nu), nu, periode, andere);
            }, iter: Pogingen);

        geaccepteerd.ShouldBeGreaterThan(Pogingen / 20, "te weinig regels kwamen door de controle");
    }

    [Fact]
    public void het_overzicht_van_werkaanbod_telt_elk_kwartaal_uit_het_venster()
    {
        var actief = Ondertekend(Schrijver.Evolueer<Samenwerkingsafspraak>(null, AfspraakOpstellen.Beslis(Afspraak.Id,
            Afspraak_opstellen.Verzoek() with { Werkaanbod = [Aanbod("bouw", null, new DateOnly(2025, 1, 1))] }, Testkader.Kader(),
            Testkader.Regiopartij(), Testkader.Nu).Gebeurtenissen, 0), new DateOnly(2025, 1, 1), Testkader.Nu);
        Gen.Select(Periode, Kalender.Datum.Where(Datumvenster.Bevat)).Sample((periode, vandaag) =>
        {
            var kwartaal = Kwartaal.TryParse(periode, out var k) ? k : Werkaanbodtelling.LaatsteAfgelopen(vandaag);
            Werkaanbodtelling.Overzicht([Werkaanbodfeiten.Van(actief)], kwartaal, null, null, null).Totaal.AantalAfspraken.ShouldBeInRange(0, 1);
        }, iter: Pogingen);
    }

    /// <summary>Signed by both parties on a day from the calendar; what is refused leaves the agreement as it was.</summary>
    private static Samenwerkingsafspraak Ondertekend(Samenwerkingsafspraak afspraak, DateOnly vandaag, DateTimeOffset nu)
    {
        foreach (var ondertekenaar in new[] { Testkader.Werkgever(), Testkader.Regiopartij() })
        {
            afspraak = Toepassen(afspraak, AfspraakOndertekenen.Beslis(afspraak, ondertekenaar, vandaag, nu));
        }

        return afspraak;
    }

    /// <summary>A vervulling of every line offered, its correction, then ending, extending and the views over it: nothing may throw.</summary>
    private static void Vervullingen(Samenwerkingsafspraak afspraak, DateOnly vandaag, DateTimeOffset nu, string periode, string andere)
    {
        var regels = afspraak.Inhoud.Werkaanbod.Select(w => new VervuldeRegelVerzoek(w.Sector, w.Functie, 1)).ToList();
        foreach (var p in new[] { periode, andere, Kwartaal.TryParse(periode, out _) ? periode : "2025-K1" })
        {
            var melding = new VervullingVerzoek(p, regels, afspraak.Version);
            if (!new VervullingValidator().Validate(melding).IsValid) continue;
            afspraak = Toepassen(afspraak, VervullingRegistreren.Beslis(afspraak, melding, Testkader.Regiopartij(), vandaag, nu));
            afspraak = Toepassen(afspraak, VervullingRegistreren.Corrigeer(afspraak, p,
                new VervullingCorrectieVerzoek("Telfout", regels.Select(r => r with { Vervuld = 0 }).ToList(), null), Testkader.Werkgever(), nu));
        }

        Bekijk(afspraak, periode, vandaag);
        var beeindigd = Toepassen(afspraak, AfspraakBeeindigen.Beslis(afspraak, new BeeindigingVerzoek("anders", "Klaar", null), Testkader.Regiopartij(), vandaag, nu));
        var melding2 = new VervullingVerzoek(periode, regels, beeindigd.Version);
        if (new VervullingValidator().Validate(melding2).IsValid)
            beeindigd = Toepassen(beeindigd, VervullingRegistreren.Beslis(beeindigd, melding2, Testkader.Werkgever(), vandaag, nu));
        Bekijk(beeindigd, periode, vandaag);

        var verlenging = new VerlengingVerzoek(vandaag, "Verder", null);
        if (new VerlengingValidator().Validate(verlenging).IsValid)
            Bekijk(Toepassen(afspraak, AfspraakVerlengen.Beslis(afspraak, verlenging, Testkader.Werkgever(), nu)), periode, vandaag);
    }

    private static void Bekijk(Samenwerkingsafspraak afspraak, string periode, DateOnly vandaag)
    {
        SamenwerkingsafspraakWeergave.Van(afspraak).ShouldNotBeNull();
        Bewijsvoering.Beoordeel(afspraak, new Bewijsregel()).ShouldNotBeNull();
        var feiten = Werkaanbodfeiten.Van(afspraak);
        if (Kwartaal.TryParse(periode, out var kwartaal)) Werkaanbodtelling.Overzicht([feiten], kwartaal, null, null, null).ShouldNotBeNull();
        if (Datumvenster.Bevat(vandaag)) Werkaanbodtelling.Overzicht([feiten], Werkaanbodtelling.LaatsteAfgelopen(vandaag), null, null, null).ShouldNotBeNull();
    }

    private static Samenwerkingsafspraak Toepassen(Samenwerkingsafspraak afspraak, Besluit besluit) =>
        besluit.IsWeigering || besluit.Gebeurtenissen.Count == 0 ? afspraak : Schrijver.Evolueer(afspraak, besluit.Gebeurtenissen, afspraak.Version);

    /// <summary>A date as a file may hold it: ISO, Dutch day-month-year, with slashes, or as an Excel cell's serial number.</summary>
    private static Importcel Cel(DateOnly datum, int vorm) => vorm switch
    {
        0 => new Importcel(datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        1 => new Importcel(datum.ToString("d-M-yyyy", CultureInfo.InvariantCulture)),
        2 => new Importcel(datum.ToString("d/M/yyyy", CultureInfo.InvariantCulture)),
        _ => Serieel(datum),
    };

    /// <summary>Excel's serial number of a day (1899-12-30 is 0); days before that become numbers Excel itself would not write.</summary>
    private static Importcel Serieel(DateOnly datum)
    {
        var getal = (double)(datum.DayNumber - new DateOnly(1899, 12, 30).DayNumber);
        return new Importcel(getal.ToString(CultureInfo.InvariantCulture), getal);
    }

    /// <summary>Whether the file's form of the date is read as a date: text always, a serial number only from 1900 on.</summary>
    private static bool Leesbaar(DateOnly datum, int vorm) =>
        vorm < 3 || datum.DayNumber - new DateOnly(1899, 12, 30).DayNumber >= 1;

    private static Importrij Importrij(Importcel start, Importcel eind, Importcel vanaf)
    {
        var kop = "kenmerk;werkgever;titel;startdatum;einddatum;doelgroepen;plaatsingenPerJaar;duurzamePlaatsingenPerJaar;regiopartij1Oin;regiopartij1Naam;" +
                  "regiopartij1Soort;regiopartij1Ondertekent;werkafspraak1Variant;werkafspraak1Parameters;werkaanbod1Sector;werkaanbod1Plaatsen;werkaanbod1Vanaf";
        var rij = "GR-1;01234567;Samen naar werk;2025-01-01;2026-12-31;banenafspraak;8;6;00000001001589623000;Gemeente Groningen;gemeente;ja;" +
                  "externe-jobcoaching;urenPerWeek=3;bouw;4;2025-03-01";
        var (rijen, fouten) = Importbestand.Lees(Encoding.UTF8.GetBytes(kop + "\r\n" + rij), Importformaat.Csv);
        fouten.ShouldBeEmpty();
        var cellen = rijen.Single().Cellen.ToDictionary();
        cellen["startdatum"] = start;
        cellen["einddatum"] = eind;
        cellen["werkaanbod1Vanaf"] = vanaf;
        return new Importrij(2, cellen);
    }
}
