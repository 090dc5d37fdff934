using System.Text.Json;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Beeindigen;
using Samenwerkingsafspraken.Afspraken.Evalueren;
using Samenwerkingsafspraken.Afspraken.Opstellen;
using Samenwerkingsafspraken.Afspraken.ResultatenRegistreren;
using Samenwerkingsafspraken.Afspraken.Verlengen;
using Samenwerkingsafspraken.Afspraken.Wijzigen;
using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.Hergebruik.Besluiten;
using Samenwerkingsafspraken.Hergebruik.Verzoeken;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Varianten.Beheren;

namespace Samenwerkingsafspraken.Voorbeeldgegevens;

/// <summary>One thing someone does in the demo data, at a moment of simulated time; the generator runs it through the feature's own command.</summary>
public abstract record Stap
{
    public DateTimeOffset Tijd { get; init; }
}

public sealed record VariantToevoegenStap(VariantToevoegenVerzoek Verzoek) : Stap;
public sealed record VariantWijzigenStap(string Code, VariantWijzigenVerzoek Verzoek) : Stap;
public sealed record WerkgeverStap(Voorbeeldwerkgever Werkgever) : Stap;
public sealed record OpstellenStap(Guid Id, Gebruiker Door, AfspraakOpstellenVerzoek Verzoek) : Stap;
public sealed record OndertekenenStap(Guid Id, Gebruiker Door) : Stap;
public sealed record WijzigenStap(Guid Id, Gebruiker Door, WijzigingVerzoek Verzoek) : Stap;
public sealed record ResultatenStap(Guid Id, Gebruiker Door, ResultatenVerzoek Verzoek) : Stap;
public sealed record CorrigerenStap(Guid Id, Gebruiker Door, string Periode, CorrectieVerzoek Verzoek) : Stap;
public sealed record EvaluerenStap(Guid Id, Gebruiker Door, EvaluatieVerzoek Verzoek) : Stap;
public sealed record VerlengenStap(Guid Id, Gebruiker Door, VerlengingVerzoek Verzoek) : Stap;
public sealed record BeeindigenStap(Guid Id, Gebruiker Door, BeeindigingVerzoek Verzoek) : Stap;
public sealed record VerlopenStap(Guid Id, DateOnly Einddatum) : Stap;
public sealed record VerzoekenStap(Guid VerzoekId, Gebruiker Door, HergebruikAanvraag Aanvraag) : Stap;
public sealed record BesluitenStap(Guid VerzoekId, Gebruiker Door, HergebruikBesluitVerzoek Besluit, Guid NieuweAfspraakId) : Stap;
public sealed record IntrekkenStap(Guid VerzoekId, Gebruiker Door, IntrekkingVerzoek Verzoek) : Stap;

/// <summary>What the plan made, in order of simulated time.</summary>
public sealed record Voorbeeldplan(DateTimeOffset Start, DateTimeOffset Einde, IReadOnlyList<Stap> Stappen);

/// <summary>
/// The demo data as a plan: about forty employers and some three hundred agreements over three years up to a given
/// date, each with its own life (drawn up, signed, results per quarter, amended, evaluated, extended, ended, expired),
/// proven agreements reused in other regions (requests waiting, accepted as they are or with maatwerk, declined,
/// withdrawn), some over three regions and more. Made from a seeded random generator and nothing else: the same date
/// and seed give the same plan, and the generator turns it into the same events. Pure: no clock, no database.
/// </summary>
public sealed class Voorbeeldplanner
{
    public const int StandaardAantal = 270;
    public const int StandaardZaad = 2026;

    private enum Sterkte { Sterk, Gemiddeld, Zwak }

    private enum Lot { Actief, Gewijzigd, Verlengd, Beeindigd, Concept, HalfOndertekend, Ingetrokken }

    private enum Besluitlot { Open, Geaccepteerd, MetMaatwerk, Afgewezen, Ingetrokken }

