using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Development;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.Benchmarks;

/// <summary>
/// The web pages under load, as people use them: signed in with the session cookie of the demo sign-in, 8 at a time,
/// against a store of the demo data (rich agreements: signatures, results per quarter, evaluations, reuse) grown to
/// about 10,000 agreements through the API. Measures the region register, an agreement's page, the employer's
/// references (first and a middle page), the national search for what works and the gemeente lookup: latency percentiles, and each page's weight with everything it loads (HTML, styles, icon).
/// <para>
/// The demo sign-in exists only in Development, so the service runs as Development here (plain http on loopback; the
/// session cookie without the __Host- prefix); everything else on the path of a page is the same as in Production.
/// </para>
/// </summary>
public static partial class Paginabenchmark
{
    public static async Task<int> Voer(string[] args)
    {
        var kort = args.Contains("--kort");
        var doel = int.Parse(args.SkipWhile(a => a != "--afspraken").Skip(1).FirstOrDefault() ?? (kort ? "2000" : "10000"), CultureInfo.InvariantCulture);
        var gelijktijdig = int.Parse(args.SkipWhile(a => a != "--gebruikers").Skip(1).FirstOrDefault() ?? "8", CultureInfo.InvariantCulture);
        var duur = TimeSpan.FromSeconds(kort ? 5 : 20);
        var map = Path.Combine(RepositoryPaths.LocalFolder, "benchmark");
        Directory.CreateDirectory(map);
        void Meld(string regel) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {regel}");

        var postgres = new LocalPostgres(Path.Combine(map, "postgres"), 55488, forTests: true, Meld);
        var beheer = await postgres.EnsureRunningAsync("postgres");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => postgres.StopAsync().GetAwaiter().GetResult();
        await using (var schoon = new NpgsqlConnection(beheer))
        {
            await schoon.OpenAsync();
            await new NpgsqlCommand("drop database if exists paginas with (force); create database paginas", schoon).ExecuteNonQueryAsync();
        }

        var database = postgres.ConnectionString("paginas");
        var uitgever = new LocalIssuer(Path.Combine(map, "sleutel.pem"));
        var apiDll = Path.Combine(AppContext.BaseDirectory, "Samenwerkingsafspraken.Api.dll");
        await using var dienst = new Dienst(apiDll, uitgever.KeyFile, 5489, "Development",
            new Dictionary<string, string> { ["Authenticatie__LocalIssuerKeyFile"] = uitgever.KeyFile, ["Logging__LogLevel__Default"] = "Warning" });

        Meld("migration step, then the demo data through the real commands");
        await dienst.Migreer(database, Path.Combine(map, "paginas-migreren.log"));
        var voorbeeld = await dienst.Voer(database, Path.Combine(map, "paginas-voorbeeldgegevens.log"), "voorbeeldgegevens");
        Meld($"  demo data in {voorbeeld:F0} s");
        await dienst.Start(database, Path.Combine(map, "paginas-dienst.log"));

        // Grow the store to the target through the API: the demo employers, their regions, drawn up and amended.
        string[] regios = ["AM01", "AM02", "AM03", "AM13", "AM22", "AM18", "AM05", "AM28"];
        var regiopartij = uitgever.Mint(Authentication.DefaultAudience, Rollen.Regiopartij, "paginameting", oin: "00000001001589623000", regios: regios,
            naam: "Paginameting", lifetime: TimeSpan.FromHours(12));
        var klant = new Klant(dienst.Adres, "00000001001589623000");
        string[] werkgevers = ["01234567", "76543210", "11223344", .. Enumerable.Range(4, 37).Select(i => $"99{i:000000}")];
        long teller = 0;
        var nu = await Aantal(database);
        Meld($"growing the store from {nu} to {doel} agreements");
        var snelheid = await Belasting.Vul(16, Math.Max(0, doel - nu), async i =>
        {
            var (gelukt, id) = await klant.Opstellen(regiopartij, werkgevers[i % werkgevers.Length], regios[i % regios.Length], Interlocked.Increment(ref teller));
            return gelukt && (await klant.Wijzig(regiopartij, id, 1, Interlocked.Increment(ref teller))).Status == 200;
        });
        Meld($"  {snelheid:F0} agreements/s");
        var aantal = await Aantal(database);
        var groningen = await Afspraken(database, "AM01");

        var gemeente = await Bezoeker.AangemeldAls(dienst.Adres, "gemeente-groningen");
        var werkgever = await Bezoeker.AangemeldAls(dienst.Adres, "werkgever-bouwbedrijf-noord");
        var rijen = new List<string[]>();
        async Task Meet(string wat, Bezoeker wie, Func<string> adres)
        {
            var gewicht = await wie.Gewicht(adres());
            var uitslag = await Belasting.Meet(wat, gelijktijdig, duur, _ => wie.Lees(adres()), () => 0, TimeSpan.FromSeconds(kort ? 2 : 5));
            rijen.Add([wat, $"{uitslag.PerSeconde:F0}/s", $"{uitslag.P50:F1}", $"{uitslag.P95:F1}", $"{uitslag.P99:F1}",
                $"{gewicht.Html / 1024.0:F1} + {gewicht.Overig / 1024.0:F1} = **{(gewicht.Html + gewicht.Overig) / 1024.0:F1} KB**",
                $"{(gewicht.Html + gewicht.Onverpakt) / 1024.0:F1} KB", uitslag.Mislukt == 0 ? "" : $"{uitslag.Mislukt} failed"]);
            Meld($"  {wat}: {uitslag.PerSeconde:F0}/s, p50 {uitslag.P50:F1} ms, p95 {uitslag.P95:F1} ms, p99 {uitslag.P99:F1} ms, {gewicht.Html + gewicht.Overig} bytes transferred ({gewicht.Html + gewicht.Onverpakt} unpacked)" +
                 (uitslag.Mislukt > 0 ? $", {uitslag.Mislukt} failed ({uitslag.EersteFout})" : ""));
        }

        Meld($"pages, {gelijktijdig} users at a time, {aantal} agreements ({groningen.Length} in AM01)");
        await Meet("region register AM01, first page", gemeente, () => "/regios/AM01/register");
        await Meet("region register AM01, status filter and search", gemeente, () => "/regios/AM01/register?status=actief&zoek=bouw");
        await Meet("agreement page (random one of AM01)", gemeente, () => $"/afspraken/{groningen[Random.Shared.Next(groningen.Length)]}");
        var referenties = await Referenties(database, "01234567");
        var middelste = Math.Max(1, (referenties + 24) / 25 / 2);
        await Meet($"references of Bouwbedrijf Noord ({referenties} agreements), first page", werkgever, () => "/werkgevers/01234567/referenties");
        await Meet($"references of Bouwbedrijf Noord, page {middelste}", werkgever, () => $"/werkgevers/01234567/referenties?pagina={middelste}");

        // The national search for what works (issue 12), as a region uses it: words, words with a filter, a filter alone.
        await Meet("national search 'Wat werkt', words", gemeente, () => "/wat-werkt?zoek=jobcoach");
        await Meet("national search 'Wat werkt', words and sector", gemeente, () => "/wat-werkt?zoek=werk&sector=zorg-en-welzijn");
        await Meet("national search 'Wat werkt', variant and region", gemeente, () => "/wat-werkt?variant=praktijkroute&arbeidsmarktregio=AM01");
        var api = Bezoeker.MetToken(dienst.Adres, regiopartij);
        await Meet("national search, API, words", api, () => "/v1/bewezen-afspraken?zoek=jobcoach");

        // Which region a gemeente belongs to: by code (now and at an earlier date) and by name, through the API and the page.
        string[] codes = ["GM0014", "GM0080", "GM0363", "GM0344", "GM0599", "GM0518", "GM0106", "GM0193"];
        await Meet("gemeente lookup by code, API", api, () => $"/v1/gemeenten/{codes[Random.Shared.Next(codes.Length)]}");
        await Meet("gemeente lookup by code at a date, API", api, () => $"/v1/gemeenten/{codes[Random.Shared.Next(codes.Length)]}?peildatum=2026-01-01");
        await Meet("gemeente lookup by name, API", api, () => "/v1/gemeenten?naam=Groningen");
        await Meet("gemeente lookup by name, page", gemeente, () => "/gemeenten?gemeente=Groningen");

        await dienst.Stop();
        await postgres.StopAsync();

        var rapport = new StringBuilder();
        rapport.AppendLine($"Pages on this machine ({Environment.ProcessorCount} cores), {DateTime.Now:yyyy-MM-dd HH:mm}, {aantal:N0} agreements, " +
                           $"{gelijktijdig} concurrent users with a session cookie, {duur.TotalSeconds:F0} s per page{(kort ? " (short run)" : "")}");
        rapport.AppendLine();
        rapport.AppendLine("| page | pages/s | p50 ms | p95 ms | p99 ms | weight transferred (HTML + styles and icon, brotli) | unpacked | |");
        rapport.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in rijen) rapport.AppendLine($"| {string.Join(" | ", r)} |");
        Console.WriteLine();
        Console.WriteLine(rapport);
        File.WriteAllText(Path.Combine(map, "paginas.md"), rapport.ToString());
        Meld($"written to {Path.Combine(map, "paginas.md")}");
        return 0;
    }

    private static async Task<int> Aantal(string database)
    {
        await using var verbinding = new NpgsqlConnection(database);
        await verbinding.OpenAsync();
        return Convert.ToInt32(await new NpgsqlCommand($"select count(*) from {MartenConfiguratie.Schema}.mt_doc_samenwerkingsafspraak", verbinding).ExecuteScalarAsync(),
            CultureInfo.InvariantCulture);
    }

    private static async Task<int> Referenties(string database, string kvk)
    {
        await using var verbinding = new NpgsqlConnection(database);
        await verbinding.OpenAsync();
        await using var opdracht = new NpgsqlCommand($"select count(*) from {MartenConfiguratie.Schema}.mt_doc_referentie where kvk_nummer = @kvk", verbinding);
        opdracht.Parameters.AddWithValue("kvk", kvk);
        return Convert.ToInt32(await opdracht.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<Guid[]> Afspraken(string database, string regio)
    {
        await using var verbinding = new NpgsqlConnection(database);
        await verbinding.OpenAsync();
        await using var opdracht = new NpgsqlCommand(
            $"select id from {MartenConfiguratie.Schema}.mt_doc_samenwerkingsafspraak where data ->> 'arbeidsmarktregio' = @regio", verbinding);
        opdracht.Parameters.AddWithValue("regio", regio);
        await using var lezer = await opdracht.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await lezer.ReadAsync()) ids.Add(lezer.GetGuid(0));
        return [.. ids];
    }

    /// <summary>One person signed in through the demo sign-in page, as a browser: the form, its antiforgery token, the session cookie.</summary>
    private sealed partial class Bezoeker(HttpClient http, string cookie)
    {
        public static async Task<Bezoeker> AangemeldAls(string adres, string identiteit)
        {
            var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseCookies = false, AllowAutoRedirect = false })
            {
                BaseAddress = new Uri(adres),
            };
            using var formulier = await http.GetAsync("/aanmelden");
            var token = Token().Match(await formulier.Content.ReadAsStringAsync()).Groups[1].Value;
            using var verzoek = new HttpRequestMessage(HttpMethod.Post, "/aanmelden")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Identiteit"] = identiteit, ["__RequestVerificationToken"] = token }),
            };
            verzoek.Headers.Add("Cookie", Cookies(formulier));
            using var aangemeld = await http.SendAsync(verzoek);
            if (aangemeld.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Signing in as {identiteit} failed: {aangemeld.StatusCode}.");
            return new Bezoeker(http, Cookies(aangemeld));
        }

        /// <summary>A client of the API with a bearer token, for the lookups the pages share with it.</summary>
        public static Bezoeker MetToken(string adres, string token)
        {
            var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseCookies = false, AllowAutoRedirect = false })
            {
                BaseAddress = new Uri(adres),
            };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return new Bezoeker(http, "");
        }

        public async Task<bool> Lees(string pad)
        {
            using var verzoek = new HttpRequestMessage(HttpMethod.Get, pad);
            if (cookie.Length > 0) verzoek.Headers.Add("Cookie", cookie);
            using var antwoord = await http.SendAsync(verzoek, HttpCompletionOption.ResponseContentRead);
            await antwoord.Content.ReadAsByteArrayAsync();
            return antwoord.StatusCode == HttpStatusCode.OK;
        }

        /// <summary>
        /// The page's bytes, and the bytes of every style sheet, script and image it links, on a first visit (nothing
        /// cached): as transferred to a browser that accepts brotli and gzip, and unpacked.
        /// </summary>
        public async Task<(long Html, long Overig, long Onverpakt)> Gewicht(string pad)
        {
            using var verzoek = new HttpRequestMessage(HttpMethod.Get, pad);
            if (cookie.Length > 0) verzoek.Headers.Add("Cookie", cookie);
            using var antwoord = await http.SendAsync(verzoek);
            if (antwoord.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{pad}: {antwoord.StatusCode}");
            var html = await antwoord.Content.ReadAsStringAsync();
            long rest = 0, onverpakt = 0;
            var bronnen = Element().Matches(html).Select(m => m.Value)
                .Where(e => !e.StartsWith("<link", StringComparison.OrdinalIgnoreCase) || Rel().IsMatch(e))
                .Select(e => Adres().Match(e)).Where(m => m.Success).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
                .Where(b => b.StartsWith('/') && !b.StartsWith("//", StringComparison.Ordinal)).Distinct();
            foreach (var bron in bronnen)
            {
                using var gepakt = new HttpRequestMessage(HttpMethod.Get, bron);
                gepakt.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
                using var overdracht = await http.SendAsync(gepakt);
                rest += (await overdracht.Content.ReadAsByteArrayAsync()).Length;
                onverpakt += (await http.GetByteArrayAsync(bron)).Length;
            }

            return (Encoding.UTF8.GetByteCount(html), rest, onverpakt);
        }

        private static string Cookies(HttpResponseMessage antwoord) =>
            string.Join("; ", antwoord.Headers.TryGetValues("Set-Cookie", out var waarden) ? waarden.Select(c => c.Split(';')[0]) : []);

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex Token();

        [GeneratedRegex("<(?:link|script|img)\\b[^>]*>", RegexOptions.IgnoreCase)]
        private static partial Regex Element();

        [GeneratedRegex("\\brel=\"(?:stylesheet|icon)\"", RegexOptions.IgnoreCase)]
        private static partial Regex Rel();

        [GeneratedRegex("\\s(?:href|src)=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
        private static partial Regex Adres();
    }
}
