using Samenwerkingsafspraken.Infrastructure.Http;
using CsCheck;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Beeindigen;
using Samenwerkingsafspraken.Afspraken.Bewijs;
using Samenwerkingsafspraken.Afspraken.Evalueren;
using Samenwerkingsafspraken.Afspraken.Ondertekenen;
using Samenwerkingsafspraken.Afspraken.Opstellen;
using Samenwerkingsafspraken.Afspraken.ResultatenRegistreren;
using Samenwerkingsafspraken.Afspraken.Verlengen;
using Samenwerkingsafspraken.Afspraken.Verlopen;
using Samenwerkingsafspraken.Afspraken.Verschillen;
using Samenwerkingsafspraken.Afspraken.Wijzigen;
using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.Hergebruik.Besluiten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Referenties;
using Samenwerkingsafspraken.Tests.Afspraken;
using Afspraak = Samenwerkingsafspraken.Tests.Afspraken.Afspraak;

namespace Samenwerkingsafspraken.Tests.Datums;

/// <summary>
/// Property-based: every decide function, driven with dates from the whole calendar (0001-01-01 to 9999-12-31, with
/// extra weight at the window's edges and the calendar's ends) and moments from the whole range of time. Whatever the
/// validator lets through, the decide function accepts or refuses without an exception; and no accepted state makes a
/// later step throw: signing, the scheduled expiry, results, corrections, evaluations, extensions, amendments,
/// ending, expiring, the proof rule, adoption in another region.
/// </summary>
public sealed class Datums_uit_de_hele_kalender
{
    private const int Pogingen = 1_500;

    private static readonly DateOnly[] Randen =
    [
        DateOnly.MinValue, DateOnly.MaxValue, Datumvenster.Vroegst, Datumvenster.Vroegst.AddDays(-1), Datumvenster.Laatst, Datumvenster.Laatst.AddDays(1),
        Datumvenster.Laatst.AddYears(-Grenzen.LooptijdInJaren), Datumvenster.Laatst.AddYears(-Grenzen.LooptijdInJaren).AddDays(-1), new(2024, 2, 29),
        DateOnly.MaxValue.AddYears(-Grenzen.LooptijdInJaren), DateOnly.MaxValue.AddDays(-1),
    ];

    /// <summary>Any date, near the window, or one of the edges where arithmetic used to overflow.</summary>
    public static readonly Gen<DateOnly> Datum = Gen.Frequency(
        (4, Gen.Int[DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber].Select(DateOnly.FromDayNumber)),
        (4, Gen.Int[Datumvenster.Vroegst.DayNumber - 800, Datumvenster.Laatst.DayNumber + 800].Select(DateOnly.FromDayNumber)),
        (2, Gen.Int[0, Randen.Length - 1].Select(i => Randen[i])));

    /// <summary>Any moment, or one inside the window.</summary>
    public static readonly Gen<DateTimeOffset> Moment = Gen.Frequency(
        (1, Gen.Long[DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks].Select(t => new DateTimeOffset(t, TimeSpan.Zero))),
        (3, Datum.Where(Datumvenster.Bevat).Select(d => new DateTimeOffset(d.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero))));

    /// <summary>A start and an end: independent, or an end a few days before to a little over ten years after the start.</summary>
    public static readonly Gen<(DateOnly Start, DateOnly Eind)> Looptijd = Gen.Frequency(
        (1, Gen.Select(Datum, Datum)),
        (3, Gen.Select(Datum, Gen.Int[-30, 3_700]).Select((start, dagen) =>
            (start, DateOnly.FromDayNumber(Math.Clamp(start.DayNumber + dagen, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber))))));

    private static readonly Gen<string> Kwartaal = Gen.Select(Gen.Int[1990, 2110], Gen.Int[0, 5]).Select((jaar, nummer) => $"{jaar}-K{nummer}");

    [Fact]
    public void een_looptijd_uit_de_hele_kalender_wordt_geweigerd_of_leidt_tot_een_afspraak_waarvan_elke_volgende_stap_werkt()
    {
        var geaccepteerd = 0;
        Gen.Select(Looptijd, Datum, Moment, Datum, Datum, Kwartaal).Sample((looptijd, vandaag, nu, later, nieuweEind, kwartaal) =>
        {
            var (start, eind) = looptijd;
            var verzoek = Afspraak_opstellen.Verzoek() with { Looptijd = new LooptijdVerzoek(start, eind) };
            var geldig = AfspraakOpstellenValidator.Instantie.Validate(Kadercontext.Met(verzoek, Testkader.Kader())).IsValid;
            geldig.ShouldBe(Datumvenster.Bevat(start) && Datumvenster.Bevat(eind) && eind > start && eind <= Grenzen.LaatsteEinddatum(start),
                $"looptijd {start} – {eind}");
            if (!geldig) return;

            Interlocked.Increment(ref geaccepteerd);
            var concept = Toepassen(null, AfspraakOpstellen.Beslis(Afspraak.Id, verzoek, Testkader.Kader(), Testkader.Regiopartij(), nu));
            Levenscyclus(concept!, vandaag, nu, later, nieuweEind, kwartaal);
        }, iter: Pogingen);

        geaccepteerd.ShouldBeGreaterThan(Pogingen / 10, "te weinig looptijden doorliepen de hele levenscyclus");
    }