    /// <summary>An agreement's life as planned: what the reuse part needs to know about it.</summary>
    private sealed record Verloop(Guid Id, Voorbeeldwerkgever Werkgever, Voorbeeldregio Regio, DateOnly Start, DateOnly? Einde, DateOnly? BewezenOp,
        IReadOnlyList<WerkafspraakVerzoek> Werkafspraken, int PlaatsingenPerJaar, Sterkte Sterkte);

    private readonly Random _kans;
    private readonly DateOnly _tot;
    private readonly DateTimeOffset _grens;
    private readonly DateOnly _begin;
    private readonly List<(Stap Stap, long Volgorde)> _stappen = [];
    private readonly HashSet<(Guid, string)> _gevraagd = [];
    private readonly Dictionary<string, int> _titels = new();
    private long _volgorde;

    private Voorbeeldplanner(DateOnly tot, int zaad)
    {
        _kans = new Random(zaad);
        _tot = tot;
        _grens = Klok.BeginVan(tot);
        _begin = new DateOnly(tot.Year, tot.Month, 1).AddMonths(-36);
    }

    public static Voorbeeldplan Maak(DateOnly tot, int aantalAfspraken = StandaardAantal, int zaad = StandaardZaad)
    {
        var planner = new Voorbeeldplanner(tot, zaad);
        planner.Plan(aantalAfspraken);
        var stappen = planner._stappen.OrderBy(s => s.Stap.Tijd).ThenBy(s => s.Volgorde).Select(s => s.Stap).ToList();
        return new Voorbeeldplan(Klok.BeginVan(planner._begin), planner._grens, stappen);
    }

