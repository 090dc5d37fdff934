using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.Werkgevers.Zoeken;

/// <summary>
/// The duplicate question every register meets: is this name already here under another KvK-nummer? PostgreSQL's
/// pg_trgm compares the names (as <see cref="Werkgevernaam.Vergelijkbaar"/> makes them) by their trigrams, over a
/// trigram GIN index, so that the question costs the same at ten employers as at a hundred thousand.
/// </summary>
public static class Werkgeverdubbels
{
    /// <summary>From this share of common trigrams on, a name counts as closely resembling (1 is the same name).</summary>
    public const double Drempel = 0.6;

    public const int Maximum = 5;

    public static readonly string Tabel = $"{MartenConfiguratie.Schema}.mt_doc_werkgever";

    public static async Task<IReadOnlyList<Vergelijkbarewerkgever>> Zoek(NpgsqlDataSource database, string naam, string uitgezonderdKvk,
        CancellationToken cancellation)
    {
        var vergelijkbaar = Werkgevernaam.Vergelijkbaar(naam);
        if (vergelijkbaar.Length == 0) return [];

        await using var opdracht = database.CreateCommand(
            $"""
             select data ->> 'kvkNummer', data ->> 'naam', similarity(data ->> 'vergelijknaam', $1) as gelijkenis
             from {Tabel}
             where (data ->> 'vergelijknaam') % $1 and similarity(data ->> 'vergelijknaam', $1) >= $2 and data ->> 'kvkNummer' <> $3
             order by gelijkenis desc, data ->> 'kvkNummer'
             limit $4
             """);
        opdracht.Parameters.Add(new NpgsqlParameter { Value = vergelijkbaar });
        opdracht.Parameters.Add(new NpgsqlParameter { Value = Drempel });
        opdracht.Parameters.Add(new NpgsqlParameter { Value = uitgezonderdKvk });
        opdracht.Parameters.Add(new NpgsqlParameter { Value = Maximum });
        var gevonden = new List<Vergelijkbarewerkgever>();
        await using var lezer = await opdracht.ExecuteReaderAsync(cancellation);
        while (await lezer.ReadAsync(cancellation))
        {
            gevonden.Add(new Vergelijkbarewerkgever(lezer.GetString(0), lezer.GetString(1), Math.Round(lezer.GetFloat(2), 2)));
        }

        return gevonden;
    }

    /// <summary>
    /// Least privilege: a public party or the beheerder sees which employers look alike (to pick the right one); an
    /// employer registering itself learns only that one does, not who.
    /// </summary>
    public static IReadOnlyList<Waarschuwing>? Waarschuwingen(IReadOnlyList<Vergelijkbarewerkgever> lijkendOp, Gebruiker gebruiker)
    {
        if (lijkendOp.Count == 0) return null;
        return gebruiker.IsWerkgever
            ? [new Waarschuwing("vergelijkbare-naam", "Er is al een werkgever met een sterk gelijkende naam geregistreerd. Neem contact op met uw regio als u denkt dat het om uw organisatie gaat.", [])]
            : [new Waarschuwing("vergelijkbare-naam", $"{lijkendOp.Count} geregistreerde werkgever(s) met een sterk gelijkende naam. Controleer of het niet dezelfde organisatie is.", lijkendOp)];
    }
}
