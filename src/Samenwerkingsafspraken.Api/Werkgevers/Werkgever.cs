using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Werkgevers;

public enum Werkgeversoort
{
    Privaat,
    Publiek,
}

public enum Netwerk
{
    Dnz,
    Slw,
}

/// <summary>
/// A location of the employer: its 12-digit vestigingsnummer, the gemeente it lies in (when known) and the region it
/// lay in when recorded. Lookups take the region from the gemeente, so that it follows a re-delineation.
/// </summary>
public sealed record Vestiging(string Vestigingsnummer, string Arbeidsmarktregio, string? Gemeente = null);

public sealed record WerkgeverGeregistreerd(
    Guid WerkgeverId,
    string KvkNummer,
    string Naam,
    string Sector,
    Werkgeversoort Soort,
    IReadOnlyList<Netwerk> Netwerken,
    IReadOnlyList<Vestiging> Vestigingen,
    DateTimeOffset Op);

/// <summary>An employer, known by its KvK-nummer (8 digits, a string: leading zeros count).</summary>
public sealed partial record Werkgever(
    Guid Id,
    string KvkNummer,
    string Naam,
    string Sector,
    Werkgeversoort Soort,
    IReadOnlyList<Netwerk> Netwerken,
    IReadOnlyList<Vestiging> Vestigingen,
    DateTimeOffset GeregistreerdOp,
    long Version) : IAggregate<Werkgever>
{
    public static Guid StreamId(string kvkNummer) => StreamIds.Voor("werkgever", kvkNummer);

    public static IReadOnlyList<Type> Gebeurtenistypen { get; } =
        [typeof(WerkgeverGeregistreerd), .. Werkgeverwijzigingen.Gebeurtenistypen];

    public static Werkgever Evolueer(Werkgever? werkgever, object @event, long version) => (@event switch
    {
        WerkgeverGeregistreerd e => new Werkgever(e.WerkgeverId, e.KvkNummer, e.Naam, e.Sector, e.Soort, e.Netwerken, e.Vestigingen, e.Op, 0),
        IWerkgeverwijziging e => Werkgeverwijzigingen.Evolueer(werkgever!, e),
        _ => werkgever!,
    }) with { Version = version };
}
