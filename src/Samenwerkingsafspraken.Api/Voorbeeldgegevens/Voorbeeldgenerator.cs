using System.Diagnostics;
using Marten;
using Npgsql;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Beeindigen;
using Samenwerkingsafspraken.Afspraken.Evalueren;
using Samenwerkingsafspraken.Afspraken.Ondertekenen;
using Samenwerkingsafspraken.Afspraken.Opstellen;
using Samenwerkingsafspraken.Afspraken.ResultatenRegistreren;
using Samenwerkingsafspraken.Afspraken.Verlengen;
using Samenwerkingsafspraken.Afspraken.Verlopen;
using Samenwerkingsafspraken.Afspraken.Wijzigen;
using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.Hergebruik.Besluiten;
using Samenwerkingsafspraken.Hergebruik.Verzoeken;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Referenties;
using Samenwerkingsafspraken.Varianten;
using Samenwerkingsafspraken.Varianten.Beheren;
using Samenwerkingsafspraken.Werkgevers;
using Samenwerkingsafspraken.Werkgevers.Registreren;
using Wolverine;

namespace Samenwerkingsafspraken.Voorbeeldgegevens;

/// <summary>What the demo data holds after a run, counted from the registry's own lookups.</summary>
public sealed record Voorbeeldverslag(
    int Werkgevers,
    IReadOnlyDictionary<AfspraakStatus, int> Afspraken,
    IReadOnlyDictionary<Verzoekstatus, int> Verzoeken,
    int Bewezen,
    int MetMaatwerk,
    int LangsteStamboom,
    int Gebeurtenissen,
    TimeSpan Duur)
{
    public int AantalAfspraken => Afspraken.Values.Sum();

    public override string ToString() =>
        $"{Werkgevers} werkgevers; {AantalAfspraken} afspraken ({string.Join(", ", Afspraken.Select(a => $"{a.Value} {a.Key.ToString().ToLowerInvariant()}"))}), " +
        $"{Bewezen} bewezen; {Verzoeken.Values.Sum()} hergebruikverzoeken ({string.Join(", ", Verzoeken.Select(v => $"{v.Value} {v.Key.ToString().ToLowerInvariant()}"))}, " +
        $"{MetMaatwerk} met maatwerk); langste stamboom over {LangsteStamboom} regio's; {Gebeurtenissen} gebeurtenissen in {Duur.TotalSeconds:F0} s.";
}

public sealed class RegisterNietLeeg(string bericht) : InvalidOperationException(bericht);

/// <summary>
/// Fills an empty registry with the demo data: the plan's steps in order of simulated time, each through the
/// feature's own command function (the one the API's endpoint and the web pages run), so that the data set is nothing
/// but events with their metadata, checked by the same rules. Domain time is simulated for this flow only
/// (<see cref="Klok.Simuleer"/>): the events carry the plan's moments, other requests on the same host keep the real
/// time. Agreements expire when simulated time passes their end date, as the scheduled message would have done; when
/// the plan is done, each agreement still running gets its expiry scheduled at its real moment.
/// </summary>
public sealed class Voorbeeldgenerator(IServiceProvider services, ILogger<Voorbeeldgenerator> logger)
{
    private static readonly SemaphoreSlim EenTegelijk = new(1, 1);

    /// <summary>What the last run on this node made (for the start page after its button).</summary>
    public Voorbeeldverslag? LaatsteVerslag { get; private set; }

    /// <summary>Why the last run on this node failed, if it did (the start page runs it in the background and says so).</summary>
    public string? LaatsteFout { get; private set; }

    public bool Bezig => EenTegelijk.CurrentCount == 0;

