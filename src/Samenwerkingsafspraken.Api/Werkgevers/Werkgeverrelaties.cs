using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events.Projections;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Referenties.Delen;

namespace Samenwerkingsafspraken.Werkgevers;

/// <summary>
/// Which regions have a relation to an employer, and why: an agreement there, a reuse request addressed there, or the
/// employer's reference history shared with it. One document per employer, so that "may this public party read this
/// employer?" is one lookup instead of three queries.
/// </summary>
public sealed record Werkgeverrelaties(string Id, IReadOnlyList<string> AfspraakRegios, IReadOnlyList<string> VerzoekRegios, IReadOnlyList<string> GedeeldeRegios)
{
    public IEnumerable<string> Regios => AfspraakRegios.Concat(VerzoekRegios).Concat(GedeeldeRegios).Distinct();

    public bool MetRegio(IEnumerable<string> regios) => regios.Any(r => AfspraakRegios.Contains(r) || VerzoekRegios.Contains(r) || GedeeldeRegios.Contains(r));

    /// <summary>
    /// Employer data is read by the employer itself, auditors, the beheerder, and the public parties of a region with
    /// a relation to the employer (docs/authenticatie.md).
    /// </summary>
    public static async Task<bool> MagLezen(IQuerySession session, Gebruiker gebruiker, string kvkNummer, CancellationToken cancellation)
    {
        if (gebruiker.IsAuditor || gebruiker.IsBeheerder || gebruiker.IsWerkgeverVan(kvkNummer)) return true;
        if (!gebruiker.IsRegiopartij) return false;
        var relaties = await session.LoadAsync<Werkgeverrelaties>(kvkNummer, cancellation);
        return relaties?.MetRegio(gebruiker.Regios) == true;
    }
}

public sealed class WerkgeverrelatiesProjectie : MultiStreamProjection<Werkgeverrelaties, string>
{
    public const string Naam = "Werkgeverrelaties";

    public WerkgeverrelatiesProjectie()
    {
        Name = Naam;
        Identity<AfspraakOpgesteld>(e => e.Werkgever.KvkNummer);
        Identity<AfspraakOvergenomen>(e => e.Werkgever.KvkNummer);
        Identity<HergebruikVerzocht>(e => e.KvkNummer);
        Identity<ReferentiesGedeeld>(e => e.KvkNummer);
        Identity<ReferentiedelingIngetrokken>(e => e.KvkNummer);
    }

    /// <summary>
    /// An employer's second agreement in a region changes nothing here: the document is then not written again, which
    /// spares most drawn-up agreements an upsert, and concurrent commands of one employer a row lock held until
    /// their commit.
    /// </summary>
    public override (Werkgeverrelaties?, ActionType) DetermineAction(Werkgeverrelaties? relaties, string id, IReadOnlyList<IEvent> events)
    {
        var na = relaties;
        foreach (var e in events) na = Na(na, id, e);
        return relaties is not null && ReferenceEquals(na, relaties) ? (relaties, ActionType.Nothing) : (na, ActionType.Store);
    }

    /// <summary>The relations after one event: the same instance when the event adds nothing.</summary>
    private static Werkgeverrelaties Na(Werkgeverrelaties? relaties, string id, IEvent e)
    {
        relaties ??= new Werkgeverrelaties(id, [], [], []);
        return e.Data switch
        {
            AfspraakOpgesteld o => Met(relaties, relaties.AfspraakRegios, o.Arbeidsmarktregio, regios => relaties with { AfspraakRegios = regios }),
            AfspraakOvergenomen o => Met(relaties, relaties.AfspraakRegios, o.Arbeidsmarktregio, regios => relaties with { AfspraakRegios = regios }),
            HergebruikVerzocht v => Met(relaties, relaties.VerzoekRegios, v.DoelArbeidsmarktregio, regios => relaties with { VerzoekRegios = regios }),
            ReferentiesGedeeld g => Met(relaties, relaties.GedeeldeRegios, g.Arbeidsmarktregio, regios => relaties with { GedeeldeRegios = regios }),
            ReferentiedelingIngetrokken i when relaties.GedeeldeRegios.Contains(i.Arbeidsmarktregio) =>
                relaties with { GedeeldeRegios = relaties.GedeeldeRegios.Where(r => r != i.Arbeidsmarktregio).ToList() },
            _ => relaties,
        };
    }

    private static Werkgeverrelaties Met(Werkgeverrelaties relaties, IReadOnlyList<string> regios, string regio,
        Func<IReadOnlyList<string>, Werkgeverrelaties> met) => regios.Contains(regio) ? relaties : met([.. regios, regio]);
}