    private void Plan(int aantal)
    {
        // The catalogue grows and changes while the registry runs.
        Voeg(new VariantToevoegenStap(new VariantToevoegenVerzoek("taalondersteuning", "Taalondersteuning op de werkvloer",
            "Les in het Nederlands tijdens het werk, voor medewerkers die de taal nog leren.", "scholing",
            [
                new VariantParameterVerzoek("urenPerWeek", "decimaal", true, "Uren taalles per week.", 0.5m, 16m, null, null, null, "uren"),
                new VariantParameterVerzoek("aanbieder", "tekst", false, "Wie de lessen geeft.", null, null, 200, null, null, null),
            ])), _begin.AddMonths(6), 10, 5);
        Voeg(new VariantWijzigenStap("nazorg", new VariantWijzigenVerzoek("Nazorg en ontzorging na plaatsing", "Blijvende ondersteuning van werkgever en werknemer na de plaatsing, met één aanspreekpunt.", "route",
            [
                new VariantParameterVerzoek("duurInMaanden", "geheelGetal", false, "Hoe lang de nazorg duurt.", 1, 36, null, null, JsonSerializer.SerializeToElement(6), "maanden"),
                new VariantParameterVerzoek("aanspreekpunt", "keuze", false, "Wie de nazorg biedt.", null, null, null, ["gemeente", "uwv", "werkgever"], null, null),
            ], "Op verzoek van SLW en DNZ: het aanspreekpunt voor de nazorg wordt vastgelegd.", null)), _begin.AddMonths(18), 11, 0);

        for (var i = 0; i < Voorbeeldcatalogus.Werkgevers.Count; i++)
        {
            var werkgever = Voorbeeldcatalogus.Werkgevers[i];
            Voeg(new WerkgeverStap(werkgever), _begin.AddDays(1 + i / 3), 9, 5 * (i % 3) + 2);
        }

        // Reuse along three regions and more, each hop proven before it is asked for.
        var bouw = Afspraak(Voorbeeldcatalogus.Werkgever(1), "AM01", _begin.AddMonths(2), 36, Sterkte.Sterk, Lot.Actief, uwvTekent: true);
        var friesland = Hergebruik(bouw, "AM02", Besluitlot.MetMaatwerk, 10);
        if (friesland is not null) Hergebruik(friesland, "AM03", Besluitlot.Geaccepteerd, 8);
        Hergebruik(bouw, "AM36", Besluitlot.Afgewezen, 40);

        var supermarkt = Afspraak(Voorbeeldcatalogus.Werkgever(3), "AM22", _begin.AddMonths(3), 36, Sterkte.Sterk, Lot.Actief);
        var utrecht = Hergebruik(supermarkt, "AM13", Besluitlot.Geaccepteerd, 6);
        if (utrecht is not null)
        {
            var groningen = Hergebruik(utrecht, "AM01", Besluitlot.MetMaatwerk, 12);
            if (groningen is null) Hergebruik(utrecht, "AM14", Besluitlot.Open, 20);
        }

        Hergebruik(supermarkt, "AM21", Besluitlot.Afgewezen, 25);
        Hergebruik(supermarkt, "AM23", Besluitlot.Ingetrokken, 30);

        var zorg = Afspraak(Voorbeeldcatalogus.Werkgever(2), "AM05", _begin.AddMonths(4), 36, Sterkte.Sterk, Lot.Actief);
        var zwolle = Hergebruik(zorg, "AM36", Besluitlot.MetMaatwerk, 9);
        if (zwolle is not null) Hergebruik(zwolle, "AM01", Besluitlot.Open, 14);
        Hergebruik(zorg, "AM06", Besluitlot.Open, 0, vanEinde: 21);

        // The rest: employers in their regions, in every stage of the lifecycle.
        var bronnen = new List<Verloop>();
        var gewichten = Voorbeeldcatalogus.Werkgevers.Select(w => w.Regios.Count >= 4 ? 3 : w.Regios.Count >= 2 ? 2 : 1).ToArray();
        for (var i = 0; i < aantal; i++)
        {
            var werkgever = Voorbeeldcatalogus.Werkgevers[Gewogen(gewichten)];
            var regio = _kans.NextDouble() < 0.4 ? werkgever.Regios[0] : werkgever.Regios[_kans.Next(werkgever.Regios.Count)];
            var lot = _kans.NextDouble() switch
            {
                < 0.06 => Lot.Concept,
                < 0.09 => Lot.HalfOndertekend,
                < 0.11 => Lot.Ingetrokken,
                < 0.21 => Lot.Beeindigd,
                < 0.33 => Lot.Gewijzigd,
                < 0.45 => Lot.Verlengd,
                _ => Lot.Actief,
            };
            var sterkte = _kans.NextDouble() switch { < 0.45 => Sterkte.Sterk, < 0.78 => Sterkte.Gemiddeld, _ => Sterkte.Zwak };
            var maanden = new[] { 12, 18, 24, 24, 36, 36 }[_kans.Next(6)];
            var start = _begin.AddMonths(2 + _kans.Next(33));
            var verloop = Afspraak(werkgever, regio, start, maanden, sterkte, lot, uwvTekent: _kans.NextDouble() < (regio == "AM01" ? 0.5 : 0.35));
            if (verloop?.BewezenOp is not null && werkgever.Regios.Count >= 2) bronnen.Add(verloop);
        }

        foreach (var bron in bronnen)
        {
            if (_kans.NextDouble() > 0.6) continue;
            var doelen = bron.Werkgever.Regios.Where(r => r != bron.Regio.Code).OrderBy(_ => _kans.Next()).Take(1 + _kans.Next(2)).ToList();
            foreach (var doel in doelen)
            {
                var lot = _kans.NextDouble() switch
                {
                    < 0.3 => Besluitlot.Geaccepteerd, < 0.55 => Besluitlot.MetMaatwerk, < 0.72 => Besluitlot.Afgewezen, < 0.82 => Besluitlot.Ingetrokken,
                    _ => Besluitlot.Open,
                };
                Hergebruik(bron, doel, lot, _kans.Next(7, 60));
            }
        }
    }

