using Marten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Varianten;
using Samenwerkingsafspraken.Werkgevers;
using Samenwerkingsafspraken.Werkgevers.Zoeken;

namespace Samenwerkingsafspraken.Afspraken.Opstellen;

/// <summary>
/// Drawing up an agreement in two steps: find the employer (by KvK-nummer or name, the search the API offers forms),
/// then the content, with werkafspraken from the catalogue whose parameter fields follow each variant's definition.
/// Adding or removing a row sends the form to the server and shows it again: no script is needed.
/// </summary>
[Toegangssleutel("afspraakOpstellenPagina")]
public sealed class OpstellenModel(IQuerySession session, NpgsqlDataSource database, Schrijver schrijver, Klok klok, Referentiecache referentiedata)
    : Formulierpagina
{
    [BindProperty(SupportsGet = true)]
    public string? Zoek { get; set; }

    /// <summary>The employer's KvK-nummer, chosen in the first step.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Werkgever { get; set; }

    [BindProperty]
    public string? Actie { get; set; }

    /// <summary>What just happened, from the page that sent the user here (an employer registered on the way).</summary>
    [FromQuery(Name = "melding")]
    public string? Meldingcode { get; set; }

    public string? Bevestiging => Meldingcode switch
    {
        "werkgever-geregistreerd" when GekozenWerkgever is { } w => $"{w.Naam} (KvK {w.KvkNummer}) is geregistreerd. Stel nu de afspraak met deze werkgever op.",
        _ => null,
    };

    [BindProperty]
    public Afspraakformulier Invoer { get; set; } = new();

    public Arbeidsmarktregio Regio { get; private set; } = null!;

    public Werkgever? GekozenWerkgever { get; private set; }

    public IReadOnlyList<Werkgevertreffer>? Treffers { get; private set; }

    public IReadOnlyDictionary<string, Variant> Varianten { get; private set; } = new Dictionary<string, Variant>();

    public bool IsStapWerkgever => GekozenWerkgever is null;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellation)
    {
        if (await Regiocontrole(code, cancellation) is { } probleem) return probleem;
        if (!string.IsNullOrWhiteSpace(Werkgever))
        {
            GekozenWerkgever = await WerkgeverMetNummer(Werkgever, cancellation);
            if (GekozenWerkgever is null) return Ongeldig([new OngeldigeParameter("zoek", "onbekende-werkgever", $"Er is geen werkgever met KvK-nummer {Werkgever}.")], Zoekvelden);
            Invoer = Afspraakformulier.Leeg(Gebruiker);
            NieuweFormuliersleutel();
            return Page();
        }

        if (Zoek is null) return Page();
        var tekst = Zoek.Trim();
        var cijfers = tekst.Length > 0 && tekst.All(char.IsAsciiDigit);
        if (cijfers ? tekst.Length is < 2 or > 8 : tekst.Length is < 3 or > 100)
        {
            return Ongeldig([new OngeldigeParameter("zoek", "ongeldige-lengte", "Zoek op ten minste 3 letters van de naam, of op 2 tot 8 cijfers van het KvK-nummer.")],
                Zoekvelden);
        }

        Treffers = await WerkgeversZoeken.Zoek(session, database, tekst, WerkgeversZoeken.MaximaalAantal, cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellation)
    {
        if (await Regiocontrole(code, cancellation) is { } probleem) return probleem;
        GekozenWerkgever = Werkgever is null ? null : await WerkgeverMetNummer(Werkgever, cancellation);
        if (GekozenWerkgever is null) return Redirect($"/regios/{Regio.Code}/afspraken/nieuw");

        if (Invoer.Bewerk(Actie, Varianten, out var bewerkfout))
        {
            return bewerkfout is null ? Page() : Ongeldig([new OngeldigeParameter("nieuweVariant", "verplicht", bewerkfout)], Invoer.Velden(Varianten));
        }

        var (inhoud, eigenFouten) = Invoer.NaarVerzoek(Varianten);
        var verzoek = new AfspraakOpstellenVerzoek(GekozenWerkgever.KvkNummer, Regio.Code, inhoud.Titel, inhoud.WerkgeverContactrol, inhoud.Regiopartijen,
            inhoud.Werkafspraken, inhoud.Doelgroepen, inhoud.Beroepen, inhoud.Doelstellingen, inhoud.Looptijd, inhoud.Werkaanbod);
        var uitkomst = await AfspraakOpstellen.Uitvoeren(schrijver, Opdracht("POST /v1/samenwerkingsafspraken"), verzoek, klok);
        return uitkomst switch
        {
            Schrijfuitkomst.Gelukt gelukt => Redirect($"/afspraken/{IdUit(gelukt)}?melding=opgesteld"),
            Schrijfuitkomst.Geweigerd geweigerd => Geweigerd(geweigerd.Weigering, Invoer.Velden(Varianten).Prepend(new Veld("werkgever", "Werkgever")), eigenFouten),
            _ => throw new InvalidOperationException("A new agreement has no version to conflict with."),
        };
    }

    private static IEnumerable<Veld> Zoekvelden => [new Veld("zoek", "Zoek een werkgever")];

    private async Task<IActionResult?> Regiocontrole(string code, CancellationToken cancellation)
    {
        if (!ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(code)) return Foutpagina(404, $"Er is geen arbeidsmarktregio '{code}'.");
        if (!Gebruiker.IsRegiopartijVan(code))
            return Foutpagina(403, $"Alleen een regiopartij van {code} stelt daar afspraken op (uw account noemt: {string.Join(", ", Gebruiker.Regios)}).");
        var stand = await referentiedata.Actueel(cancellation);
        if (!stand.Regios.TryGetValue(code, out var regio)) return Foutpagina(404, $"Er is geen arbeidsmarktregio {code}.");
        Regio = regio;
        Varianten = stand.Varianten;
        return null;
    }

    private Task<Werkgever?> WerkgeverMetNummer(string kvk, CancellationToken cancellation) =>
        Werkgevers.Registreren.Formaten.KvkNummer().IsMatch(kvk) ? session.LoadAsync<Werkgever>(Werkgevers.Werkgever.StreamId(kvk), cancellation)! : Task.FromResult<Werkgever?>(null);
}
