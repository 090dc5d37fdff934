using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using Samenwerkingsafspraken.Benchmarks;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.Infrastructure.Security;

// The service against raw PostgreSQL doing the same work, on this machine, in one run; prints the capacity table.
//   dotnet run -c Release --project tests/Samenwerkingsafspraken.Benchmarks [-- --kort] [-- --schaal 1000,10000,100000]
// The web pages with a session cookie against a populated store (Paginas.cs):
//   dotnet run -c Release --project tests/Samenwerkingsafspraken.Benchmarks -- --paginas [--afspraken 10000] [--gebruikers 8] [--kort]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Contains("--paginas")) return await Paginabenchmark.Voer(args);
if (args is [Kaal.Argument, var kaleDatabase, var kalePoort]) return await Kaal.Voer(kaleDatabase, int.Parse(kalePoort));
var kort = args.Contains("--kort");
var schaal = args.SkipWhile(a => a != "--schaal").Skip(1).FirstOrDefault()?.Split(',').Select(int.Parse).ToArray() ?? [];
// A scale run that stopped half-way goes on with the store it left (--verder): its population takes the longest.
var verder = schaal.Length > 0 && args.Contains("--verder");
var wijzigingenPerAfspraak = int.Parse(args.SkipWhile(a => a != "--wijzigingen").Skip(1).FirstOrDefault() ?? "1");
var duur = TimeSpan.FromSeconds(kort ? 3 : 10);
var opwarmen = TimeSpan.FromSeconds(kort ? 1 : 3);
var map = Path.Combine(RepositoryPaths.LocalFolder, "benchmark");
Directory.CreateDirectory(map);
void Meld(string regel) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {regel}");

// ---------------------------------------------------------------- PostgreSQL of our own, a fresh database
// Durable, as in production: the tests' PostgreSQL skips fsync and waits for no commit to reach the disk, which made
// raw's small transactions (whose cost is mostly the commit) look twice as fast against the service's.
// Observed as a production database usually is, and as the comparison run observes its own: statement statistics and
// function timing (the hash chain's trigger) on. Both cost the service and raw alike per statement and per event.
var postgres = new LocalPostgres(Path.Combine(map, "postgres"), 55488, forTests: false, Meld)
{
    Preload = ["pg_stat_statements"],
    Settings = ["track_functions=all"],
};
var beheer = await postgres.EnsureRunningAsync("postgres");
AppDomain.CurrentDomain.ProcessExit += (_, _) => postgres.StopAsync().GetAwaiter().GetResult();
AppDomain.CurrentDomain.UnhandledException += (_, _) => postgres.StopAsync().GetAwaiter().GetResult();
await using (var schoon = new NpgsqlConnection(beheer))
{
    await schoon.OpenAsync();
    var bestaat = await new NpgsqlCommand("select exists (select from pg_database where datname = 'capaciteit')", schoon).ExecuteScalarAsync() is true;
    if (!(verder && bestaat))
        await new NpgsqlCommand("drop database if exists capaciteit with (force); create database capaciteit", schoon).ExecuteNonQueryAsync();
}

var database = postgres.ConnectionString("capaciteit");
var postmaster = 0;
await using (var v = new NpgsqlConnection(database))
{
    await v.OpenAsync();
    postmaster = Processen.Ouder(Convert.ToInt32(await new NpgsqlCommand("select pg_backend_pid()", v).ExecuteScalarAsync()));
}

var apiDll = Path.Combine(AppContext.BaseDirectory, "Samenwerkingsafspraken.Api.dll");
var uitgever = new LocalIssuer(Path.Combine(map, "sleutel.pem"));
const string Oin = "00000001001589623000";
string[] regios = ["AM01", "AM02", "AM03", "AM05", "AM06", "AM07", "AM08", "AM09"];
var regiopartij = uitgever.Mint(Authentication.DefaultAudience, Rollen.Regiopartij, "capaciteit", oin: Oin, regios: regios, naam: "Capaciteitsmeting",
    lifetime: TimeSpan.FromHours(12));
