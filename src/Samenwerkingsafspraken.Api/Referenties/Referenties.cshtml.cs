using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Bewijs;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Exports;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Grafieken;
using Samenwerkingsafspraken.Werkgevers;

namespace Samenwerkingsafspraken.Referenties;

/// <summary>"Mijn referenties": every agreement of an employer in every region, its results, its proof and its lineage.</summary>
[Toegangssleutel("referentiesPagina")]
public sealed class ReferentiesModel(IQuerySession session, IOptions<Bewijsregel> regel, Klok klok) : Webpagina
{
    public Werkgever Werkgever { get; private set; } = null!;

    public IReadOnlyList<Referentie> Referenties { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Regionamen { get; private set; } = new Dictionary<string, string>();

    public string Regel => regel.Value.Omschrijving;

    public bool Eigen => Gebruiker.IsWerkgeverVan(Werkgever.KvkNummer);

    public async Task<IActionResult> OnGetAsync(string kvkNummer, CancellationToken cancellation)
    {
        var werkgever = await ReferentiesOpvragen.Controleer(kvkNummer, [], Gebruiker, session, cancellation);
        if (werkgever.IsProbleem) return Weigering(werkgever.Probleem);

        Werkgever = werkgever.Waarde;
        Referenties = await ReferentiesOpvragen.Documenten(session, Werkgever, cancellation);
        Regionamen = (await session.Query<Arbeidsmarktregio>().ToListAsync(cancellation)).ToDictionary(r => r.Code, r => r.Naam);
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

    public string Regio(string code) => Regionamen.TryGetValue(code, out var naam) ? $"{code} {naam}" : code;

    /// <summary>The lineage that this agreement belongs to, from the employer's own references (a reuse stays with its employer).</summary>
    public Stamboomknooppunt? Stamboom(Referentie referentie)
    {
        var perId = Referenties.ToDictionary(r => r.Id);
        var wortel = referentie;
        for (var i = 0; i < 50 && wortel.Afspraak.Herkomst is { } herkomst && perId.TryGetValue(herkomst.BronAfspraakId, out var bron); i++) wortel = bron;
        var knoop = Knoop(wortel, perId, 0);
        return knoop.Kinderen.Count == 0 ? null : knoop;
    }

    private Stamboomknooppunt Knoop(Referentie r, IReadOnlyDictionary<Guid, Referentie> perId, int diepte) => new(
        r.Id, Regio(r.Arbeidsmarktregio), $"{Tekst.Status(r.Afspraak.Status)}{(r.Bewezen ? ", bewezen" : "")}",
        r.Bewezen,
        r.Afspraak.Herkomst is { } h ? $"versie {h.BronVersie}, {r.Afspraak.Maatwerkverschillen.Count} verschil{(r.Afspraak.Maatwerkverschillen.Count == 1 ? "" : "len")}" : null,
        diepte > 50 ? [] : r.HergebruiktIn.Where(h => perId.ContainsKey(h.AfspraakId)).Select(h => Knoop(perId[h.AfspraakId], perId, diepte + 1)).ToList());
}
