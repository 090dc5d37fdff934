using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.Werkgevers.Zoeken;

/// <summary>
/// The duplicate question every register meets: is this name already here under another KvK-nummer? The names (as
/// <see cref="Werkgevernaam.Vergelijkbaar"/> makes them) are compared by the share of trigrams they have in common,
/// as pg_trgm's similarity does; the GIN index on the stored trigrams finds the candidates, so the question does not
/// read every employer. It is done in SQL with jsonb's own operators, so the schema needs no extension.
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
             select w.data ->> 'kvkNummer', w.data ->> 'naam', g.gelijkenis
             from {Tabel} as w
             cross join lateral ({Gelijkenis("w", "$1")}) as g
             where w.data -> 'trigrammen' ?| $1 and g.gelijkenis >= $2 and w.data ->> 'kvkNummer' <> $3
             order by g.gelijkenis desc, w.data ->> 'kvkNummer'
             limit $4
             """);
        opdracht.Parameters.Add(new NpgsqlParameter { Value = Werkgevernaam.Trigrammen(vergelijkbaar).ToArray() });
        opdracht.Parameters.Add(new NpgsqlParameter { Value = Drempel });
        opdracht.Parameters.Add(new NpgsqlParameter { Value = uitgezonderdKvk });
        opdracht.Parameters.Add(new NpgsqlParameter { Value = Maximum });
        var gevonden = new List<Vergelijkbarewerkgever>();
        await using var lezer = await opdracht.ExecuteReaderAsync(cancellation);
        while (await lezer.ReadAsync(cancellation))
        {
            gevonden.Add(new Vergelijkbarewerkgever(lezer.GetString(0), lezer.GetString(1), Math.Round(lezer.GetDouble(2), 2)));
        }

        return gevonden;
    }

    /// <summary>
    /// A lateral subquery giving <c>gelijkenis</c>: the trigrams the document <paramref name="alias"/> shares with the
    /// text[] parameter <paramref name="trigrammen"/>, over all trigrams of both (pg_trgm's similarity). Only called on
    /// candidates that share at least one, so it never divides by zero.
    /// </summary>
    public static string Gelijkenis(string alias, string trigrammen) =>
        $"""
         select count(*)::float8 / (jsonb_array_length({alias}.data -> 'trigrammen') + cardinality({trigrammen}::text[]) - count(*)) as gelijkenis
         from jsonb_array_elements_text({alias}.data -> 'trigrammen') as t(trigram)
         where t.trigram = any({trigrammen}::text[])
         """;

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