var auditor = uitgever.Mint(Authentication.DefaultAudience, Rollen.Auditor, "capaciteit-auditor", organisatie: "SLW", lifetime: TimeSpan.FromHours(12));
var beheerder = uitgever.Mint(Authentication.DefaultAudience, Rollen.Beheerder, "capaciteit-beheerder", lifetime: TimeSpan.FromHours(12));

var rapport = new StringBuilder();
var rijen = new List<string[]>();
await using var dienst = new Dienst(apiDll, uitgever.KeyFile, 5488);
double DienstCpu() => Processen.CpuSeconden(dienst.Pid) + Processen.ClusterCpuSeconden(postmaster);
double RuwCpu() => Processen.CpuSeconden(Environment.ProcessId) + Processen.ClusterCpuSeconden(postmaster);

// ---------------------------------------------------------------- cold start, memory at rest
Meld("cold start on an empty database, after the migration step");
var migratie = await dienst.Migreer(database, Path.Combine(map, "migreren.log"));
Meld($"  migration step {migratie:F2} s");
var koud = await dienst.Start(database, Path.Combine(map, "dienst.log"));
await Task.Delay(TimeSpan.FromSeconds(3));
var rust = Processen.RssMiB(dienst.Pid);
Meld($"  ready after {koud:F2} s, {rust} MiB at rest");
var klant = new Klant(dienst.Adres, Oin);
var ruw = new Ruw(NpgsqlDataSource.Create(database + ";Maximum Pool Size=100"));

// ---------------------------------------------------------------- a base population
var werkgevers = Enumerable.Range(1, kort ? 20 : 100).Select(Klant.Kvk).ToArray();
// The commands draw up agreements for other employers (as the comparison run's set B), so that the base employers keep
// ten agreements each and their references are measured at that size throughout.
var opstellers = Enumerable.Range(5_000_001, werkgevers.Length).Select(Klant.Kvk).ToArray();
var alGeregistreerd = verder ? long.Parse(await ruw.Scalar($"select count(*) from {Ruw.Dienst}.mt_doc_werkgever"), CultureInfo.InvariantCulture) : 0;
if (alGeregistreerd == 0) await Belasting.Vul(16, werkgevers.Length, i => klant.Registreer(regiopartij, werkgevers[i]));
var basis = kort ? 300 : 1000;
var ids = new Guid[basis];
long teller = 0;
if (alGeregistreerd == 0)
{
    var vulsnelheid = await Belasting.Vul(32, basis, async i =>
        (ids[i] = await AfspraakMetWijzigingen(werkgevers[i % werkgevers.Length], regios[i % regios.Length])) != Guid.Empty);
    Meld($"  {basis} agreements at {vulsnelheid:F0}/s");
}


// An agreement drawn up and amended as often as asked, as a region would over its life: its id, or empty when a step failed.
async Task<Guid> AfspraakMetWijzigingen(string werkgever, string regio)
{
    var (gelukt, id) = await klant.Opstellen(regiopartij, werkgever, regio, Interlocked.Increment(ref teller));
    long versie = 1;
    for (var w = 0; gelukt && w < wijzigingenPerAfspraak; w++)
    {
        int status;
        (status, versie) = await klant.Wijzig(regiopartij, id, versie, Interlocked.Increment(ref teller));
        gelukt = status == 200;
    }

    return gelukt ? id : Guid.Empty;
}
await ruw.Inrichten();
await ruw.KopieerDocumenten();
var werkgeverIds = werkgevers.ToDictionary(k => k, k => Guid.Parse(ruw.Scalar($"select id from {Ruw.Dienst}.mt_doc_werkgever where data ->> 'kvkNummer' = '{k}'").Result));
var regioIds = regios.ToDictionary(r => r, r => Guid.Parse(ruw.Scalar($"select id from {Ruw.Dienst}.mt_doc_arbeidsmarktregio where data ->> 'code' = '{r}'").Result));

