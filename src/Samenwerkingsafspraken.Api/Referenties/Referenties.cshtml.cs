using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Bewijs;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Exports;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Grafieken;
using Samenwerkingsafspraken.Werkgevers;

namespace Samenwerkingsafspraken.Referenties;

/// <summary>
/// "Mijn referenties": every agreement of an employer in every region, its results, its proof and its lineage. Up to
/// <see cref="Kaartgrens"/> agreements each get a card with the chart, the table per quarter, the proof and the lineage
/// drawn; an employer with more (hundreds, for the large ones) gets a compact table of <see cref="Paginagrootte"/> a
/// page, each row with its status, results against targets, proven or not and why, origin and reuse, and the quarters
/// and pictures one click away on the agreement's own page. The counts at the top are read from the indexed columns
/// (employer, proven, region), never from all the full documents at once.
/// </summary>
[Toegangssleutel("referentiesPagina")]
public sealed class ReferentiesModel(IQuerySession session, IOptions<Bewijsregel> regel, Klok klok) : Webpagina
{
    public const int Paginagrootte = 25;

    public const int Kaartgrens = 10;

    public Werkgever Werkgever { get; private set; } = null!;

    /// <summary>The references of this page, in full.</summary>
    public IReadOnlyList<Referentie> Referenties { get; private set; } = [];

