using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Samenwerkingsafspraken.Werkgevers;

/// <summary>Where an employer stands at the KvK: active, deregistered, or merged into another KvK-nummer.</summary>
public enum Werkgeverstatus
{
    Actief,
    Uitgeschreven,
    Opgegaan,
}

/// <summary>An event that changes an employer after its registration.</summary>
public interface IWerkgeverwijziging
{
    Guid WerkgeverId { get; }
}

public sealed record WerkgeverHernoemd(Guid WerkgeverId, string Naam, DateTimeOffset Op) : IWerkgeverwijziging;

/// <summary>The sector decides whether the employer is private or public (the VSO sectors are public).</summary>
public sealed record WerkgeverSectorGewijzigd(Guid WerkgeverId, string Sector, Werkgeversoort Soort, DateTimeOffset Op) : IWerkgeverwijziging;

public sealed record WerkgeverAangeslotenBijNetwerk(Guid WerkgeverId, Netwerk Netwerk, DateTimeOffset Op) : IWerkgeverwijziging;

public sealed record WerkgeverUitNetwerkGetreden(Guid WerkgeverId, Netwerk Netwerk, DateTimeOffset Op) : IWerkgeverwijziging;

/// <summary>A location in a gemeente; <see cref="Arbeidsmarktregio"/> is the gemeente's region on the day it was recorded.</summary>
public sealed record VestigingToegevoegd(Guid WerkgeverId, string Vestigingsnummer, string Gemeente, string Arbeidsmarktregio, DateTimeOffset Op)
    : IWerkgeverwijziging;

public sealed record VestigingVerhuisd(Guid WerkgeverId, string Vestigingsnummer, string Gemeente, string Arbeidsmarktregio, DateTimeOffset Op)
    : IWerkgeverwijziging;

public sealed record VestigingGesloten(Guid WerkgeverId, string Vestigingsnummer, string Reden, DateTimeOffset Op) : IWerkgeverwijziging;

/// <summary>The employer was deregistered at the KvK (it stopped without a successor) on <see cref="Datum"/>.</summary>
public sealed record WerkgeverUitgeschreven(Guid WerkgeverId, DateOnly Datum, string Reden, DateTimeOffset Op) : IWerkgeverwijziging;

/// <summary>The employer merged into another KvK-nummer on <see cref="Datum"/>; its agreements passed to that successor.</summary>
public sealed record WerkgeverOpgegaanIn(Guid WerkgeverId, string KvkNummer, string Naam, DateOnly Datum, int AantalAfspraken, DateTimeOffset Op)
    : IWerkgeverwijziging;

/// <summary>The surviving side of a merger: it took over the employer and its agreements.</summary>
public sealed record WerkgeverOvernameGeregistreerd(Guid WerkgeverId, string KvkNummer, string Naam, DateOnly Datum, int AantalAfspraken, DateTimeOffset Op)
    : IWerkgeverwijziging;

/// <summary>
/// The employer consents to its proven agreements being findable in the national search for what works (off until
/// given): the regions and auditors of the whole country then see them, with their results and proof.
/// </summary>
public sealed record VindbaarheidToegestaan(Guid WerkgeverId, DateTimeOffset Op) : IWerkgeverwijziging;

/// <summary>The employer withdraws that consent: from now on its agreements are invisible to other regions in the search.</summary>
public sealed record VindbaarheidIngetrokken(Guid WerkgeverId, DateTimeOffset Op) : IWerkgeverwijziging;

/// <summary>An employer taken over in a merger.</summary>
public sealed record Overname(string KvkNummer, string Naam, DateOnly Datum, int AantalAfspraken);

public sealed partial record Werkgever
{
    public Werkgeverstatus Status { get; init; } = Werkgeverstatus.Actief;

    public DateOnly? UitgeschrevenOp { get; init; }

    /// <summary>The KvK-nummer of the successor it merged into.</summary>
    public string? OpgegaanIn { get; init; }

    public IReadOnlyList<Overname> Overnames { get; init; } = [];

    /// <summary>Whether the employer consents to its proven agreements being findable nationally; off until it says so.</summary>
    public bool Vindbaar { get; init; }

    /// <summary>Since when it consents (absent when it does not).</summary>
    public DateTimeOffset? VindbaarSinds { get; init; }

    public bool IsActief => Status == Werkgeverstatus.Actief;

    /// <summary>The name as it is compared for look-alikes (the duplicate warning and the search).</summary>
    public string Vergelijknaam => Werkgevernaam.Vergelijkbaar(Naam);

    /// <summary>The trigrams of <see cref="Vergelijknaam"/>, stored with the document and indexed (GIN) to find the candidates.</summary>
    public IReadOnlyList<string> Trigrammen => Werkgevernaam.Trigrammen(Vergelijknaam);
}

