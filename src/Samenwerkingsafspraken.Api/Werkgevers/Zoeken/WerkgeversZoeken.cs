using System.Text.RegularExpressions;
using Marten;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Werkgevers.Zoeken;

/// <summary>One hit: enough to pick the right employer in a form, nothing more (no sector, locations or history).</summary>
public sealed record Werkgevertreffer(string KvkNummer, string Naam, Werkgeverstatus Status, string? OpgegaanIn);

public sealed record Werkgeverzoekresultaat(string Zoek, IReadOnlyList<Werkgevertreffer> Werkgevers, int Aantal);

public static partial class WerkgeversZoeken
{
    public const int StandaardAantal = 10;
    public const int MaximaalAantal = 25;

    /// <summary>Beyond the names that contain the words, those this alike (pg_trgm's default threshold for <c>%</c>).</summary>
    public const double Gelijkend = 0.3;

    [GeneratedRegex("^[0-9]{1,8}$")]
    private static partial Regex Kvkbegin();

    /// <summary>
    /// Digits are the start of a KvK-nummer (a pattern index); anything else a name, matched as the duplicate warning
    /// compares names (the trigram index finds the candidates): names that contain the words, then names that resemble them.
    /// </summary>
    public static async Task<IReadOnlyList<Werkgevertreffer>> Zoek(IQuerySession session, NpgsqlDataSource database, string zoek, int aantal,
        CancellationToken cancellation)
    {
        if (Kvkbegin().IsMatch(zoek))
        {
            var opKvk = await session.Query<Werkgever>().Where(w => w.KvkNummer.StartsWith(zoek)).OrderBy(w => w.KvkNummer).Take(aantal)
                .ToListAsync(cancellation);
            return opKvk.Select(w => new Werkgevertreffer(w.KvkNummer, w.Naam, w.Status, w.OpgegaanIn)).ToList();
        }

        var term = Werkgevernaam.Vergelijkbaar(zoek);
        if (term.Length == 0) return [];
        await using var opdracht = database.CreateCommand(
            $"""
             select w.data ->> 'kvkNummer', w.data ->> 'naam', coalesce(w.data ->> 'status', 'actief'), w.data ->> 'opgegaanIn'
             from {Werkgeverdubbels.Tabel} as w
             cross join lateral ({Werkgeverdubbels.Gelijkenis("w", "$2")}) as g
             where w.data -> 'trigrammen' ?| $2 and ((w.data ->> 'vergelijknaam') ilike $1 or g.gelijkenis >= $4)
             order by (w.data ->> 'vergelijknaam') ilike $1 desc, g.gelijkenis desc, w.data ->> 'naam', w.data ->> 'kvkNummer'
             limit $3
             """);
        opdracht.Parameters.Add(new NpgsqlParameter { Value = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%" });
        opdracht.Parameters.Add(new NpgsqlParameter { Value = Werkgevernaam.Trigrammen(term).ToArray() });
        opdracht.Parameters.Add(new NpgsqlParameter { Value = aantal });
        opdracht.Parameters.Add(new NpgsqlParameter { Value = Gelijkend });
        var treffers = new List<Werkgevertreffer>();
        await using var lezer = await opdracht.ExecuteReaderAsync(cancellation);
        while (await lezer.ReadAsync(cancellation))
        {
            treffers.Add(new Werkgevertreffer(lezer.GetString(0), lezer.GetString(1), Enum.Parse<Werkgeverstatus>(lezer.GetString(2), true),
                lezer.IsDBNull(3) ? null : lezer.GetString(3)));
        }

        return treffers;
    }
}

public static class WerkgeversZoekenEndpoint
{
    [WolverineGet("/v1/werkgevers", OperationId = "werkgeversZoeken")]
    [EndpointSummary("Werkgevers zoeken op naam of begin van het KvK-nummer")]
    [EndpointDescription("Voor formulieren: zoek (ten minste 3 tekens van een naam, of 2 tot 8 cijfers van het begin van een KvK-nummer) geeft " +
                         "ten hoogste aantal (standaard 10, hoogstens 25) werkgevers met KvK-nummer, naam en status, en niets meer. Voor regiopartijen, " +
                         "auditors en de beheerder; een werkgever zoekt geen andere werkgevers.")]
    [ProducesResponseType<Werkgeverzoekresultaat>(200)]
    [Problemen(400, 401, 403)]
    public static async Task<IResult> Get(string? zoek, int? aantal, IQuerySession session, NpgsqlDataSource database, HttpContext http)
    {
        var fouten = new List<OngeldigeParameter>();
        var tekst = zoek?.Trim() ?? "";
        var cijfers = tekst.Length > 0 && tekst.All(char.IsAsciiDigit);
        if (cijfers ? tekst.Length is < 2 or > 8 : tekst.Length is < 3 or > 100)
            fouten.Add(new OngeldigeParameter("zoek", "ongeldige-lengte", "Zoek op ten minste 3 tekens van een naam, of op 2 tot 8 cijfers van een KvK-nummer."));
        if (aantal is < 1 or > WerkgeversZoeken.MaximaalAantal)
            fouten.Add(new OngeldigeParameter("aantal", "buiten-bereik", $"Aantal ligt tussen 1 en {WerkgeversZoeken.MaximaalAantal}."));
        if (fouten.Count > 0) return Problemen.Ongeldig(fouten);

        var treffers = await WerkgeversZoeken.Zoek(session, database, tekst, aantal ?? WerkgeversZoeken.StandaardAantal, http.RequestAborted);
        return Results.Ok(new Werkgeverzoekresultaat(tekst, treffers, treffers.Count));
    }
}
