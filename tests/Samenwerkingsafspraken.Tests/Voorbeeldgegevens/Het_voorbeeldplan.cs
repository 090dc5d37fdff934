using System.Text.Json;
using Samenwerkingsafspraken.Hergebruik.Besluiten;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web.Aanmelden;
using Samenwerkingsafspraken.Voorbeeldgegevens;
using Samenwerkingsafspraken.Werkgevers;

namespace Samenwerkingsafspraken.Tests.Voorbeeldgegevens;

/// <summary>
/// The demo data as the product asks for it, checked on the full plan (pure and deterministic; the integration test
/// runs a smaller plan through the real commands): about forty employers of both kinds and both networks, about three
/// hundred agreements over most regions in every stage, results per quarter, evaluations, reuse requests in every
/// state, lineage over three regions or more, and the organisations of the demo sign-in with work of their own.
/// </summary>
public sealed class Het_voorbeeldplan
{
    private static readonly DateOnly Tot = new(2026, 11, 20);
    private static readonly Voorbeeldplan Plan = Voorbeeldplanner.Maak(Tot);

    [Fact]
    public void zelfde_datum_en_zaad_geven_hetzelfde_plan_een_ander_zaad_een_ander()
    {
        var tweede = Voorbeeldplanner.Maak(Tot);
        Json(tweede).ShouldBe(Json(Plan));
        Json(Voorbeeldplanner.Maak(Tot, zaad: Voorbeeldplanner.StandaardZaad + 1)).ShouldNotBe(Json(Plan));
    }

    [Fact]
    public void de_stappen_liggen_op_volgorde_binnen_de_drie_jaar_van_het_plan()
    {
        Plan.Stappen.Count.ShouldBeGreaterThan(1000);
        Plan.Stappen.ShouldAllBe(s => s.Tijd >= Plan.Start && s.Tijd < Plan.Einde);
        Plan.Stappen.Zip(Plan.Stappen.Skip(1)).ShouldAllBe(p => p.First.Tijd <= p.Second.Tijd);
        (Plan.Einde - Plan.Start).TotalDays.ShouldBeInRange(3 * 365 - 5, 3 * 366 + 25);
    }

    [Fact]
    public void ongeveer_veertig_werkgevers_privaat_en_publiek_leden_van_dnz_en_slw()
    {
        var werkgevers = Plan.Stappen.OfType<WerkgeverStap>().Select(s => s.Werkgever).ToList();
        werkgevers.Count.ShouldBeInRange(35, 45);
        werkgevers.Select(w => w.KvkNummer).ShouldBeUnique();
        werkgevers.Count(w => w.Soort == Werkgeversoort.Privaat).ShouldBeGreaterThanOrEqualTo(15);
        werkgevers.Count(w => w.Soort == Werkgeversoort.Publiek).ShouldBeGreaterThanOrEqualTo(8);
        werkgevers.Count(w => w.Netwerken.Contains("dnz")).ShouldBeGreaterThanOrEqualTo(10);
        werkgevers.Count(w => w.Netwerken.Contains("slw")).ShouldBeGreaterThanOrEqualTo(10);
        werkgevers.Select(w => w.Sector).Distinct().Count().ShouldBeGreaterThanOrEqualTo(15);
    }

    [Fact]
    public void ongeveer_driehonderd_afspraken_in_de_meeste_regios()
    {
        var afspraken = Afspraken();
        afspraken.Count.ShouldBeInRange(270, 340);
        afspraken.Keys.ShouldBeUnique();
        var regios = afspraken.Values.Select(a => a.Regio).Distinct().ToList();
        regios.Count.ShouldBeGreaterThanOrEqualTo(30, "de meeste van de 35 regio's");
        Plan.Stappen.OfType<WerkgeverStap>().Count(w => afspraken.Values.Any(a => a.Kvk == w.Werkgever.KvkNummer)).ShouldBeGreaterThanOrEqualTo(35);
    }

    [Fact]
    public void afspraken_in_elke_fase_van_hun_leven()
    {
        var fasen = Afspraken().Values.GroupBy(Fase).ToDictionary(g => g.Key, g => g.Count());

        foreach (var fase in new[] { "concept", "half ondertekend", "ingetrokken concept", "actief", "gewijzigd", "verlengd", "beëindigd", "verlopen" })
        {
            fasen.GetValueOrDefault(fase).ShouldBeGreaterThanOrEqualTo(3, $"{fase}: {string.Join(", ", fasen.Select(f => $"{f.Key} {f.Value}"))}");
        }
    }