T Kies<T>(T[] uit) => uit[Random.Shared.Next(uit.Length)];

// ---------------------------------------------------------------- scale: the lookups at growing store sizes
// A store grows by more employers, each with about ten agreements (as in the regions), not by ever more agreements
// per employer: the references are measured for the employers of the latest growth, so that what grows between the
// rows is the store and nothing else. The register's regions (8) do fill up: its first page must not notice.
var schaalRijen = new List<string[]>();
var volgendeWerkgever = (int)Math.Max(werkgevers.Length, alGeregistreerd) + 1;
var referentieWerkgevers = werkgevers;
foreach (var doel in schaal)
{
    var nu = long.Parse(await ruw.Scalar($"select count(*) from {Ruw.Dienst}.mt_doc_samenwerkingsafspraak"), CultureInfo.InvariantCulture);
    if (nu < doel)
    {
        Meld($"growing the store from {nu} to {doel} agreements");
        var nieuw = Enumerable.Range(volgendeWerkgever, (int)Math.Max(1, (doel - nu) / 10)).Select(Klant.Kvk).ToArray();
        volgendeWerkgever += nieuw.Length;
        await Belasting.Vul(16, nieuw.Length, i => klant.Registreer(regiopartij, nieuw[i]));
        referentieWerkgevers = nieuw;
        var snelheid = await Belasting.Vul(32, (int)(doel - nu), async i => await AfspraakMetWijzigingen(nieuw[i % nieuw.Length], Kies(regios)) != Guid.Empty);
        Meld($"  {snelheid:F0} agreements/s");
    }

    await ruw.Voer($"analyze {Ruw.Dienst}.mt_doc_samenwerkingsafspraak; analyze {Ruw.Dienst}.mt_doc_referentie");
    var aantal = long.Parse(await ruw.Scalar($"select count(*) from {Ruw.Dienst}.mt_doc_samenwerkingsafspraak"), CultureInfo.InvariantCulture);
    var events = long.Parse(await ruw.Scalar($"select count(*) from {Ruw.Dienst}.mt_events"), CultureInfo.InvariantCulture);
    var omvang = long.Parse(await ruw.Scalar("select pg_database_size(current_database())"), CultureInfo.InvariantCulture);
    var steekproef = await ruw.Scalar($"select string_agg(id::text, ',') from (select id from {Ruw.Dienst}.mt_doc_samenwerkingsafspraak order by random() limit 200) x");
    var afspraken = steekproef.Split(',').Select(Guid.Parse).ToArray();
    var opId = await Belasting.Meet("GET by id", 1, duur, _ => klant.Lees(auditor, $"/v1/samenwerkingsafspraken/{Kies(afspraken)}"), DienstCpu, opwarmen);
    var refs = await Belasting.Meet("references", 1, duur, _ => klant.Lees(auditor, $"/v1/werkgevers/{Kies(referentieWerkgevers)}/referenties"), DienstCpu, opwarmen);
    var reg = await Belasting.Meet("register", 1, duur, _ => klant.Lees(auditor, $"/v1/arbeidsmarktregios/{Kies(regios)}/samenwerkingsafspraken"), DienstCpu, opwarmen);
    var diep = await Belasting.Meet("register, status filter", 1, duur,
        _ => klant.Lees(auditor, $"/v1/arbeidsmarktregios/{Kies(regios)}/samenwerkingsafspraken?status=concept&variant=praktijkroute"), DienstCpu, opwarmen);
    schaalRijen.Add([$"{aantal:N0}", $"{events:N0}", Pp(opId), Pp(refs), Pp(reg), Pp(diep), $"{omvang / 1048576.0 / aantal * 1000:F1} MiB"]);
    Meld($"  {aantal} agreements: by id {Pp(opId)}, references {Pp(refs)}, register {Pp(reg)}, filtered {Pp(diep)}");
}