    public async Task<Voorbeeldverslag> Maak(DateOnly tot, int aantal = Voorbeeldplanner.StandaardAantal, Action<string>? voortgang = null,
        CancellationToken cancellation = default)
    {
        var klok = services.GetRequiredService<Klok>();
        if (tot > klok.Vandaag) throw new ArgumentOutOfRangeException(nameof(tot), "De voorbeeldgegevens lopen tot vandaag of eerder, niet tot in de toekomst.");
        if (!await EenTegelijk.WaitAsync(0, cancellation)) throw new RegisterNietLeeg("De voorbeeldgegevens worden al aangemaakt.");
        try
        {
            var store = services.GetRequiredService<IDocumentStore>();
            if (!await IsLeeg(store, cancellation))
                throw new RegisterNietLeeg("Het register is niet leeg: voorbeeldgegevens komen alleen in een leeg register (zonder werkgevers en afspraken).");

            var klokje = Stopwatch.StartNew();
            var plan = Voorbeeldplanner.Maak(tot, aantal);
            voortgang?.Invoke($"{plan.Stappen.Count} stappen van {plan.Start:yyyy-MM-dd} tot {plan.Einde:yyyy-MM-dd}");
            var uitvoering = new Uitvoering(services, klok, cancellation);
            using (var simulatie = klok.Simuleer(plan.Start))
            {
                for (var n = 0; n < plan.Stappen.Count; n++)
                {
                    var stap = plan.Stappen[n];
                    simulatie.Zet(stap.Tijd);
                    await uitvoering.Voer(stap, n);
                    if (n % 500 == 499) voortgang?.Invoke($"{n + 1} van {plan.Stappen.Count} stappen ({stap.Tijd:yyyy-MM-dd})");
                }
            }

            await PlanVerloopInEchteTijd(store, cancellation);
            var verslag = await Verslag(store, klokje.Elapsed, cancellation);
            logger.LogInformation("Demo data made: {Verslag}", verslag);
            LaatsteVerslag = verslag;
            LaatsteFout = null;
            return verslag;
        }
        catch (Exception e) when (e is not RegisterNietLeeg and not OperationCanceledException)
        {
            LaatsteFout = e.Message;
            throw;
        }
        finally
        {
            EenTegelijk.Release();
        }
    }

    /// <summary>Empty: no employer, agreement or reuse request yet (the reference data may be there).</summary>
    public static async Task<bool> IsLeeg(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return !await session.Query<Werkgever>().AnyAsync(cancellation)
               && !await session.Query<Samenwerkingsafspraak>().AnyAsync(cancellation)
               && !await session.Query<Hergebruikverzoek>().AnyAsync(cancellation);
    }

    /// <summary>The expiry each running agreement planned in simulated time lies too late in real time: plan it again at its real moment.</summary>
    private async Task PlanVerloopInEchteTijd(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var actief = await session.Query<Samenwerkingsafspraak>().Where(a => a.Status == AfspraakStatus.Actief).ToListAsync(cancellation);
        await using var scope = services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        foreach (var afspraak in actief)
        {
            var einde = afspraak.Inhoud.Looptijd.Einddatum;
            await bus.ScheduleAsync(new LaatAfspraakVerlopen(afspraak.Id, einde), Regels.Verlooptijdstip(einde));
        }
    }

