using Marten;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Gemeenten.Verplaatsen;
using Samenwerkingsafspraken.Infrastructure.MultiStreamWriting;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Arbeidsmarktregios.Beheren;

/// <summary>
/// What a change to regions is decided on, loaded in one round trip: every region, and every gemeente that ever
/// belonged to one of the regions involved or that the request names.
/// </summary>
public sealed record Regiokader(IReadOnlyDictionary<string, Arbeidsmarktregio> Regios, IReadOnlyDictionary<string, Gemeente> Gemeenten)
{
    public Arbeidsmarktregio? Regio(string? code) => code is not null && Regios.TryGetValue(code, out var regio) ? regio : null;

    public Gemeente? Gemeente(string? code) => code is not null && Gemeenten.TryGetValue(code, out var gemeente) ? gemeente : null;

    public IReadOnlyList<Gemeente> GemeentenVan(string regio, DateOnly datum) =>
        Gemeenten.Values.Where(g => g.RegioOp(datum) == regio).OrderBy(g => g.Code).ToList();

    public static async Task<Regiokader> Laad(IQuerySession session, IEnumerable<string?> regiocodes, IEnumerable<string?> gemeentecodes,
        CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var regios = batch.Query<Arbeidsmarktregio>().ToList();
        var perRegio = regiocodes.OfType<string>().Where(c => ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(c)).Distinct()
            .Select(code => batch.Query<Gemeente>().Where(g => g.Regios.Contains(code)).ToList()).ToList();
        var genoemd = batch.LoadMany<Gemeente>().ById(gemeentecodes.OfType<string>().Where(c => Samenwerkingsafspraken.Gemeenten.Gemeente.CodeFormaat().IsMatch(c))
            .Distinct().Select(c => Samenwerkingsafspraken.Gemeenten.Gemeente.StreamId(c)).ToArray());
        await batch.Execute(cancellation);

        var gemeenten = new Dictionary<string, Gemeente>();
        foreach (var lijst in perRegio)
        {
            foreach (var g in await lijst) gemeenten[g.Code] = g;
        }

        foreach (var g in await genoemd) gemeenten[g.Code] = g;
        return new Regiokader((await regios).ToDictionary(r => r.Code), gemeenten);
    }
}

/// <summary>The pure decisions of re-delineating regions: renaming, designating a centrumgemeente, merging, splitting, ending.</summary>
public static class Regioherindeling
{
    private static string D(DateOnly datum) => datum.ToString("yyyy-MM-dd");

    public static Besluit Vaststellen(string code, string naam, DateOnly geldigVanaf, Gebruiker door)
    {
        if (Indelingsregels.AlleenBeheerder(door) is { } weigering) return weigering;
        return Besluit.Met(new ArbeidsmarktregioVastgesteld(Arbeidsmarktregio.StreamId(code), code, naam.Trim(), geldigVanaf, [], null, []));
    }

    public static Besluit Hernoemen(Arbeidsmarktregio regio, string naam, DateOnly geldigVanaf, Gebruiker door)
    {
        if (Indelingsregels.AlleenBeheerder(door) is { } weigering) return weigering;
        if (!regio.IsGeldigOp(geldigVanaf))
            return Weigering.Conflict("regio-niet-geldig", $"Arbeidsmarktregio {regio.Code} bestaat niet op {D(geldigVanaf)}.");
        if (regio.NaamOp(geldigVanaf) == naam.Trim())
            return Weigering.Conflict("geen-wijziging", $"Arbeidsmarktregio {regio.Code} heet op {D(geldigVanaf)} al zo.");
        return Besluit.Met(new ArbeidsmarktregioHernoemd(regio.Id, naam.Trim(), geldigVanaf));
    }

    public static Besluit CentrumgemeenteAanwijzen(Arbeidsmarktregio regio, Gemeente gemeente, DateOnly geldigVanaf, Gebruiker door)
    {
        if (Indelingsregels.AlleenBeheerder(door) is { } weigering) return weigering;
        if (!regio.IsGeldigOp(geldigVanaf))
            return Weigering.Conflict("regio-niet-geldig", $"Arbeidsmarktregio {regio.Code} bestaat niet op {D(geldigVanaf)}.");
        if (gemeente.RegioOp(geldigVanaf) != regio.Code)
            return Weigering.Conflict("gemeente-buiten-regio", $"Gemeente {gemeente.Code} hoort op {D(geldigVanaf)} niet bij {regio.Code}.");
        if (regio.CentrumgemeenteOp(geldigVanaf) == gemeente.Code)
            return Weigering.Conflict("geen-wijziging", $"{gemeente.Code} is op {D(geldigVanaf)} al de centrumgemeente.");
        return Besluit.Met(new CentrumgemeenteAangewezen(regio.Id, gemeente.Code, geldigVanaf));
    }

    /// <summary>A region that ends on a date must exist the day before, have no end yet, and get no gemeenten after it.</summary>
    private static Weigering? KanEindigen(Arbeidsmarktregio regio, DateOnly datum, Regiokader kader)
    {
        if (regio.GeldigTot is not null)
            return Weigering.Conflict("regio-opgeheven", $"Arbeidsmarktregio {regio.Code} is al opgeheven per {D(regio.GeldigTot.Value)}.");
        if (!regio.IsGeldigOp(datum.AddDays(-1)))
            return Weigering.Conflict("regio-niet-geldig", $"Arbeidsmarktregio {regio.Code} bestaat niet op {D(datum.AddDays(-1))}.");
        var later = kader.Gemeenten.Values.Where(g => g.Indeling.Any(p => p.Vanaf > datum && p.Waarde == regio.Code)).Select(g => g.Code).Order().ToList();
        return later.Count > 0
            ? Weigering.Conflict("later-ingedeeld", $"Na {D(datum)} komen nog gemeenten bij {regio.Code}: {string.Join(", ", later)}. Wijzig die eerst.")
            : null;
    }