    [Fact]
    public void een_wijziging_met_een_looptijd_uit_de_hele_kalender_laat_de_afspraak_werkend()
    {
        var geaccepteerd = 0;
        Gen.Select(Looptijd, Datum, Moment, Datum, Kwartaal).Sample((looptijd, vandaag, nu, later, kwartaal) =>
        {
            var (start, eind) = looptijd;
            var actief = Afspraak.ActieveAfspraak();
            var basis = Afspraak_opstellen.Verzoek();
            var verzoek = new WijzigingVerzoek("Nieuwe looptijd", basis.Titel, basis.WerkgeverContactrol, basis.Regiopartijen, basis.Werkafspraken,
                basis.Doelgroepen, basis.Beroepen, basis.Doelstellingen, new LooptijdVerzoek(start, eind), actief.Version);
            if (!WijzigingValidator.Instantie.Validate(Kadercontext.Met(verzoek, Testkader.Kader())).IsValid) return;
            Interlocked.Increment(ref geaccepteerd);

            var besluit = AfspraakWijzigen.Beslis(actief, verzoek, Testkader.Kader(), Testkader.Regiopartij(), vandaag, nu);
            Geplande(besluit);
            var gewijzigd = Toepassen(actief, besluit);
            Levenscyclus(gewijzigd!, later, nu, later, eind, kwartaal);
        }, iter: Pogingen);

        geaccepteerd.ShouldBeGreaterThan(Pogingen / 10);
    }

    [Fact]
    public void een_overname_met_een_looptijd_uit_de_hele_kalender_start_een_afspraak_waarvan_elke_stap_werkt()
    {
        var bron = Bewijsvoering_van_een_afspraak.BewezenAfspraak();
        var referentie = new Referentie(bron.Id, bron, Bewijsvoering.Beoordeel(bron, new Bewijsregel()));
        var verzoek = Hergebruikverzoek.Evolueer(null, Samenwerkingsafspraken.Hergebruik.Verzoeken.HergebruikVerzoeken.Beslis(Guid.NewGuid(),
            new Samenwerkingsafspraken.Hergebruik.Verzoeken.HergebruikAanvraag(bron.Id, "AM02", null, []), referentie, false, Testkader.Kader(),
            Testkader.Werkgever(), Testkader.Nu).Gebeurtenissen.Single(), 1);

        var geaccepteerd = 0;
        Gen.Select(Looptijd, Datum, Moment, Kwartaal).Sample((looptijd, vandaag, nu, kwartaal) =>
        {
            var (start, eind) = looptijd;
            var besluit = new HergebruikBesluitVerzoek("geaccepteerd",
                [new RegiopartijVerzoek("00000001001563891000", "Gemeente Leeuwarden", "gemeente", true, null)], new LooptijdVerzoek(start, eind), null, null, null, 1);
            if (!new HergebruikBesluitValidator().Validate(besluit).IsValid) return;
            Interlocked.Increment(ref geaccepteerd);

            var uitkomst = HergebruikBesluiten.Beslis(verzoek, besluit, bron, Testkader.Kader(), Guid.NewGuid(), Testkader.Regiopartij("00000001001563891000", "AM02"), nu);
            var nieuw = uitkomst.NieuweStromen.ShouldHaveSingleItem();
            var overgenomen = Schrijver.Evolueer<Samenwerkingsafspraak>(null, nieuw.Gebeurtenissen, 0);
            Levenscyclus(overgenomen, vandaag, nu, vandaag, eind, kwartaal, leeuwarden: true);
        }, iter: Pogingen);

        geaccepteerd.ShouldBeGreaterThan(Pogingen / 10);
    }

    [Fact]
    public void datums_in_een_query_uit_de_hele_kalender_worden_gelezen_of_geweigerd()
    {
        Datum.Sample(datum =>
        {
            var tekst = datum.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var fout = Datumvenster.Lees("peildatum", tekst, out var gelezen);
            (fout is null).ShouldBe(Datumvenster.Bevat(datum));
            AfspraakAlsToen.TryDatum(tekst, out _).ShouldBe(Datumvenster.Bevat(datum));
            if (fout is null) Klok.BeginVan(gelezen.AddDays(1)).ShouldBeGreaterThan(Klok.BeginVan(gelezen));
        }, iter: Pogingen);
    }