    /// <summary>
    /// One agreement drawn up by the gemeente of its region, and its life until the end of the plan: signatures (the
    /// last one before its start date), results a few weeks after each quarter, evaluations after a year, and its fate.
    /// </summary>
    private Verloop? Afspraak(Voorbeeldwerkgever werkgever, string regiocode, DateOnly start, int maanden, Sterkte sterkte, Lot lot, bool uwvTekent = false)
    {
        var regio = Voorbeeldcatalogus.Regio(regiocode);
        var sjablonen = Voorbeeldcatalogus.Sjablonen(werkgever.Sector);
        var sjabloon = sjablonen[_kans.Next(sjablonen.Count)];
        var werkafspraken = sjabloon.Werkafspraken(_kans).ToList();
        if (start >= _begin.AddMonths(8) && _kans.NextDouble() < 0.12)
            werkafspraken.Add(Voorbeeldcatalogus.Wa("taalondersteuning", ("urenPerWeek", 2m), ("aanbieder", "Het Taalhuis")));
        var plaatsingen = _kans.Next(4, 21);

        DateOnly opgesteld;
        if (lot is Lot.Concept or Lot.HalfOndertekend)
        {
            opgesteld = _tot.AddDays(-_kans.Next(4, 50));
            start = new DateOnly(_tot.Year, _tot.Month, 1).AddMonths(1 + _kans.Next(2));
        }
        else
        {
            opgesteld = start.AddDays(-_kans.Next(21, 46));
        }

        var einde = start.AddMonths(maanden).AddDays(-1);
        var id = NieuwId(Moment(opgesteld, 10, 0));
        var verzoek = new AfspraakOpstellenVerzoek(werkgever.KvkNummer, regio.Code, Titel(sjabloon.Titel, regio), "HR-adviseur inclusie",
            [regio.GemeentePartij(), regio.UwvPartij(uwvTekent)], werkafspraken, sjabloon.Doelgroepen, sjabloon.Beroepen,
            new DoelstellingenVerzoek(plaatsingen, Math.Max(1, plaatsingen * 2 / 3)),
            new LooptijdVerzoek(start, einde));
        if (!Voeg(new OpstellenStap(id, regio.GemeenteGebruiker, verzoek), opgesteld, 10, _kans.Next(60)) || lot == Lot.Concept) return null;

        if (lot == Lot.Ingetrokken)
        {
            Voeg(new BeeindigenStap(id, regio.GemeenteGebruiker, new BeeindigingVerzoek("ingetrokken",
                "De werkgever kiest na overleg voor een andere regio; dit concept wordt niet voortgezet.", null)), opgesteld.AddDays(_kans.Next(20, 60)), 14, 0);
            return null;
        }

        Voeg(new OndertekenenStap(id, werkgever.Gebruiker), opgesteld.AddDays(_kans.Next(2, 7)), 11, _kans.Next(60));
        if (lot == Lot.HalfOndertekend) return null;
        var getekend = opgesteld.AddDays(_kans.Next(8, 15));
        Voeg(new OndertekenenStap(id, regio.GemeenteGebruiker), getekend, 15, _kans.Next(60));
        if (uwvTekent) Voeg(new OndertekenenStap(id, regio.UwvGebruiker), getekend.AddDays(_kans.Next(1, 5)), 9, _kans.Next(60));
        return Leven(id, werkgever, regio, verzoek, werkafspraken, plaatsingen, start, einde, sterkte, lot, uwvTekent);
    }

