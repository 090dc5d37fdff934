namespace Samenwerkingsafspraken.Werkgevers;

public sealed record WerkgeverWeergave(
    string KvkNummer,
    string Naam,
    string Sector,
    Werkgeversoort Soort,
    IReadOnlyList<Netwerk> Netwerken,
    IReadOnlyList<Vestiging> Vestigingen,
    DateTimeOffset GeregistreerdOp,
    long Versie)
{
    public static WerkgeverWeergave Van(Werkgever w) =>
        new(w.KvkNummer, w.Naam, w.Sector, w.Soort, w.Netwerken, w.Vestigingen, w.GeregistreerdOp, w.Version);
}
