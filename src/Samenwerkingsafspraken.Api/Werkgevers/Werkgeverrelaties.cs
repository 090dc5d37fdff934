using JasperFx.Events;
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

    public override Werkgeverrelaties? Evolve(Werkgeverrelaties? relaties, string id, IEvent e)
    {
        relaties ??= new Werkgeverrelaties(id, [], [], []);
        return e.Data switch
        {
            AfspraakOpgesteld o => relaties with { AfspraakRegios = Met(relaties.AfspraakRegios, o.Arbeidsmarktregio) },
            AfspraakOvergenomen o => relaties with { AfspraakRegios = Met(relaties.AfspraakRegios, o.Arbeidsmarktregio) },
            HergebruikVerzocht v => relaties with { VerzoekRegios = Met(relaties.VerzoekRegios, v.DoelArbeidsmarktregio) },
            ReferentiesGedeeld g => relaties with { GedeeldeRegios = Met(relaties.GedeeldeRegios, g.Arbeidsmarktregio) },
            ReferentiedelingIngetrokken i => relaties with { GedeeldeRegios = relaties.GedeeldeRegios.Where(r => r != i.Arbeidsmarktregio).ToList() },
            _ => relaties,
        };
    }

    private static IReadOnlyList<string> Met(IReadOnlyList<string> regios, string regio) => regios.Contains(regio) ? regios : [.. regios, regio];
}