    /// <summary>An active agreement's life: results, maybe an amendment, an extension or an early end, evaluations, expiry.</summary>
    private Verloop Leven(Guid id, Voorbeeldwerkgever werkgever, Voorbeeldregio regio, AfspraakOpstellenVerzoek? inhoud,
        IReadOnlyList<WerkafspraakVerzoek> werkafsprakenNu, int plaatsingenPerJaar, DateOnly start, DateOnly einde, Sterkte sterkte, Lot lot, bool uwvTekent)
    {
        var signers = new List<Gebruiker> { werkgever.Gebruiker, regio.GemeenteGebruiker };
        if (uwvTekent) signers.Add(regio.UwvGebruiker);

        DateOnly? beeindigd = null;
        if (lot == Lot.Beeindigd)
        {
            var maanden = (einde.Year - start.Year) * 12 + einde.Month - start.Month;
            beeindigd = start.AddMonths(_kans.Next(4, Math.Max(5, maanden - 1))).AddDays(_kans.Next(0, 20));
            if (beeindigd >= einde) beeindigd = null;
        }

        if (lot == Lot.Verlengd && einde.AddDays(-25) is var verlengOp && verlengOp > start)
        {
            var nieuw = einde.AddMonths(12);
            if (Voeg(new VerlengenStap(id, regio.GemeenteGebruiker, new VerlengingVerzoek(nieuw, "Goede resultaten: de partijen gaan een jaar door.", null)), verlengOp, 10, 30))
                einde = nieuw;
        }

        var eindeWerkelijk = beeindigd is { } b && b < einde ? b : einde;
        if (lot == Lot.Gewijzigd && inhoud is not null)
        {
            var op = start.AddMonths(_kans.Next(5, 10));
            if (op < eindeWerkelijk.AddMonths(-1))
            {
                var werkafspraken = inhoud.Werkafspraken!.Select((w, i) => i == 0
                    ? w with { Maatwerk = "Na een half jaar: de begeleiding loopt via één vaste jobcoach, ook bij de nieuwe vestiging." }
                    : w).ToList();
                var wijziging = new WijzigingVerzoek("Na een half jaar: één vaste jobcoach voor alle plaatsingen, ook bij de nieuwe vestiging.",
                    inhoud.Titel, "Manager HR en inclusie", inhoud.Regiopartijen, werkafspraken, inhoud.Doelgroepen, inhoud.Beroepen, inhoud.Doelstellingen,
                    new LooptijdVerzoek(inhoud.Looptijd!.Startdatum, einde), null);
                if (Voeg(new WijzigenStap(id, regio.GemeenteGebruiker, wijziging), op, 13, 15))
                {
                    for (var s = 0; s < signers.Count; s++) Voeg(new OndertekenenStap(id, signers[s]), op.AddDays(3 + 3 * s + _kans.Next(3)), 10, _kans.Next(60));
                }
            }
        }

        for (var kwartaal = new Kwartaal(start.Year, (start.Month - 1) / 3 + 1); kwartaal.Start <= eindeWerkelijk;
             kwartaal = kwartaal.Nummer == 4 ? new Kwartaal(kwartaal.Jaar + 1, 1) : kwartaal with { Nummer = kwartaal.Nummer + 1 })
        {
            var op = kwartaal.Eind.AddDays(_kans.Next(8, 36));
            var tellingen = Tellingen(plaatsingenPerJaar, sterkte);
            var door = _kans.NextDouble() < 0.7 ? regio.GemeenteGebruiker : werkgever.Gebruiker;
            var periode = kwartaal.ToString();
            if (!Voeg(new ResultatenStap(id, door, new ResultatenVerzoek(periode, tellingen.Plaatsingen, tellingen.NaZes, tellingen.NaTwaalf, tellingen.Uitval, null)),
                    op, 9, _kans.Next(60))) break;
            if (_kans.NextDouble() < 0.06)
            {
                Voeg(new CorrigerenStap(id, regio.GemeenteGebruiker, periode, new CorrectieVerzoek("Een plaatsing werd later gemeld door de jobcoach.",
                    tellingen.Plaatsingen + 1, tellingen.NaZes + 1, tellingen.NaTwaalf, tellingen.Uitval, null)), op.AddDays(_kans.Next(7, 21)), 16, 0);
            }
        }

        DateOnly? bewezen = null;
        if (beeindigd is { } eind && eind < einde)
        {
            var reden = sterkte == Sterkte.Zwak ? "onvoldoende-resultaat" : new[] { "werkgever-gestopt", "samenwerking-gestopt", "vervangen" }[_kans.Next(3)];
            var toelichting = reden switch
            {
                "onvoldoende-resultaat" => "Te weinig plaatsingen; de partijen zoeken samen een andere aanpak.",
                "werkgever-gestopt" => "De werkgever sluit de vestiging in deze regio.",
                "samenwerking-gestopt" => "De partijen zetten de samenwerking niet voort na een reorganisatie.",
                _ => "Vervangen door een bredere afspraak met meer werkafspraken.",
            };
            if (Voeg(new BeeindigenStap(id, regio.GemeenteGebruiker, new BeeindigingVerzoek(reden, toelichting, null)), eind, 14, 30))
            {
                Voeg(new EvaluerenStap(id, regio.GemeenteGebruiker, Evaluatie(sterkte == Sterkte.Sterk ? Sterkte.Gemiddeld : sterkte)), eind.AddDays(_kans.Next(7, 21)), 11, 0);
            }
        }
        else
        {
            // A year after the start, both sides judge it. A strong one that still runs then is proven: twelve full months
            // active, its placements on target, both judgments positive (the default proof rule).
            var evaluatie = start.AddMonths(12).AddDays(_kans.Next(10, 25));
            if (evaluatie <= einde.AddDays(60))
            {
                var regiodag = evaluatie.AddDays(_kans.Next(1, 6));
                var werkgeverOordeel = Voeg(new EvaluerenStap(id, werkgever.Gebruiker, Evaluatie(sterkte)), evaluatie, 10, _kans.Next(60));
                var regioOordeel = Voeg(new EvaluerenStap(id, regio.GemeenteGebruiker, Evaluatie(sterkte)), regiodag, 14, _kans.Next(60));
                if (werkgeverOordeel && regioOordeel && sterkte == Sterkte.Sterk && regiodag <= einde) bewezen = regiodag.AddDays(1);
            }

            if (Regels.Verlooptijdstip(einde) is var verloopt && verloopt.AddHours(2) < _grens)
            {
                Voeg(new VerlopenStap(id, einde) { Tijd = verloopt.AddHours(2) });
            }
        }

        return new Verloop(id, werkgever, regio, start, eindeWerkelijk, bewezen, werkafsprakenNu, plaatsingenPerJaar, sterkte);
    }

