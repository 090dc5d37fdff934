using Marten;
using Marten.Services.BatchQuerying;
using Samenwerkingsafspraken.Infrastructure.Persistence;

namespace Samenwerkingsafspraken.Referenties;

/// <summary>One reuse with the agreement it was taken from.</summary>
public sealed record Hergebruikrij(Guid BronAfspraakId, Hergebruik Hergebruik);

/// <summary>
/// Where agreements were reused, read from the adopted agreements themselves: every adoption's <see cref="Afspraken.Herkomst"/>
/// names its source, the version and the request, and the adopted agreement's own region and date are those of the
/// adoption (an agreement keeps its region for life). Kept this way, an adoption writes only its own stream's documents,
/// and no document has to be looked for before a new agreement is saved.
/// </summary>
public static class Hergebruiken
{
    /// <summary>
    /// The column Marten keeps beside each <see cref="Referentie"/> for <c>Afspraak.Herkomst.BronAfspraakId</c>
    /// (<see cref="ReferentiesOpslag"/>), with an index of its own: the reuses of an agreement are a range of it.
    /// </summary>
    public const string BronKolom = "afspraakherkomstbron_afspraak_id";

    private static readonly string Referenties = $"{MartenConfiguratie.Schema}.mt_doc_referentie";

    /// <summary>A reuse as JSON, built by PostgreSQL from the adopted agreement's row, oldest adoption first.</summary>
    private static readonly string Rij = $"""
        select jsonb_build_object('bronAfspraakId', h.{BronKolom}, 'hergebruik', jsonb_build_object(
                 'afspraakId', h.id,
                 'arbeidsmarktregio', h.data -> 'afspraak' -> 'arbeidsmarktregio',
                 'bronVersie', h.data -> 'afspraak' -> 'herkomst' -> 'bronVersie',
                 'hergebruikverzoekId', h.data -> 'afspraak' -> 'herkomst' -> 'hergebruikverzoekId',
                 'op', h.data -> 'afspraak' -> 'opgesteldOp'))
        from {Referenties} h
        """;

    private const string Volgorde = "order by h.afspraakopgesteld_op, h.id";

    /// <summary>Every reuse of every agreement of an employer, in the same batch as the employer's references.</summary>
    public static Task<IReadOnlyList<Hergebruikrij>> VanWerkgever(IBatchedQuery batch, string kvkNummer) =>
        batch.Query<Hergebruikrij>($"{Rij} where h.{BronKolom} in (select b.id from {Referenties} b where b.kvk_nummer = ?) {Volgorde}", kvkNummer);

    public static ILookup<Guid, Hergebruik> PerBron(IEnumerable<Hergebruikrij> rijen) => rijen.ToLookup(r => r.BronAfspraakId, r => r.Hergebruik);

    /// <summary>
    /// An agreement and everything derived from it, to <paramref name="maximaleDiepte"/> steps down, in one statement
    /// (recursive over the source column's index).
    /// </summary>
    public static Task<IReadOnlyList<Referentie>> Afgeleid(IQuerySession session, Guid wortelId, int maximaleDiepte, CancellationToken cancellation) =>
        session.QueryAsync<Referentie>($"""
            with recursive boom(id, diepte) as (
              select ?::uuid, 0
              union
              select h.id, boom.diepte + 1 from {Referenties} h join boom on h.{BronKolom} = boom.id where boom.diepte < ?)
            select d.data from {Referenties} d where d.id in (select id from boom)
            """, cancellation, wortelId, maximaleDiepte);
}
