using Samenwerkingsafspraken.Gemeenten;

namespace Samenwerkingsafspraken.Werkgevers;

/// <summary>A warning that does not stop a request: the caller decides.</summary>
public sealed record Waarschuwing(string Code, string Detail, IReadOnlyList<Vergelijkbarewerkgever> Werkgevers);

public sealed record Vergelijkbarewerkgever(string KvkNummer, string Naam, double Gelijkenis);

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
    public Werkgeverstatus Status { get; init; } = Werkgeverstatus.Actief;

    /// <summary>The day it was deregistered at the KvK, or merged into <see cref="OpgegaanIn"/>.</summary>
    public DateOnly? UitgeschrevenOp { get; init; }

    public string? OpgegaanIn { get; init; }

    public IReadOnlyList<Overname> Overnames { get; init; } = [];

    /// <summary>Whether its proven agreements are findable in the national search (its consent), and since when.</summary>
    public bool Vindbaar { get; init; }

    public DateTimeOffset? VindbaarSinds { get; init; }

    /// <summary>Only in the answer to a registration: the names it closely resembles (the duplicate question).</summary>
    public IReadOnlyList<Waarschuwing>? Waarschuwingen { get; init; }

    public static WerkgeverWeergave Van(Werkgever w) =>
        new(w.KvkNummer, w.Naam, w.Sector, w.Soort, w.Netwerken, w.Vestigingen, w.GeregistreerdOp, w.Version)
        {
            Status = w.Status, UitgeschrevenOp = w.UitgeschrevenOp, OpgegaanIn = w.OpgegaanIn, Overnames = w.Overnames,
            Vindbaar = w.Vindbaar, VindbaarSinds = w.VindbaarSinds,
        };

    /// <summary>Each location's region as its gemeente's region on the date, so that a re-delineation moves it along.</summary>
    public WerkgeverWeergave MetRegiosOp(DateOnly datum, IReadOnlyDictionary<string, Gemeente> gemeenten) => this with
    {
        Vestigingen = Vestigingen.Select(v => v.Gemeente is { } code && gemeenten.TryGetValue(code, out var g) && g.RegioOp(datum) is { } regio
            ? v with { Arbeidsmarktregio = regio }
            : v).ToList(),
    };
}