    [Fact]
    public void resultaten_per_kwartaal_met_correcties_en_evaluaties_met_elk_oordeel()
    {
        var resultaten = Plan.Stappen.OfType<ResultatenStap>().ToList();
        resultaten.Count.ShouldBeGreaterThan(1000);
        resultaten.ShouldAllBe(r => System.Text.RegularExpressions.Regex.IsMatch(r.Verzoek.Periode!, @"^20\d\d-K[1-4]$"));
        resultaten.GroupBy(r => (r.Id, r.Verzoek.Periode)).ShouldAllBe(g => g.Count() == 1, "één registratie per kwartaal; een tweede is een correctie");
        Plan.Stappen.OfType<CorrigerenStap>().Count().ShouldBeGreaterThanOrEqualTo(10);
        Plan.Stappen.OfType<CorrigerenStap>().ShouldAllBe(c => resultaten.Any(r => r.Id == c.Id && r.Verzoek.Periode == c.Periode && r.Tijd < c.Tijd));

        var evaluaties = Plan.Stappen.OfType<EvaluerenStap>().ToList();
        evaluaties.Count.ShouldBeGreaterThan(100);
        evaluaties.Select(e => e.Verzoek.Oordeel).Distinct().OrderBy(o => o).ShouldBe(["deelsSuccesvol", "nietSuccesvol", "succesvol"]);
    }