public static class Werkgeverwijzigingen
{
    public static readonly IReadOnlyList<Type> Gebeurtenistypen =
    [
        typeof(WerkgeverHernoemd), typeof(WerkgeverSectorGewijzigd), typeof(WerkgeverAangeslotenBijNetwerk), typeof(WerkgeverUitNetwerkGetreden),
        typeof(VestigingToegevoegd), typeof(VestigingVerhuisd), typeof(VestigingGesloten), typeof(WerkgeverUitgeschreven), typeof(WerkgeverOpgegaanIn),
        typeof(WerkgeverOvernameGeregistreerd), typeof(VindbaarheidToegestaan), typeof(VindbaarheidIngetrokken),
    ];

    public static Werkgever Evolueer(Werkgever w, IWerkgeverwijziging wijziging) => wijziging switch
    {
        WerkgeverHernoemd e => w with { Naam = e.Naam },
        WerkgeverSectorGewijzigd e => w with { Sector = e.Sector, Soort = e.Soort },
        WerkgeverAangeslotenBijNetwerk e => w with { Netwerken = [.. w.Netwerken.Where(n => n != e.Netwerk), e.Netwerk] },
        WerkgeverUitNetwerkGetreden e => w with { Netwerken = w.Netwerken.Where(n => n != e.Netwerk).ToList() },
        VestigingToegevoegd e => w with { Vestigingen = [.. w.Vestigingen, new Vestiging(e.Vestigingsnummer, e.Arbeidsmarktregio, e.Gemeente)] },
        VestigingVerhuisd e => w with
        {
            Vestigingen = w.Vestigingen.Select(v => v.Vestigingsnummer == e.Vestigingsnummer ? new Vestiging(v.Vestigingsnummer, e.Arbeidsmarktregio, e.Gemeente) : v).ToList(),
        },
        VestigingGesloten e => w with { Vestigingen = w.Vestigingen.Where(v => v.Vestigingsnummer != e.Vestigingsnummer).ToList() },
        WerkgeverUitgeschreven e => w with { Status = Werkgeverstatus.Uitgeschreven, UitgeschrevenOp = e.Datum },
        WerkgeverOpgegaanIn e => w with { Status = Werkgeverstatus.Opgegaan, UitgeschrevenOp = e.Datum, OpgegaanIn = e.KvkNummer },
        WerkgeverOvernameGeregistreerd e => w with { Overnames = [.. w.Overnames, new Overname(e.KvkNummer, e.Naam, e.Datum, e.AantalAfspraken)] },
        VindbaarheidToegestaan e => w with { Vindbaar = true, VindbaarSinds = e.Op },
        VindbaarheidIngetrokken => w with { Vindbaar = false, VindbaarSinds = null },
        _ => w,
    };
}

/// <summary>
/// How two employer names are compared for look-alikes: case, accents, punctuation and the legal form (B.V., N.V.,
/// V.O.F., Holding…) do not count, so "Bouwbedrijf Noord B.V." and "bouwbedrijf noord bv" are the same name.
/// </summary>
public static partial class Werkgevernaam
{
    private static readonly HashSet<string> Rechtsvormen =
        ["bv", "nv", "vof", "cv", "holding", "groep", "group", "ua", "ba", "bvba", "stichting", "vereniging", "cooperatie", "the", "de", "het"];

    public static string Vergelijkbaar(string naam)
    {
        var ontleed = naam.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var letters = new StringBuilder(ontleed.Length);
        foreach (var teken in ontleed)
        {
            var soort = CharUnicodeInfo.GetUnicodeCategory(teken);
            if (soort == UnicodeCategory.NonSpacingMark || teken == '.') continue;
            letters.Append(char.IsLetterOrDigit(teken) ? teken : ' ');
        }

        var woorden = Spaties().Split(letters.ToString().Trim()).Where(w => w.Length > 0).ToList();
        var kern = woorden.Where(w => !Rechtsvormen.Contains(w)).ToList();
        return string.Join(' ', kern.Count > 0 ? kern : woorden);
    }

    /// <summary>
    /// The distinct trigrams of a compared name, as pg_trgm forms them: each word padded with two spaces in front and
    /// one behind, so the start of a word weighs more than its end. Stored and indexed with PostgreSQL's own jsonb GIN
    /// operators, so the schema needs no extension and a dump of it restores anywhere.
    /// </summary>
    public static IReadOnlyList<string> Trigrammen(string vergelijknaam)
    {
        var trigrammen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var woord in vergelijknaam.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var omlijst = "  " + woord + " ";
            for (var i = 0; i + 3 <= omlijst.Length; i++) trigrammen.Add(omlijst.Substring(i, 3));
        }

        return [.. trigrammen];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaties();
}
