using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Referenties.Delen;

public sealed record ReferentiesGedeeld(Guid DelingenId, string KvkNummer, string Arbeidsmarktregio, string? Toelichting, DateTimeOffset Op);

public sealed record ReferentiedelingIngetrokken(Guid DelingenId, string KvkNummer, string Arbeidsmarktregio, string? Toelichting, DateTimeOffset Op);

/// <summary>One region the employer shares its reference history with, since when.</summary>
public sealed record Referentiedeling(string Arbeidsmarktregio, string? Toelichting, DateTimeOffset GedeeldOp);

/// <summary>
/// The regions an employer shares its reference history with, on its own initiative: their public parties may read
/// the employer's record and references, as a region it asked for reuse may. A stream of its own per employer, so
/// that sharing never contends with changes to the employer's record.
/// </summary>
public sealed record Referentiedelingen(Guid Id, string KvkNummer, IReadOnlyList<Referentiedeling> Delingen, long Version)
    : IAggregate<Referentiedelingen>
{
    public static Guid StreamId(string kvkNummer) => StreamIds.Voor("referentiedelingen", kvkNummer);

    public bool IsGedeeldMet(string arbeidsmarktregio) => Delingen.Any(d => d.Arbeidsmarktregio == arbeidsmarktregio);

    public static IReadOnlyList<Type> Gebeurtenistypen { get; } = [typeof(ReferentiesGedeeld), typeof(ReferentiedelingIngetrokken)];

    public static Referentiedelingen Evolueer(Referentiedelingen? delingen, object @event, long version) => (@event switch
    {
        ReferentiesGedeeld e => (delingen ?? new Referentiedelingen(e.DelingenId, e.KvkNummer, [], 0)) with
        {
            Delingen = [.. (delingen?.Delingen ?? []).Where(d => d.Arbeidsmarktregio != e.Arbeidsmarktregio),
                new Referentiedeling(e.Arbeidsmarktregio, e.Toelichting, e.Op)],
        },
        ReferentiedelingIngetrokken e => delingen! with { Delingen = delingen.Delingen.Where(d => d.Arbeidsmarktregio != e.Arbeidsmarktregio).ToList() },
        _ => delingen!,
    }) with { Version = version };
}