    private static async Task<Voorbeeldverslag> Verslag(IDocumentStore store, TimeSpan duur, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var afspraken = await session.Query<Samenwerkingsafspraak>().ToListAsync(cancellation);
        var verzoeken = await session.Query<Hergebruikverzoek>().ToListAsync(cancellation);
        var referenties = (await session.Query<Referentie>().ToListAsync(cancellation)).ToDictionary(r => r.Id);
        var werkgevers = await session.Query<Werkgever>().CountAsync(cancellation);
        var statistiek = await store.Advanced.FetchEventStoreStatistics(token: cancellation);

        int Diepte(Guid id, int stappen) =>
            stappen > 50 || !referenties.TryGetValue(id, out var r) || r.Afspraak.Herkomst is not { } h ? 1 : 1 + Diepte(h.BronAfspraakId, stappen + 1);

        return new Voorbeeldverslag(
            werkgevers,
            afspraken.GroupBy(a => a.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            verzoeken.GroupBy(v => v.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            referenties.Values.Count(r => r.Bewezen),
            verzoeken.Count(v => v.Status == Verzoekstatus.Geaccepteerd && v.Verschillen.Count > 0),
            afspraken.Count == 0 ? 0 : afspraken.Max(a => Diepte(a.Id, 0)),
            (int)statistiek.EventCount,
            duur);
    }

    /// <summary>Runs the steps: each through the feature's command, at the version the stream now has; a refusal is a fault of the plan.</summary>
    private sealed class Uitvoering(IServiceProvider services, Klok klok, CancellationToken cancellation)
    {
        private readonly Schrijver _schrijver = services.GetRequiredService<Schrijver>();
        private readonly IDocumentStore _store = services.GetRequiredService<IDocumentStore>();
        private readonly NpgsqlDataSource _database = services.GetRequiredService<NpgsqlDataSource>();
        private readonly Dictionary<Guid, long> _versies = new();

        public async Task Voer(Stap stap, int nummer)
        {
            Opdrachtcontext Context(Gebruiker door, string handeling, Guid? stroom = null) => new(door, handeling, $"voorbeeldgegevens-{nummer:000000}",
                stroom is { } id ? Versievoorwaarde.Van(_versies[id]) : Versievoorwaarde.Geen, null, cancellation);

            Schrijfuitkomst uitkomst;
            switch (stap)
            {
                case VariantToevoegenStap s:
                    uitkomst = await VariantenBeheren.Toevoegen(_schrijver, Context(Voorbeeldcatalogus.Beheerder, "POST /v1/varianten"), s.Verzoek, klok);
                    break;
                case VariantWijzigenStap s:
                    await using (var sessie = _store.QuerySession())
                    {
                        var variant = await sessie.LoadAsync<Variant>(Variant.StreamId(s.Code), cancellation);
                        _versies[Variant.StreamId(s.Code)] = variant!.Version;
                    }

                    uitkomst = await VariantenBeheren.Wijzigen(_schrijver, Context(Voorbeeldcatalogus.Beheerder, $"POST /v1/varianten/{s.Code}/wijzigingen",
                        Variant.StreamId(s.Code)), s.Code, s.Verzoek, klok);
                    break;
                case WerkgeverStap s:
                    await using (var sessie = _store.QuerySession())
                    {
                        var w = s.Werkgever;
                        var verzoek = new WerkgeverRegistrerenVerzoek(w.KvkNummer, w.Naam, w.Sector, w.Soort.ToString().ToLowerInvariant(), w.Netwerken,
                            w.Regios.Select((r, i) => new VestigingVerzoek($"{w.KvkNummer}{i + 1:0000}", r)).ToList());
                        uitkomst = await WerkgeverRegistreren.Uitvoeren(_schrijver, Context(w.Gebruiker, "POST /v1/werkgevers"), verzoek, klok, sessie, _database);
                    }

                    break;
                case OpstellenStap s:
                    uitkomst = await AfspraakOpstellen.Uitvoeren(_schrijver, Context(s.Door, "POST /v1/samenwerkingsafspraken"), s.Verzoek, klok, s.Id);
                    break;
                case OndertekenenStap s:
                    uitkomst = await AfspraakOndertekenen.Uitvoeren(_schrijver, Context(s.Door, Pad(s.Id, "ondertekeningen"), s.Id), s.Id,
                        new OndertekenenVerzoek(null), klok);
                    break;
                case WijzigenStap s:
                    uitkomst = await AfspraakWijzigen.Uitvoeren(_schrijver, Context(s.Door, Pad(s.Id, "wijzigingen"), s.Id), s.Id, s.Verzoek, klok);
                    break;
                case ResultatenStap s:
                    uitkomst = await ResultatenRegistreren.Uitvoeren(_schrijver, Context(s.Door, Pad(s.Id, "resultaten"), s.Id), s.Id, s.Verzoek, klok);
                    break;
                case CorrigerenStap s:
                    uitkomst = await ResultatenRegistreren.Corrigeren(_schrijver, Context(s.Door, Pad(s.Id, $"resultaten/{s.Periode}/correcties"), s.Id), s.Id,
                        s.Periode, s.Verzoek, klok);
                    break;
                case EvaluerenStap s:
                    uitkomst = await AfspraakEvalueren.Uitvoeren(_schrijver, Context(s.Door, Pad(s.Id, "evaluaties"), s.Id), s.Id, s.Verzoek, klok);
                    break;
                case VerlengenStap s:
                    uitkomst = await AfspraakVerlengen.Uitvoeren(_schrijver, Context(s.Door, Pad(s.Id, "verlengingen"), s.Id), s.Id, s.Verzoek, klok);
                    break;
                case BeeindigenStap s:
                    uitkomst = await AfspraakBeeindigen.Uitvoeren(_schrijver, Context(s.Door, Pad(s.Id, "beeindiging"), s.Id), s.Id, s.Verzoek, klok);
                    break;
                case VerlopenStap s:
                    await Verloop(s);
                    return;
                case VerzoekenStap s:
                    uitkomst = await HergebruikVerzoeken.Uitvoeren(_schrijver, Context(s.Door, "POST /v1/hergebruikverzoeken"), s.Aanvraag, klok, s.VerzoekId);
                    break;
                case BesluitenStap s:
                    uitkomst = await HergebruikBesluiten.Uitvoeren(_schrijver, Context(s.Door, $"POST /v1/hergebruikverzoeken/{s.VerzoekId}/besluit", s.VerzoekId),
                        s.VerzoekId, s.Besluit, klok, s.NieuweAfspraakId == Guid.Empty ? null : s.NieuweAfspraakId);
                    if (uitkomst is Schrijfuitkomst.Gelukt && s.NieuweAfspraakId != Guid.Empty) _versies[s.NieuweAfspraakId] = 1;
                    break;
                case IntrekkenStap s:
                    uitkomst = await HergebruikBesluiten.Intrekken(_schrijver, Context(s.Door, $"POST /v1/hergebruikverzoeken/{s.VerzoekId}/intrekking", s.VerzoekId),
                        s.VerzoekId, s.Verzoek, klok);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown step {stap.GetType().Name}.");
            }

            if (uitkomst is not Schrijfuitkomst.Gelukt gelukt)
            {
                throw new InvalidOperationException($"Step {nummer} of the demo data ({stap.GetType().Name} at {stap.Tijd:O}) was refused: {Omschrijving(uitkomst)}");
            }

            if (Stroom(stap) is { } stroom) _versies[stroom] = gelukt.Versie;
        }

        /// <summary>What the scheduled message does when it falls due, at the moment simulated time passes the end date.</summary>
        private async Task Verloop(VerlopenStap stap)
        {
            await using (var sessie = _store.LightweightSession())
            {
                await LaatAfspraakVerlopenHandler.Handle(new LaatAfspraakVerlopen(stap.Id, stap.Einddatum), sessie, klok,
                    services.GetRequiredService<ILogger<LaatAfspraakVerlopen>>(), cancellation);
            }

            await using var lezer = _store.QuerySession();
            _versies[stap.Id] = (await lezer.Events.FetchStreamStateAsync(stap.Id, cancellation))!.Version;
        }

        private static Guid? Stroom(Stap stap) => stap switch
        {
            OpstellenStap s => s.Id,
            OndertekenenStap s => s.Id,
            WijzigenStap s => s.Id,
            ResultatenStap s => s.Id,
            CorrigerenStap s => s.Id,
            EvaluerenStap s => s.Id,
            VerlengenStap s => s.Id,
            BeeindigenStap s => s.Id,
            VerzoekenStap s => s.VerzoekId,
            BesluitenStap s => s.VerzoekId,
            IntrekkenStap s => s.VerzoekId,
            _ => null,
        };

        private static string Pad(Guid id, string deel) => $"POST /v1/samenwerkingsafspraken/{id}/{deel}";

        private static string Omschrijving(Schrijfuitkomst uitkomst) => uitkomst switch
        {
            Schrijfuitkomst.Geweigerd g => $"{g.Status} {g.Weigering.Code}: {g.Weigering.Detail} {string.Join("; ", g.Fouten.Select(f => $"{f.Name}: {f.Reason}"))}",
            Schrijfuitkomst.Versieconflict c => $"409 version conflict (current {c.ActueleVersie})",
            _ => uitkomst.ToString(),
        };
    }
}