if (schaal.Length > 0)
{
    // A scale run measures the lookups as the store grows, from the base population on; the table of the normal run
    // (whose commands would add their own agreements to the first size) is left to a run of its own.
    await dienst.Stop();
    await postgres.StopAsync();
    return Rapporteer();
}

var onder = 0L;
// The sides of one comparison are measured in turns, a fifth of the duration at a time (five turns of two seconds each
// in a normal run), each side warmed up before its first turn. On a shared machine the speed drifts over minutes (the
// same build ran twice as fast in one minute as in another, docs/operations.md): measured one after the other, each
// side met a different machine and the ratio moved with it; in turns both meet the same drift.
const int Beurten = 5;
async Task<Uitslag[]> Beurtelings(int clients, params Kant[] kanten)
{
    var metingen = kanten.Select(k => new Belasting.Meting(k.Naam, clients)).ToArray();
    for (var beurt = 0; beurt < Beurten; beurt++)
    {
        for (var i = 0; i < kanten.Length; i++)
        {
            // The service's asynchronous projection catches up before every turn, so that no turn shares the cores with it.
            await ruw.WachtOpProjecties();
            if (kanten[i].Voor is { } voor) await voor();
            await metingen[i].Meet(duur / Beurten, kanten[i].Operatie, kanten[i].Cpu, beurt == 0 ? opwarmen : null);
            if (kanten[i].IsDienst) onder = Math.Max(onder, Processen.RssMiB(dienst.Pid));
        }
    }

    var uitslagen = metingen.Select(m => m.Uitslag()).ToArray();
    foreach (var u in uitslagen)
    {
        Meld($"  {u.Naam} @{clients}: {u.PerSeconde:F0}/s, p50 {u.P50:F2} ms, p99 {u.P99:F2} ms, {u.CpuMsPerOp:F2} CPU ms/op" +
             (u.Mislukt > 0 ? $", {u.Mislukt} failed ({u.EersteFout})" : ""));
    }

    return uitslagen;
}

Kant Dienstkant(string naam, Func<int, Task<bool>> operatie) => new($"service {naam}", operatie, DienstCpu, IsDienst: true);
Kant Ruwkant(string naam, Func<int, Task<bool>> operatie, bool? hashketen = null) =>
    new($"raw {naam}", operatie, RuwCpu, Voor: hashketen is { } aan ? () => ruw.MetHashketen(aan) : null);

void Rij(string wat, Uitslag dienstUitslag, Uitslag ruwUitslag, string doel) =>
    rijen.Add([wat, $"{dienstUitslag.PerSeconde:N0}/s ({dienstUitslag.CpuMsPerOp:F2} CPU ms/op)", $"{ruwUitslag.PerSeconde:N0}/s ({ruwUitslag.CpuMsPerOp:F2} CPU ms/op)",
        $"{100 * dienstUitslag.PerSeconde / ruwUitslag.PerSeconde:F0}%", doel]);

await Belasting.Vul(16, opstellers.Length, i => klant.Registreer(regiopartij, opstellers[i]));

// warm-up of every path, not reported
await Belasting.Meet("opwarmen", 16, TimeSpan.FromSeconds(kort ? 3 : 8), async c => c % 3 == 0
    ? (await klant.Opstellen(regiopartij, Kies(opstellers), Kies(regios), Interlocked.Increment(ref teller))).Gelukt
    : c % 3 == 1 ? await klant.Lees(auditor, $"/v1/samenwerkingsafspraken/{Kies(ids)}")
    : await klant.Lees(auditor, $"/v1/arbeidsmarktregios/{Kies(regios)}/samenwerkingsafspraken"), DienstCpu);