    [Fact]
    public void hergebruikverzoeken_in_elke_stand_en_een_stamboom_over_drie_regios_of_meer()
    {
        var verzoeken = Plan.Stappen.OfType<VerzoekenStap>().ToList();
        var besluiten = Plan.Stappen.OfType<BesluitenStap>().ToDictionary(b => b.VerzoekId);
        var ingetrokken = Plan.Stappen.OfType<IntrekkenStap>().Select(i => i.VerzoekId).ToHashSet();
        besluiten.Keys.ShouldAllBe(id => !ingetrokken.Contains(id), "een verzoek wordt besloten of ingetrokken, niet allebei");

        string Stand(VerzoekenStap v) => ingetrokken.Contains(v.VerzoekId) ? "ingetrokken"
            : besluiten.TryGetValue(v.VerzoekId, out var b) ? b.Besluit.Besluit! : "wachtend";
        var standen = verzoeken.GroupBy(Stand).ToDictionary(g => g.Key, g => g.Count());
        foreach (var stand in new[] { "wachtend", Besluitsoorten.Geaccepteerd, Besluitsoorten.GeaccepteerdMetMaatwerk, Besluitsoorten.Afgewezen, "ingetrokken" })
        {
            standen.GetValueOrDefault(stand).ShouldBeGreaterThanOrEqualTo(2, $"{stand}: {string.Join(", ", standen.Select(s => $"{s.Key} {s.Value}"))}");
        }

        besluiten.Values.Where(b => b.Besluit.Besluit == Besluitsoorten.GeaccepteerdMetMaatwerk).ShouldAllBe(b => b.Besluit.Maatwerk!.Count > 0);
        // Every request is for a proven agreement: asked after its evaluations, never for one in its first year.
        var afspraken = Afspraken();
        verzoeken.ShouldAllBe(v => afspraken.ContainsKey(v.Aanvraag.BronAfspraak!.Value) && afspraken[v.Aanvraag.BronAfspraak!.Value].Evaluaties >= 2);
        verzoeken.Select(v => v.Aanvraag.BronAfspraak).Distinct().Count().ShouldBeGreaterThanOrEqualTo(8, "bewezen afspraken die worden hergebruikt");

        var bronVan = verzoeken.Where(v => besluiten.TryGetValue(v.VerzoekId, out var b) && b.NieuweAfspraakId != Guid.Empty)
            .ToDictionary(v => besluiten[v.VerzoekId].NieuweAfspraakId, v => v.Aanvraag.BronAfspraak!.Value);
        int Regios(Guid id)
        {
            var regios = new HashSet<string> { afspraken[id].Regio };
            while (bronVan.TryGetValue(id, out var bron)) regios.Add(afspraken[id = bron].Regio);
            return regios.Count;
        }

        afspraken.Keys.Max(Regios).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void wie_zich_aanmeldt_als_een_demo_organisatie_ziet_eigen_werk()
    {
        var afspraken = Afspraken().Values.ToList();
        var verzoeken = Plan.Stappen.OfType<VerzoekenStap>().ToList();
        foreach (var identiteit in Demoidentiteiten.Alle)
        {
            switch (identiteit.Rol)
            {
                case Rollen.Werkgever:
                    afspraken.Count(a => a.Kvk == identiteit.Kvk).ShouldBeGreaterThanOrEqualTo(5, identiteit.Id);
                    verzoeken.Count(v => v.Door.Kvk == identiteit.Kvk).ShouldBeGreaterThanOrEqualTo(1, identiteit.Id);
                    break;
                case Rollen.Regiopartij:
                    afspraken.Count(a => identiteit.Regios!.Contains(a.Regio) && a.Partijen.Contains(identiteit.Oin!)).ShouldBeGreaterThanOrEqualTo(3, identiteit.Id);
                    break;
            }
        }

        verzoeken.Count(v => v.Aanvraag.Arbeidsmarktregio == "AM02").ShouldBeGreaterThanOrEqualTo(1, "Leeuwarden heeft verzoeken in haar inbox");
    }

    private sealed record Afspraak(Guid Id, string Kvk, string Regio, IReadOnlyList<string> Partijen, int Ondertekeningen, int Evaluaties,
        bool Gewijzigd, bool Verlengd, string? Beeindigd, bool Verlopen);

    /// <summary>Every agreement of the plan (drawn up, or started by accepting a request) with what happens to it.</summary>
    private static Dictionary<Guid, Afspraak> Afspraken()
    {
        var verzoeken = Plan.Stappen.OfType<VerzoekenStap>().ToDictionary(v => v.VerzoekId);
        var afspraken = new Dictionary<Guid, Afspraak>();
        foreach (var stap in Plan.Stappen)
        {
            switch (stap)
            {
                case OpstellenStap o:
                    afspraken.Add(o.Id, new Afspraak(o.Id, o.Verzoek.Werkgever!, o.Verzoek.Arbeidsmarktregio!, o.Verzoek.Regiopartijen!.Select(p => p.Oin!).ToList(),
                        0, 0, false, false, null, false));
                    break;
                case BesluitenStap { NieuweAfspraakId: var nieuw } b when nieuw != Guid.Empty:
                    var bron = afspraken[verzoeken[b.VerzoekId].Aanvraag.BronAfspraak!.Value];
                    afspraken.Add(nieuw, new Afspraak(nieuw, bron.Kvk, verzoeken[b.VerzoekId].Aanvraag.Arbeidsmarktregio!,
                        b.Besluit.Regiopartijen!.Select(p => p.Oin!).ToList(), 0, 0, false, false, null, false));
                    break;
                case OndertekenenStap s:
                    afspraken[s.Id] = afspraken[s.Id] with { Ondertekeningen = afspraken[s.Id].Ondertekeningen + 1 };
                    break;
                case EvaluerenStap e:
                    afspraken[e.Id] = afspraken[e.Id] with { Evaluaties = afspraken[e.Id].Evaluaties + 1 };
                    break;
                case WijzigenStap w:
                    afspraken[w.Id] = afspraken[w.Id] with { Gewijzigd = true };
                    break;
                case VerlengenStap v:
                    afspraken[v.Id] = afspraken[v.Id] with { Verlengd = true };
                    break;
                case BeeindigenStap e:
                    afspraken[e.Id] = afspraken[e.Id] with { Beeindigd = e.Verzoek.Reden };
                    break;
                case VerlopenStap v:
                    afspraken[v.Id] = afspraken[v.Id] with { Verlopen = true };
                    break;
            }
        }

        return afspraken;
    }

    private static string Fase(Afspraak a) => a switch
    {
        { Beeindigd: "ingetrokken" } => "ingetrokken concept",
        { Ondertekeningen: 0 } => "concept",
        { Ondertekeningen: 1 } => "half ondertekend",
        { Beeindigd: not null } => "beëindigd",
        { Verlopen: true } => "verlopen",
        { Gewijzigd: true } => "gewijzigd",
        { Verlengd: true } => "verlengd",
        _ => "actief",
    };

    private static string Json(Voorbeeldplan plan) =>
        JsonSerializer.Serialize(plan.Stappen.Select(s => (object)s).ToList(), new JsonSerializerOptions { WriteIndented = false }) + plan.Start + plan.Einde;
}