    /// <summary>With cards (at most <see cref="Kaartgrens"/>): every reference of the employer, light, for the lineages.</summary>
    public IReadOnlyList<Referentiestamboom> Alle { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Regionamen { get; private set; } = new Dictionary<string, string>();

    /// <summary>Where each of the employer's agreements was reused, oldest adoption first.</summary>
    private ILookup<Guid, Hergebruik> Hergebruikt { get; set; } = Array.Empty<Hergebruik>().ToLookup(h => h.AfspraakId);

    public IReadOnlyList<Hergebruik> HergebruiktIn(Referentie referentie) => Hergebruikt[referentie.Id].ToList();

    public int Pagina { get; private set; } = 1;

    /// <summary>How many agreements the employer has, how many are proven, in how many regions: counted on the indexed columns.</summary>
    public int Aantal { get; private set; }

    public int AantalBewezen { get; private set; }

    public int AantalRegios { get; private set; }

    public int Paginas => Math.Max(1, (Aantal + Paginagrootte - 1) / Paginagrootte);

    /// <summary>Too many agreements for a card each: a compact table, in pages.</summary>
    public bool Compact => Aantal > Kaartgrens;

    public string Regel => regel.Value.Omschrijving;

    public bool Eigen => Gebruiker.IsWerkgeverVan(Werkgever.KvkNummer);

    public async Task<IActionResult> OnGetAsync(string kvkNummer, int? pagina, CancellationToken cancellation)
    {
        var werkgever = await ReferentiesOpvragen.Controleer(kvkNummer, [], Gebruiker, session, cancellation);
        if (werkgever.IsProbleem) return Weigering(werkgever.Probleem);

        Werkgever = werkgever.Waarde;
        Pagina = Math.Max(1, pagina ?? 1);

        // One round trip: this page's documents, the counts (on the duplicated columns, so no document is read for them),
        // the region names. With cards, every reference is on the one page: the lineages are drawn from those.
        var batch = session.CreateBatchQuery();
        var deze = batch.Query<Referentie>().Where(r => r.KvkNummer == kvkNummer).OrderBy(r => r.Afspraak.OpgesteldOp).ThenBy(r => r.Id)
            .Skip((Pagina - 1) * Paginagrootte).Take(Paginagrootte).ToList();
        var aantal = batch.Query<Referentie>().Where(r => r.KvkNummer == kvkNummer).Count();
        var bewezen = batch.Query<Referentie>().Where(r => r.KvkNummer == kvkNummer && r.Bewezen).Count();
        var regiocodes = batch.Query<Referentie>().Where(r => r.KvkNummer == kvkNummer).Select(r => r.Arbeidsmarktregio).ToList();
        var regios = batch.Query<Arbeidsmarktregio>().ToList();
        var hergebruiken = Hergebruiken.VanWerkgever(batch, kvkNummer);
        await batch.Execute(cancellation);

        Referenties = await deze;
        Aantal = (int)await aantal;
        AantalBewezen = (int)await bewezen;
        AantalRegios = (await regiocodes).Distinct().Count();
        Hergebruikt = Hergebruiken.PerBron(await hergebruiken);
        Alle = Compact ? [] : Referenties.Select(r => new Referentiestamboom(r.Id, r.Arbeidsmarktregio, r.Afspraak.Status, r.Bewezen, r.Afspraak.Herkomst,
            r.Afspraak.Maatwerkverschillen, HergebruiktIn(r))).ToList();
        Regionamen = (await regios).ToDictionary(r => r.Code, r => r.Naam);
        if (Pagina > Paginas) return Weigering(Problemen.NietGevonden($"Er is geen pagina {Pagina}: de referenties passen op {Paginas} pagina{(Paginas == 1 ? "" : "'s")}."));
        return Page();
    }

    /// <summary>The same file as the API's export: the same checks, the same rows and columns.</summary>
    public async Task<IActionResult> OnGetExportAsync(string kvkNummer, string? formaat, CancellationToken cancellation)
    {
        var formaatfout = Exportformaten.Lees(formaat, out var gekozen);
        var werkgever = await ReferentiesOpvragen.Controleer(kvkNummer, formaatfout is null ? [] : [formaatfout], Gebruiker, session, cancellation);
        if (werkgever.IsProbleem) return Weigering(werkgever.Probleem);

        var lijst = await ReferentiesOpvragen.Lijst(session, werkgever.Waarde, cancellation);
        await Export.Bestand(ReferentiesExporterenEndpoint.Kolommen, lijst.Referenties, gekozen, "referenties", kvkNummer, klok.Vandaag).ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    /// <summary>The results against the targets so far, in one line (the quarters are on the agreement's page).</summary>
    public static string Resultaatregel(Samenwerkingsafspraak afspraak)
    {
        var r = Realisatie.Van(afspraak);
        var doelen = afspraak.Inhoud.Doelstellingen;
        return r.GerapporteerdeMaanden == 0
            ? $"Nog geen resultaten; doel {doelen.PlaatsingenPerJaar} plaatsingen per jaar."
            : $"{r.Plaatsingen} plaatsingen tegen een doel van {Tekst.Getal(r.DoelPlaatsingen)} ({Tekst.Getal(r.PercentagePlaatsingen)}%) over {afspraak.Resultaten.Count} " +
              $"kwarta{(afspraak.Resultaten.Count == 1 ? "al" : "len")}; {r.NaTwaalfMaandenInWerk} na twaalf maanden in werk.";
    }

    /// <summary>Proven, or which criteria of the rule are not met yet.</summary>
    public static string Bewijsregel(Referentie referentie) =>
        referentie.Bewezen
            ? "Bewezen: voldoet aan elk criterium."
            : $"Niet bewezen: {string.Join("; ", referentie.Bewijs.Criteria.Where(c => !c.Voldaan).Select(c => $"{c.Omschrijving} ({c.Bewijs})"))}.";

    public string Regio(string code) => Regionamen.TryGetValue(code, out var naam) ? $"{code} {naam}" : code;

    public string PaginaAdres(int nummer) => nummer == 1 ? $"/werkgevers/{Werkgever.KvkNummer}/referenties" : $"/werkgevers/{Werkgever.KvkNummer}/referenties?pagina={nummer}";

    /// <summary>The lineage that this agreement belongs to, from the employer's own references (a reuse stays with its employer).</summary>
    public Stamboomknooppunt? Stamboom(Referentie referentie)
    {
        var perId = Alle.ToDictionary(r => r.Id);
        if (!perId.TryGetValue(referentie.Id, out var wortel)) return null;
        for (var i = 0; i < 50 && wortel.Herkomst is { } herkomst && perId.TryGetValue(herkomst.BronAfspraakId, out var bron); i++) wortel = bron;
        var knoop = Knoop(wortel, perId, 0);
        return knoop.Kinderen.Count == 0 ? null : knoop;
    }

    private Stamboomknooppunt Knoop(Referentiestamboom r, IReadOnlyDictionary<Guid, Referentiestamboom> perId, int diepte) => new(
        r.Id, Regio(r.Arbeidsmarktregio), $"{Tekst.Status(r.Status)}{(r.Bewezen ? ", bewezen" : "")}",
        r.Bewezen,
        r.Herkomst is { } h ? $"versie {h.BronVersie}, {r.Maatwerkverschillen.Count} verschil{(r.Maatwerkverschillen.Count == 1 ? "" : "len")}" : null,
        diepte > 50 ? [] : r.HergebruiktIn.Where(h => perId.ContainsKey(h.AfspraakId)).Select(h => Knoop(perId[h.AfspraakId], perId, diepte + 1)).ToList());
}

/// <summary>What a card's lineage needs of each of the employer's references.</summary>
public sealed record Referentiestamboom(
    Guid Id,
    string Arbeidsmarktregio,
    AfspraakStatus Status,
    bool Bewezen,
    Herkomst? Herkomst,
    IReadOnlyList<Maatwerkverschil> Maatwerkverschillen,
    IReadOnlyList<Hergebruik> HergebruiktIn);
