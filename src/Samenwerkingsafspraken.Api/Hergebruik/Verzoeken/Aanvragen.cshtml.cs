using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Bewijs;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Varianten;
using Microsoft.Extensions.Options;

namespace Samenwerkingsafspraken.Hergebruik.Verzoeken;

/// <summary>The employer asks another region to adopt its proven agreement, optionally with proposed maatwerk: the same command as POST /v1/hergebruikverzoeken.</summary>
[Toegangssleutel("hergebruikVerzoekenPagina")]
public sealed class AanvragenModel(IQuerySession session, Schrijver schrijver, Klok klok, Referentiecache referentiedata, IOptions<Bewijsregel> regel)
    : Afspraakactie(session)
{
    [BindProperty] public string? Arbeidsmarktregio { get; set; }
    [BindProperty] public string? Toelichting { get; set; }
    [BindProperty] public string? Actie { get; set; }
    [BindProperty] public Maatwerkformulier Maatwerk { get; set; } = new();

    public IReadOnlyDictionary<string, Variant> Varianten { get; private set; } = new Dictionary<string, Variant>();

    public IReadOnlyList<Arbeidsmarktregio> Regios { get; private set; } = [];

    public Bewijs Bewijs { get; private set; } = null!;

    protected override string Actienaam => "Hergebruik vragen in een andere regio";

    protected override string Actiepad => "hergebruik-vragen";

    public IEnumerable<Veld> Velden => Maatwerk.Velden(Afspraak.Inhoud.Werkafspraken, Varianten)
        .Prepend(new Veld("toelichting", "Toelichting voor de regio"))
        .Prepend(new Veld("arbeidsmarktregio", "Regio", "Kies de regio die u vraagt."))
        .Prepend(new Veld("bronAfspraak", "Afspraak"));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        if (await Voorbereid(id, cancellation) is { } probleem) return probleem;
        Geopend();
        Maatwerk = Maatwerkformulier.Van(Afspraak.Inhoud.Werkafspraken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellation)
    {
        if (await Voorbereid(id, cancellation) is { } probleem) return probleem;
        if (Maatwerk.Bewerk(Actie, Varianten, out var bewerkfout))
        {
            return bewerkfout is null ? Page() : Ongeldig([new OngeldigeParameter("nieuweVariant", "verplicht", bewerkfout)], Velden);
        }

        var (maatwerk, eigenFouten) = Maatwerk.NaarVerzoek(Afspraak.Inhoud.Werkafspraken, Varianten);
        var uitkomst = await HergebruikVerzoeken.Uitvoeren(schrijver, Opdracht("POST /v1/hergebruikverzoeken"),
            new HergebruikAanvraag(id, Arbeidsmarktregio, Toelichting, maatwerk), klok);
        return uitkomst switch
        {
            Schrijfuitkomst.Gelukt gelukt => Redirect($"/hergebruikverzoeken/{IdUit(gelukt)}?melding=verzocht"),
            Schrijfuitkomst.Geweigerd geweigerd => Geweigerd(geweigerd.Weigering with
            {
                Fouten = Maatwerk.NaarVelden(geweigerd.Fouten, "voorgesteldMaatwerk", Afspraak.Inhoud.Werkafspraken, Varianten),
            }, Velden, eigenFouten),
            _ => throw new InvalidOperationException("A new request has no version to conflict with."),
        };
    }

    private async Task<IActionResult?> Voorbereid(Guid id, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        if (!Gebruiker.IsWerkgeverVan(Afspraak.Werkgever.KvkNummer)) return Foutpagina(403, "Een werkgever vraagt alleen hergebruik van zijn eigen afspraken.");
        var stand = await referentiedata.Actueel(cancellation);
        Varianten = stand.Varianten;
        Regios = stand.Regios.Values.Where(r => r.IsGeldig && r.Code != Afspraak.Arbeidsmarktregio).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        Bewijs = Bewijsvoering.Beoordeel(Afspraak, regel.Value);
        return null;
    }
}
