using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Persistence;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

/// <summary>
/// What a refused request must leave alone: the events of every stream, the streams' versions, every inline
/// projection, the scheduled messages.
/// </summary>
public sealed record Opslagstand(long Gebeurtenissen, long LaatsteVolgnummer, long Stroomversies, IReadOnlyDictionary<string, string> Documenten,
    long GeplandeBerichten)
{
    public override string ToString() =>
        $"{Gebeurtenissen} gebeurtenissen (tot {LaatsteVolgnummer}), stroomversies {Stroomversies}, {GeplandeBerichten} geplande berichten, " +
        string.Join(", ", Documenten.Select(d => $"{d.Key}={d.Value}"));

    public bool Gelijk(Opslagstand ander) => ToString() == ander.ToString();
}

public abstract partial class IntegratieTest
{
    /// <summary>The asynchronous projections follow the events in the background; the event count covers them.</summary>
    private static readonly string[] AsynchroneProjecties = ["mt_doc_variantgebruik", "mt_doc_werkaanbodfeiten"];

    protected Task<Opslagstand> Opslag() => LeesOpslag(Service<NpgsqlDataSource>());

    public static async Task<Opslagstand> LeesOpslag(NpgsqlDataSource dataSource)
    {
        await using var verbinding = await dataSource.OpenConnectionAsync();
        const string schema = MartenConfiguratie.Schema;

        async Task<List<object?[]>> Rijen(string sql)
        {
            await using var opdracht = new NpgsqlCommand(sql, verbinding);
            await using var lezer = await opdracht.ExecuteReaderAsync();
            var rijen = new List<object?[]>();
            while (await lezer.ReadAsync())
            {
                var rij = new object?[lezer.FieldCount];
                for (var i = 0; i < rij.Length; i++) rij[i] = lezer.IsDBNull(i) ? null : lezer.GetValue(i);
                rijen.Add(rij);
            }

            return rijen;
        }

        // Marten's tombstones fill the sequence numbers of an append that failed (a 409); they are no event of any stream.
        var gebeurtenissen = (await Rijen($"select count(*), coalesce(max(seq_id), 0) from {schema}.mt_events where type <> 'tombstone'"))[0];
        var stromen = (await Rijen($"select coalesce(sum(version), 0)::bigint from {schema}.mt_streams"))[0];
        var tabellen = (await Rijen($"select table_name from information_schema.tables where table_schema = '{schema}' and table_name like 'mt_doc_%' order by 1"))
            .Select(r => (string)r[0]!).Where(t => !AsynchroneProjecties.Contains(t)).ToList();
        var documenten = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var tabel in tabellen)
        {
            var rij = (await Rijen($"select count(*), coalesce(md5(string_agg(id::text || ':' || data::text, ',' order by id::text)), '') from {schema}.{tabel}"))[0];
            documenten[tabel] = $"{rij[0]}/{rij[1]}";
        }

        var gepland = (await Rijen("select count(*) from wolverine.wolverine_incoming_envelopes"))[0];
        return new Opslagstand((long)gebeurtenissen[0]!, (long)gebeurtenissen[1]!, (long)stromen[0]!, documenten, (long)gepland[0]!);
    }

    /// <summary>A request with exactly these bytes and this Content-Type (or none): what a careless or hostile client sends.</summary>
    protected Task<Antwoord> VerstuurRuw(HttpMethod methode, string url, string? inhoud, string? contentType, string? token,
        IDictionary<string, string>? headers = null) =>
        VerstuurRuw(methode, url, inhoud is null ? null : Encoding.UTF8.GetBytes(inhoud), contentType, token, headers);

    protected async Task<Antwoord> VerstuurRuw(HttpMethod methode, string url, byte[]? inhoud, string? contentType, string? token,
        IDictionary<string, string>? headers = null)
    {
        using var client = Host.Server.CreateClient();
        using var verzoek = new HttpRequestMessage(methode, url);
        if (token is not null) verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (naam, waarde) in headers ?? new Dictionary<string, string>()) verzoek.Headers.TryAddWithoutValidation(naam, waarde);
        if (inhoud is not null)
        {
            verzoek.Content = new ByteArrayContent(inhoud);
            if (contentType is not null) verzoek.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var antwoord = await client.SendAsync(verzoek);
        var alleHeaders = antwoord.Headers.Concat(antwoord.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Antwoord((int)antwoord.StatusCode, alleHeaders, antwoord.Content.Headers.ContentType?.ToString() ?? "",
            await antwoord.Content.ReadAsStringAsync());
    }

    /// <summary>Sends a refused request and asserts that it changed nothing in the store.</summary>
    protected async Task<Antwoord> Geweigerd(Func<Task<Antwoord>> verzoek)
    {
        var voor = await Opslag();
        var antwoord = await verzoek();
        var na = await Opslag();
        antwoord.Status.ShouldBeInRange(400, 499, antwoord.Tekst);
        antwoord.ContentType.ShouldStartWith("application/problem+json");
        na.ToString().ShouldBe(voor.ToString(), $"een geweigerd verzoek ({antwoord.Status}) veranderde de opslag");
        return antwoord;
    }
}