    /// <summary>
    /// The employer asks another region to adopt a proven agreement, some days after it became proven; the region
    /// decides after a while, or the request still waits. An accepted request starts a new agreement there, which the
    /// employer and the gemeente sign and which then lives its own life.
    /// </summary>
    private Verloop? Hergebruik(Verloop? bron, string doelcode, Besluitlot lot, int dagenNaBewijs, int? vanEinde = null)
    {
        if (bron is null || bron.BewezenOp is not { } bewezen || !_gevraagd.Add((bron.Id, doelcode))) return null;
        var verzocht = vanEinde is { } dagen ? _tot.AddDays(-dagen) : bewezen.AddDays(dagenNaBewijs);
        if (verzocht < bewezen) return null;
        var doel = Voorbeeldcatalogus.Regio(doelcode);
        var verzoekId = NieuwId(Moment(verzocht, 10, 0));
        var voorstel = lot == Besluitlot.MetMaatwerk || _kans.NextDouble() < 0.3 ? Voorstel(bron) : [];
        if (!Voeg(new VerzoekenStap(verzoekId, bron.Werkgever.Gebruiker, new HergebruikAanvraag(bron.Id, doelcode,
                $"Deze afspraak werkt in {bron.Regio.Naam}; wij willen haar ook in {doel.Naam} gebruiken.", voorstel)), verzocht, 10, _kans.Next(60)))
            return null;

        var besluitdag = verzocht.AddDays(_kans.Next(4, 35));
        switch (lot)
        {
            case Besluitlot.Open:
                return null;
            case Besluitlot.Ingetrokken:
                Voeg(new IntrekkenStap(verzoekId, bron.Werkgever.Gebruiker, new IntrekkingVerzoek("We openen in deze regio toch geen vestiging.", null)),
                    verzocht.AddDays(_kans.Next(3, 20)), 16, 0);
                return null;
            case Besluitlot.Afgewezen:
                var reden = new[] { "bestaande-afspraak-volstaat", "geen-capaciteit", "past-niet-in-regio" }[_kans.Next(3)];
                Voeg(new BesluitenStap(verzoekId, doel.GemeenteGebruiker, new HergebruikBesluitVerzoek(Besluitsoorten.Afgewezen, null, null, null, reden,
                    "We bespreken graag wat wel past; neem contact op met het werkgeversservicepunt.", null), Guid.Empty), besluitdag, 11, 0);
                return null;
        }

        var start = new DateOnly(besluitdag.Year, besluitdag.Month, 1).AddMonths(2);
        var einde = start.AddMonths(24).AddDays(-1);
        var nieuwId = NieuwId(Moment(besluitdag, 11, 0));
        var maatwerk = lot == Besluitlot.MetMaatwerk ? Maatwerk(bron, doel) : null;
        if (!Voeg(new BesluitenStap(verzoekId, doel.GemeenteGebruiker, new HergebruikBesluitVerzoek(
                lot == Besluitlot.MetMaatwerk ? Besluitsoorten.GeaccepteerdMetMaatwerk : Besluitsoorten.Geaccepteerd,
                [doel.GemeentePartij(), doel.UwvPartij(false)], new LooptijdVerzoek(start, einde), maatwerk, null, null, null), nieuwId), besluitdag, 11, 0))
            return null;

        Voeg(new OndertekenenStap(nieuwId, bron.Werkgever.Gebruiker), besluitdag.AddDays(_kans.Next(3, 10)), 10, _kans.Next(60));
        if (!Voeg(new OndertekenenStap(nieuwId, doel.GemeenteGebruiker), besluitdag.AddDays(_kans.Next(11, 20)), 15, _kans.Next(60))) return null;
        return Leven(nieuwId, bron.Werkgever, doel, null, Toegepast(bron.Werkafspraken, maatwerk), bron.PlaatsingenPerJaar, start, einde, bron.Sterkte, Lot.Actief,
            uwvTekent: false);
    }