// ---------------------------------------------------------------- lookups
// Measured at the base store, before the commands add their agreements, as the comparison run measures its headline
// lookups and as the goals are set (a store of a few thousand agreements): raw's own cost per lookup grows with the
// table more than the service's, so the ratio depends on the size (docs/operations.md, "Capacity").
Meld("lookups");
await ruw.KopieerDocumenten();
var opslag = long.Parse(await ruw.Scalar($"select count(*) from {Ruw.Dienst}.mt_doc_samenwerkingsafspraak"), CultureInfo.InvariantCulture);
// Raw, the service and a bare HTTP endpoint with raw's one statement (Kaal.cs: the ceiling that the HTTP hop alone leaves
// any service here), in turns.
Uitslag[] perId;
using (var kaal = await Kaal.Start(database, 5489))
{
    var kaleKlant = new Klant("http://127.0.0.1:5489", Oin);
    perId = await Beurtelings(32,
        Ruwkant("GET by id", _ => ruw.Afspraak(Kies(ids))),
        Dienstkant("GET by id", _ => klant.Lees(auditor, $"/v1/samenwerkingsafspraken/{Kies(ids)}")),
        new Kant("bare GET by id", _ => kaleKlant.Lees(auditor, $"/afspraken/{Kies(ids)}"),
            () => Processen.CpuSeconden(kaal.Id) + Processen.ClusterCpuSeconden(postmaster)));
    kaal.Kill();
    await kaal.WaitForExitAsync();
}

Rij($"GET agreement by id, 32 clients, {opslag:N0} agreements", perId[1], perId[0], "≥ 70%");
Rij("the HTTP hop alone: a bare endpoint with raw's statement, 32 clients (the ceiling for a lookup)", perId[2], perId[0], "—");
var referenties = await Beurtelings(32,
    Ruwkant("references", _ =>
    {
        var kvk = Kies(werkgevers);
        return ruw.Referenties(werkgeverIds[kvk], kvk);
    }),
    Dienstkant("references", _ => klant.Lees(auditor, $"/v1/werkgevers/{Kies(werkgevers)}/referenties")));
Rij($"GET employer references, 32 clients, {opslag:N0} agreements", referenties[1], referenties[0], "≥ 70%");
var register = await Beurtelings(1,
    Ruwkant("register", _ =>
    {
        var code = Kies(regios);
        return ruw.Register(regioIds[code], code);
    }),
    Dienstkant("register", _ => klant.Lees(auditor, $"/v1/arbeidsmarktregios/{Kies(regios)}/samenwerkingsafspraken")));
var (registerRuw, registerDienst) = (register[0], register[1]);
var perRegio = long.Parse(await ruw.Scalar($"select count(*) / {regios.Length} from {Ruw.Dienst}.mt_doc_samenwerkingsafspraak"), CultureInfo.InvariantCulture);
rijen.Add([$"region register, first page, {perRegio} agreements per region, 1 client", $"p50 {registerDienst.P50:F2} ms", $"p50 {registerRuw.P50:F2} ms (same SQL)", "—",
    "p50 ≤ 3 ms"]);

// ---------------------------------------------------------------- commands
Meld("commands");
Func<int, Task<bool>> dienstOpstellen = async _ => (await klant.Opstellen(regiopartij, Kies(opstellers), Kies(regios), Interlocked.Increment(ref teller))).Gelukt;
Func<int, Task<bool>> ruwOpstellen = _ => ruw.Opstellen(Guid.CreateVersion7());
// The service against raw with and without the service's hash-chain trigger (switched on and off before each raw turn).
var opstellen16 = await Beurtelings(16, Dienstkant("create", dienstOpstellen), Ruwkant("create", ruwOpstellen, hashketen: false),
    Ruwkant("create, with hash chain", ruwOpstellen, hashketen: true));
await ruw.MetHashketen(false);
Rij("draw up an agreement, 16 clients", opstellen16[0], opstellen16[1], "—");
Rij("draw up, 16 clients, raw with the service's hash chain", opstellen16[0], opstellen16[2], "≥ 60%");
var opstellen1 = await Beurtelings(1, Dienstkant("create", dienstOpstellen), Ruwkant("create", ruwOpstellen));
Rij("draw up, 1 client", opstellen1[0], opstellen1[1], "≥ 50%");