    [Fact]
    public void een_moment_uit_de_hele_tijd_heeft_een_nederlandse_dag()
    {
        Moment.Sample(moment => Klok.DagVan(moment).ShouldBeInRange(DateOnly.MinValue, DateOnly.MaxValue), iter: Pogingen);
    }

    /// <summary>Every later step, each with dates from the whole calendar, applied when it is accepted: nothing may throw.</summary>
    private static void Levenscyclus(Samenwerkingsafspraak afspraak, DateOnly vandaag, DateTimeOffset nu, DateOnly later, DateOnly nieuweEind, string kwartaal,
        bool leeuwarden = false)
    {
        var regiopartij = leeuwarden ? Testkader.Regiopartij("00000001001563891000", "AM02") : Testkader.Regiopartij();
        foreach (var ondertekenaar in new[] { Testkader.Werkgever(), regiopartij })
        {
            var getekend = AfspraakOndertekenen.Beslis(afspraak, ondertekenaar, vandaag, nu);
            Geplande(getekend);
            afspraak = Toepassen(afspraak, getekend) ?? afspraak;
        }

        Beoordeel(afspraak);
        var resultaten = new ResultatenVerzoek(kwartaal, 3, 2, 1, 0, afspraak.Version);
        if (new ResultatenValidator().Validate(resultaten).IsValid)
        {
            afspraak = Toepassen(afspraak, ResultatenRegistreren.Beslis(afspraak, resultaten, Testkader.Werkgever(), later, nu)) ?? afspraak;
            afspraak = Toepassen(afspraak, ResultatenRegistreren.Corrigeer(afspraak, kwartaal, new CorrectieVerzoek("Telfout", 4, 2, 1, 0, null),
                Testkader.Werkgever(), nu)) ?? afspraak;
        }

        afspraak = Toepassen(afspraak, AfspraakEvalueren.Beslis(afspraak, new EvaluatieVerzoek("succesvol", "Goed", true, null), Testkader.Werkgever(), nu))
                   ?? afspraak;
        Beoordeel(afspraak);

        var verlenging = new VerlengingVerzoek(nieuweEind, "Verder", null);
        if (new VerlengingValidator().Validate(verlenging).IsValid)
        {
            var verlengd = AfspraakVerlengen.Beslis(afspraak, verlenging, Testkader.Werkgever(), nu);
            Geplande(verlengd);
            afspraak = Toepassen(afspraak, verlengd) ?? afspraak;
        }

        var verlopen = AfspraakLatenVerlopen.Beslis(afspraak, new LaatAfspraakVerlopen(afspraak.Id, afspraak.Inhoud.Looptijd.Einddatum), later, nu);
        Beoordeel(Toepassen(afspraak, verlopen) ?? afspraak);

        var beeindigd = AfspraakBeeindigen.Beslis(afspraak, new BeeindigingVerzoek("anders", "Klaar", null), regiopartij, later, nu);
        var einde = Toepassen(afspraak, beeindigd) ?? afspraak;
        Beoordeel(einde);
        Toepassen(einde, AfspraakEvalueren.Beslis(einde, new EvaluatieVerzoek("succesvol", "Achteraf", true, null), Testkader.Werkgever(), nu));
        SamenwerkingsafspraakWeergave.Van(einde).ShouldNotBeNull();
        Afspraakvergelijking.Tussen(afspraak, einde).ShouldNotBeNull();
    }

    private static void Beoordeel(Samenwerkingsafspraak afspraak)
    {
        Bewijsvoering.Beoordeel(afspraak, new Bewijsregel()).ShouldNotBeNull();
        Bewijsvoering.Beoordeel(afspraak, new Bewijsregel { AchterafIngevoerdBewijsTelt = true, TijdigBinnenDagen = int.MaxValue }).ShouldNotBeNull();
    }

    /// <summary>A scheduled expiry is a moment the scheduler can hold.</summary>
    private static void Geplande(Besluit besluit)
    {
        foreach (var bericht in besluit.Berichten) bericht.Tijdstip.Year.ShouldBeInRange(2000, 2101);
    }

    private static Samenwerkingsafspraak? Toepassen(Samenwerkingsafspraak? afspraak, Besluit besluit) =>
        besluit.IsWeigering || besluit.Gebeurtenissen.Count == 0
            ? afspraak
            : Schrijver.Evolueer(afspraak, besluit.Gebeurtenissen, afspraak?.Version ?? 0);
}
