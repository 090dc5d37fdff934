using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Werkgevers;

namespace Samenwerkingsafspraken.Referenties.Delen;

/// <summary>
/// The employer shares its referentiedossier with a region, and withdraws a sharing: the same commands as
/// POST /v1/werkgevers/{kvkNummer}/referentiedelingen and …/{code}/intrekking.
/// </summary>
[Toegangssleutel("referentiesDelenPagina")]
public sealed class DelenModel(IQuerySession session, Schrijver schrijver, Klok klok) : Formulierpagina
{
    [BindProperty] public long Versie { get; set; }
    [BindProperty] public string? Arbeidsmarktregio { get; set; }
    [BindProperty] public string? Toelichting { get; set; }

    private long _actueel;

    public Werkgever Werkgever { get; private set; } = null!;

    public IReadOnlyList<Referentiedeling> Delingen { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Regionamen { get; private set; } = new Dictionary<string, string>();

    public string? Meldingtekst { get; private set; }

    /// <summary>The regions not shared with yet, to choose from.</summary>
    public IEnumerable<Optie> Regios => Regionamen.Where(r => Delingen.All(d => d.Arbeidsmarktregio != r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal)
        .Select(r => new Optie(r.Key, $"{r.Key} {r.Value}"));

    public IEnumerable<Veld> Velden =>
        [new("arbeidsmarktregio", "Regio", "Kies de regio."), new("toelichting", "Toelichting"), new("code", "Regio")];

    public string Regio(string code) => Regionamen.TryGetValue(code, out var naam) ? $"{code} {naam}" : code;

    public async Task<IActionResult> OnGetAsync(string kvkNummer, string? melding, CancellationToken cancellation)
    {
        if (await Laad(kvkNummer, cancellation) is { } probleem) return probleem;
        Meldingtekst = melding switch
        {
            "gedeeld" => "De referenties zijn gedeeld: de regiopartijen van die regio zien nu uw gegevens en referenties.",
            "ingetrokken" => "De deling is ingetrokken: die regio ziet uw referenties niet meer, tenzij zij een afspraak of verzoek met u heeft.",
            _ => null,
        };
        NieuweFormuliersleutel();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kvkNummer, CancellationToken cancellation)
    {
        if (await Laad(kvkNummer, cancellation) is { } probleem) return probleem;
        var opgegeven = Versie;
        // Opened before the first sharing, sent after someone else's: a conflict like any other stale version.
        var uitkomst = opgegeven == 0 && _actueel > 0
            ? new Schrijfuitkomst.Versieconflict(_actueel)
            : await ReferentiesDelen.DelenUitvoeren(schrijver, Opdracht($"POST /v1/werkgevers/{kvkNummer}/referentiedelingen", opgegeven == 0 ? null : opgegeven),
                session, kvkNummer, new DelenVerzoek(Arbeidsmarktregio, Toelichting, null), klok);
        return Uitkomst(uitkomst, kvkNummer, opgegeven, "gedeeld");
    }

    public async Task<IActionResult> OnPostIntrekkenAsync(string kvkNummer, string? code, CancellationToken cancellation)
    {
        if (await Laad(kvkNummer, cancellation) is { } probleem) return probleem;
        var opgegeven = Versie;
        var uitkomst = await ReferentiesDelen.IntrekkenUitvoeren(schrijver,
            Opdracht($"POST /v1/werkgevers/{kvkNummer}/referentiedelingen/{code}/intrekking", opgegeven), kvkNummer, code ?? "", new DelingIntrekkenVerzoek(null, null), klok);
        return Uitkomst(uitkomst, kvkNummer, opgegeven, "ingetrokken");
    }

    private IActionResult Uitkomst(Schrijfuitkomst uitkomst, string kvkNummer, long opgegeven, string melding)
    {
        switch (uitkomst)
        {
            case Schrijfuitkomst.Gelukt:
                return Redirect($"/werkgevers/{kvkNummer}/referenties/delen?melding={melding}");
            case Schrijfuitkomst.Geweigerd geweigerd:
                NieuweFormuliersleutel();
                return Geweigerd(geweigerd.Weigering, Velden);
            case Schrijfuitkomst.Versieconflict conflict:
                Conflict = new Versieconflict(opgegeven, conflict.ActueleVersie,
                    [$"Met wie u deelt, is intussen veranderd: u deelt nu met {(Delingen.Count == 0 ? "geen enkele regio" : string.Join(", ", Delingen.Select(d => Regio(d.Arbeidsmarktregio))))}."], []);
                Versie = conflict.ActueleVersie;
                NieuweFormuliersleutel();
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                throw new InvalidOperationException($"Unknown outcome {uitkomst.GetType().Name}.");
        }
    }

    /// <summary>The employer's own sharings, as they are now (the version a form sends is the one the page showed).</summary>
    private async Task<IActionResult?> Laad(string kvkNummer, CancellationToken cancellation)
    {
        if (!Gebruiker.IsWerkgeverVan(kvkNummer)) return Foutpagina(403, "Een werkgever deelt alleen zijn eigen referenties.");
        var batch = session.CreateBatchQuery();
        var werkgever = batch.Load<Werkgever>(Werkgever.StreamId(kvkNummer));
        var delingen = batch.Load<Referentiedelingen>(Referentiedelingen.StreamId(kvkNummer));
        var regios = batch.Query<Arbeidsmarktregio>().ToList();
        await batch.Execute(cancellation);
        if (await werkgever is not { } gevonden) return Foutpagina(404, $"Er is geen werkgever met KvK-nummer {kvkNummer}.");

        Werkgever = gevonden;
        var huidig = await delingen;
        Delingen = huidig?.Delingen.OrderBy(d => d.Arbeidsmarktregio, StringComparer.Ordinal).ToList() ?? [];
        Regionamen = (await regios).ToDictionary(r => r.Code, r => r.Naam);
        _actueel = huidig?.Version ?? 0;
        if (HttpMethods.IsGet(Request.Method)) Versie = _actueel;
        return null;
    }
}