var eigen = new (Guid Id, long Versie)[16];
var ruwEigen = new Guid[16];
for (var c = 0; c < 16; c++)
{
    eigen[c] = ((await klant.Opstellen(regiopartij, opstellers[c % opstellers.Length], regios[c % regios.Length], Interlocked.Increment(ref teller))).Id, 1);
    ruwEigen[c] = Guid.CreateVersion7();
    await ruw.Opstellen(ruwEigen[c]);
}

var wijzigen16 = await Beurtelings(16,
    Dienstkant("amend", async c =>
    {
        var (status, versie) = await klant.Wijzig(regiopartij, eigen[c].Id, eigen[c].Versie, Interlocked.Increment(ref teller));
        eigen[c].Versie = versie;
        return status == 200;
    }),
    Ruwkant("amend", c => ruw.Wijzig(ruwEigen[c]), hashketen: false),
    Ruwkant("amend, with hash chain", c => ruw.Wijzig(ruwEigen[c]), hashketen: true));
await ruw.MetHashketen(false);
Rij("amend with If-Match, 16 clients", wijzigen16[0], wijzigen16[1], "—");
Rij("amend, 16 clients, raw with the service's hash chain", wijzigen16[0], wijzigen16[2], "≥ 60%");

// ---------------------------------------------------------------- rebuild
Meld("rebuild");
var gebeurtenissen = long.Parse(await ruw.Scalar($"select count(*) from {Ruw.Dienst}.mt_events e join {Ruw.Dienst}.mt_streams s on s.id = e.stream_id " +
                                                  "where s.type = 'samenwerkingsafspraak'"), CultureInfo.InvariantCulture);
// Each projection the service rebuilds directly, against two floors on the same events: one SQL statement that writes
// the last state of every stream, and a client that reads every event in order and COPYs one document per stream back
// (the floor for a replay in an application).
var herbouwRuw = await ruw.Herbouw();
var herbouwKlant = await ruw.HerbouwDoorKlant();
foreach (var projectie in new[] { "Samenwerkingsafspraak", "Referentie", "Variantgebruik" })
{
    await ruw.WachtOpProjecties();
    var herbouwKlok = Stopwatch.StartNew();
    var herbouwAntwoord = await klant.Tekst(beheerder, HttpMethod.Post, $"/v1/beheer/projecties/{projectie}/herbouw");
    await WachtOpTaak(herbouwAntwoord);
    var herbouwDienst = herbouwKlok.Elapsed.TotalSeconds;
    Meld($"  {projectie}: {herbouwDienst:F2} s, {gebeurtenissen / herbouwDienst / 1000:F1}k events/s");
    rijen.Add([$"projection rebuild, {projectie} (raw: one SQL statement / a client that reads every event and COPYs the documents)",
        $"{gebeurtenissen / herbouwDienst / 1000:F1}k events/s", $"{gebeurtenissen / herbouwRuw / 1000:F1}k / {gebeurtenissen / herbouwKlant / 1000:F1}k events/s",
        $"{100 * herbouwRuw / herbouwDienst:F0}% / {100 * herbouwKlant / herbouwDienst:F0}%", "≥ 30%"]);
}