    /// <summary>
    /// The regions in <paramref name="bronnen"/> end on the date and every gemeente they then have goes to the target:
    /// an existing region, or a new one (<paramref name="nieuweNaam"/>) that records where it came from. Ending a region
    /// with its successor is a merger of one region into another.
    /// </summary>
    public static Meerstroombesluit Samenvoegen(IReadOnlyList<Arbeidsmarktregio> bronnen, string doel, string? nieuweNaam, DateOnly datum,
        Regiokader kader, Gebruiker door)
    {
        if (Indelingsregels.AlleenBeheerder(door) is { } weigering) return weigering;

        var bestaandDoel = kader.Regio(doel);
        if (bestaandDoel is not null && !bestaandDoel.IsGeldigOp(datum))
            return Weigering.Conflict("regio-niet-geldig", $"Arbeidsmarktregio {doel} bestaat niet op {D(datum)}.");
        foreach (var bron in bronnen)
        {
            if (KanEindigen(bron, datum, kader) is { } kanNiet) return kanNiet;
        }

        var wijzigingen = new List<Stroomwijziging>();
        if (bestaandDoel is null)
        {
            var id = Arbeidsmarktregio.StreamId(doel);
            wijzigingen.Add(Stroomwijziging.Nieuw<Arbeidsmarktregio>(id,
                new ArbeidsmarktregioVastgesteld(id, doel, nieuweNaam!.Trim(), datum, [], null, bronnen.Select(b => b.Code).Order().ToList())));
        }

        foreach (var bron in bronnen.OrderBy(b => b.Code))
        {
            wijzigingen.AddRange(kader.GemeentenVan(bron.Code, datum)
                .Select(g => Stroomwijziging.Bij(g, new GemeenteVerplaatst(g.Id, bron.Code, doel, datum))));
            wijzigingen.Add(Stroomwijziging.Bij(bron, new ArbeidsmarktregioOpgeheven(bron.Id, datum, doel, [doel])));
        }

        return Meerstroombesluit.Met(wijzigingen);
    }

    public sealed record Deel(string Arbeidsmarktregio, string? NieuweNaam, IReadOnlyList<string> Gemeenten);

    /// <summary>
    /// The gemeenten named per part go to that part (an existing region or a new one) on the date. When the region then
    /// keeps no gemeenten it ends, with the parts as its successors; otherwise it goes on, smaller.
    /// </summary>
    public static Meerstroombesluit Splitsen(Arbeidsmarktregio regio, IReadOnlyList<Deel> delen, DateOnly datum, Regiokader kader, Gebruiker door)
    {
        if (Indelingsregels.AlleenBeheerder(door) is { } weigering) return weigering;
        if (regio.GeldigTot is not null || !regio.IsGeldigOp(datum.AddDays(-1)) || !regio.IsGeldigOp(datum))
            return Weigering.Conflict("regio-niet-geldig", $"Arbeidsmarktregio {regio.Code} bestaat niet van {D(datum.AddDays(-1))} tot en met {D(datum)}.");

        var nuInRegio = kader.GemeentenVan(regio.Code, datum).Select(g => g.Code).ToHashSet();
        var buiten = delen.SelectMany(d => d.Gemeenten).Where(g => !nuInRegio.Contains(g)).Order().ToList();
        if (buiten.Count > 0)
            return Weigering.Conflict("gemeente-buiten-regio", $"Deze gemeenten horen op {D(datum)} niet bij {regio.Code}: {string.Join(", ", buiten)}.");

        foreach (var deel in delen)
        {
            if (kader.Regio(deel.Arbeidsmarktregio) is { } bestaand && !bestaand.IsGeldigOp(datum))
                return Weigering.Conflict("regio-niet-geldig", $"Arbeidsmarktregio {bestaand.Code} bestaat niet op {D(datum)}.");
        }

        var eindigt = nuInRegio.SetEquals(delen.SelectMany(d => d.Gemeenten));
        if (eindigt && KanEindigen(regio, datum, kader) is { } kanNiet) return kanNiet;

        var wijzigingen = new List<Stroomwijziging>();
        foreach (var deel in delen.OrderBy(d => d.Arbeidsmarktregio))
        {
            if (kader.Regio(deel.Arbeidsmarktregio) is null)
            {
                var id = Arbeidsmarktregio.StreamId(deel.Arbeidsmarktregio);
                wijzigingen.Add(Stroomwijziging.Nieuw<Arbeidsmarktregio>(id,
                    new ArbeidsmarktregioVastgesteld(id, deel.Arbeidsmarktregio, deel.NieuweNaam!.Trim(), datum, [], null, [regio.Code])));
            }

            wijzigingen.AddRange(deel.Gemeenten.Order().Select(code => kader.Gemeenten[code])
                .Select(g => Stroomwijziging.Bij(g, new GemeenteVerplaatst(g.Id, regio.Code, deel.Arbeidsmarktregio, datum))));
        }

        if (eindigt)
        {
            var opvolgers = delen.Select(d => d.Arbeidsmarktregio).Order().ToList();
            wijzigingen.Add(Stroomwijziging.Bij(regio, new ArbeidsmarktregioOpgeheven(regio.Id, datum, opvolgers.Count == 1 ? opvolgers[0] : null, opvolgers)));
        }

        return Meerstroombesluit.Met(wijzigingen);
    }
}