    private IReadOnlyList<MaatwerkVerzoek> Maatwerk(Verloop bron, Voorbeeldregio doel)
    {
        var wijzigingen = new List<MaatwerkVerzoek>
        {
            new(bron.Werkafspraken[0].VariantCode, 1, "maatwerk", null, null, null, $"Samen met het regionale werkbedrijf in {doel.Naam}.", "Regionale partner"),
        };
        if (bron.Werkafspraken.FirstOrDefault(w => w.VariantCode == "externe-jobcoaching") is { } coaching
            && coaching.Parameters!.TryGetValue("urenPerWeek", out var uren))
        {
            wijzigingen.Add(new MaatwerkVerzoek("externe-jobcoaching", 1, "parameter", "urenPerWeek", JsonSerializer.SerializeToElement(uren.GetDecimal() + 1.5m),
                null, null, $"Langere reistijden in {doel.Naam}"));
        }

        return wijzigingen;
    }

    /// <summary>The werkafspraken after the maatwerk the plan makes (a parameter and the tailoring text of the first of a variant).</summary>
    private static IReadOnlyList<WerkafspraakVerzoek> Toegepast(IReadOnlyList<WerkafspraakVerzoek> bron, IReadOnlyList<MaatwerkVerzoek>? maatwerk)
    {
        var werkafspraken = bron.ToList();
        foreach (var m in maatwerk ?? [])
        {
            var i = werkafspraken.FindIndex(w => w.VariantCode == m.VariantCode);
            if (i < 0) continue;
            werkafspraken[i] = m.Soort switch
            {
                "maatwerk" => werkafspraken[i] with { Maatwerk = m.Maatwerk },
                "parameter" => werkafspraken[i] with
                {
                    Parameters = new Dictionary<string, JsonElement>(werkafspraken[i].Parameters!) { [m.Parameter!] = m.Waarde!.Value },
                },
                _ => werkafspraken[i],
            };
        }

        return werkafspraken;
    }