// ---------------------------------------------------------------- round trips per command, through a counting relay
Meld("round trips per command");
await dienst.Stop();
await using var relay = new Teller(postgres.Port);
var relayDatabase = new NpgsqlConnectionStringBuilder(database) { Port = relay.Poort }.ConnectionString;
var herstart = await dienst.Start(relayDatabase, Path.Combine(map, "dienst-relay.log"));
await klant.Opstellen(regiopartij, opstellers[0], regios[0], Interlocked.Increment(ref teller));
await Task.Delay(2000);
var (achtergrondBeurten, achtergrondUitgiftes) = relay.Stand;
await Task.Delay(3000);
var (b1, u1) = relay.Stand;
var perSecondeAchtergrond = (b1 - achtergrondBeurten) / 3.0;
const int Achtereen = 40;
var cpu0 = Processen.CpuSeconden(dienst.Pid);
var klok = Stopwatch.StartNew();
for (var i = 0; i < Achtereen; i++) await klant.Opstellen(regiopartij, opstellers[i % opstellers.Length], regios[0], Interlocked.Increment(ref teller));
var seconden = klok.Elapsed.TotalSeconds;
var cpuPerOpdracht = 1000 * (Processen.CpuSeconden(dienst.Pid) - cpu0) / Achtereen;
var (b2, u2) = relay.Stand;
var beurten = (b2 - b1 - perSecondeAchtergrond * seconden) / Achtereen;
var uitgiftes = (u2 - u1) / (double)Achtereen;
rijen.Add(["round trips to PostgreSQL per write command (draw up)", $"{beurten:F1}", "2 (begin + batch, commit)", "—", "≤ 3"]);
rijen.Add(["pool checkouts per write command", $"{uitgiftes:F1}", "1", "—", "1"]);
rijen.Add(["service CPU per write command (1 client, in sequence)", $"{cpuPerOpdracht:F1} ms", "—", "—", "≤ 3 ms"]);
rijen.Add(["cold start to /health/ready (empty database)", $"{koud:F1} s (restart on the filled database: {herstart:F1} s)", "—", "—", "≤ 3 s"]);
rijen.Add(["resident memory at rest / under load", $"{rust} / {onder} MiB", "—", "—", "≤ 200 / 300 MiB"]);


await dienst.Stop();
await postgres.StopAsync();
return Rapporteer();

// ---------------------------------------------------------------- the table
int Rapporteer()
{
    rapport.AppendLine($"Service vs raw PostgreSQL on this machine ({Environment.ProcessorCount} cores), {DateTime.Now:yyyy-MM-dd HH:mm}, " +
                       (schaalRijen.Count > 0 ? "scale run" : kort ? "short run" : "normal run"));
    rapport.AppendLine();
    if (rijen.Count > 0)
    {
        rapport.AppendLine("| what | service | raw PostgreSQL | ratio | goal |");
        rapport.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var r in rijen) rapport.AppendLine($"| {string.Join(" | ", r)} |");
    }

    if (schaalRijen.Count > 0)
    {
        rapport.AppendLine("Lookups as the store grows (1 client, p50 / p99 ms; references of employers with about ten agreements each; the register's 8 regions hold an eighth of the store each), and the database per 1,000 agreements:");
        rapport.AppendLine();
        rapport.AppendLine("| agreements | events | GET by id | references | register, first page | register, status + variant | database per 1,000 agreements |");
        rapport.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in schaalRijen) rapport.AppendLine($"| {string.Join(" | ", r)} |");
    }

    Console.WriteLine();
    Console.WriteLine(rapport);
    File.WriteAllText(Path.Combine(map, "capaciteit.md"), rapport.ToString());
    Meld($"written to {Path.Combine(map, "capaciteit.md")}");
    return 0;
}

static string Pp(Uitslag u) => $"{u.P50:F2} / {u.P99:F2}";

async Task WachtOpTaak(string antwoord)
{
    // A rebuild answers when it is done, or accepts a job whose status resource says when it is.
    using var json = JsonDocument.Parse(antwoord);
    if (json.RootElement.TryGetProperty("duurInMilliseconden", out _)) return;
    var status = json.RootElement.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
    var pad = json.RootElement.TryGetProperty("href", out var h) ? h.GetString() : json.RootElement.TryGetProperty("id", out var id)
        ? $"/v1/beheer/herbouwtaken/{id}" : null;
    while (pad is not null && status is not ("voltooid" or "gereed" or "mislukt"))
    {
        await Task.Delay(100);
        using var stand = JsonDocument.Parse(await klant.Tekst(beheerder, HttpMethod.Get, pad));
        status = stand.RootElement.TryGetProperty("status", out var st) ? st.GetString() : "voltooid";
    }
}