    private IReadOnlyList<MaatwerkVerzoek> Voorstel(Verloop bron) =>
        bron.Werkafspraken.FirstOrDefault(w => w.VariantCode == "externe-jobcoaching") is { } coaching && coaching.Parameters!.TryGetValue("urenPerWeek", out var uren)
            ? [new MaatwerkVerzoek("externe-jobcoaching", 1, "parameter", "urenPerWeek", JsonSerializer.SerializeToElement(uren.GetDecimal() + 1m), null, null,
                "Langere reistijden")]
            : [];

    private (int Plaatsingen, int NaZes, int NaTwaalf, int Uitval) Tellingen(int perJaar, Sterkte sterkte)
    {
        var factor = sterkte switch
        {
            Sterkte.Sterk => 1.05 + _kans.NextDouble() * 0.35,
            Sterkte.Gemiddeld => 0.55 + _kans.NextDouble() * 0.3,
            _ => 0.15 + _kans.NextDouble() * 0.3,
        };
        var plaatsingen = (int)Math.Ceiling(perJaar / 4.0 * factor);
        var naZes = (int)Math.Floor(plaatsingen * (sterkte == Sterkte.Zwak ? 0.5 : 0.85));
        var naTwaalf = (int)Math.Floor(plaatsingen * (sterkte == Sterkte.Zwak ? 0.3 : 0.7));
        return (plaatsingen, naZes, naTwaalf, plaatsingen - naZes);
    }

    private EvaluatieVerzoek Evaluatie(Sterkte sterkte) => sterkte switch
    {
        Sterkte.Sterk => new EvaluatieVerzoek("succesvol", Voorbeeldcatalogus.Lessen[_kans.Next(Voorbeeldcatalogus.Lessen.Count)], true, null),
        Sterkte.Gemiddeld => new EvaluatieVerzoek("deelsSuccesvol", Voorbeeldcatalogus.Lessen[_kans.Next(Voorbeeldcatalogus.Lessen.Count)], false, null),
        _ => new EvaluatieVerzoek("nietSuccesvol", Voorbeeldcatalogus.MindereLessen[_kans.Next(Voorbeeldcatalogus.MindereLessen.Count)], false, null),
    };

    private string Titel(string titel, Voorbeeldregio regio)
    {
        var basis = $"{titel} – {regio.Naam}";
        var nummer = _titels[basis] = _titels.GetValueOrDefault(basis) + 1;
        return nummer == 1 ? basis : $"{basis} ({nummer})";
    }

    private int Gewogen(int[] gewichten)
    {
        var worp = _kans.Next(gewichten.Sum());
        for (var i = 0; i < gewichten.Length; i++)
        {
            if (worp < gewichten[i]) return i;
            worp -= gewichten[i];
        }

        return gewichten.Length - 1;
    }

    /// <summary>Adds a step at a Dutch day and time; a step on or after the plan's end date does not happen (yet).</summary>
    private bool Voeg(Stap stap, DateOnly dag, int uur, int minuut) => Voeg(stap with { Tijd = Moment(dag, uur, minuut) });

    private bool Voeg(Stap stap)
    {
        if (stap.Tijd >= _grens) return false;
        _stappen.Add((stap, _volgorde++));
        return true;
    }

    private static DateTimeOffset Moment(DateOnly dag, int uur, int minuut) => Klok.BeginVan(dag).AddHours(uur).AddMinutes(minuut);

    /// <summary>A time-ordered UUID (version 7) from the plan's own random numbers: the same in every run.</summary>
    private Guid NieuwId(DateTimeOffset tijd)
    {
        Span<byte> bytes = stackalloc byte[16];
        _kans.NextBytes(bytes);
        var ms = tijd.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(ms >> (8 * (5 - i)));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
