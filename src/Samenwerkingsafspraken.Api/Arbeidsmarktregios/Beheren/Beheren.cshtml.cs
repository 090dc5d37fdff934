using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Beheer.Indeling;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Gemeenten.Opvragen;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.MultiStreamWriting;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Arbeidsmarktregios.Beheren;

public sealed class Deelrij
{
    public string? Arbeidsmarktregio { get; set; }
    public string? Naam { get; set; }
    public string? Gemeenten { get; set; }
}

/// <summary>
/// The beheerder changes a region: renames it, splits it, merges it with others, or ends it with its successor; first
/// the kind of change, then its form. The same commands as the API's (hernoemingen, splitsing, samenvoegingen, opheffing).
/// </summary>
[Toegangssleutel("arbeidsmarktregioBeherenPagina")]
public sealed class BeherenModel(IQuerySession session, Schrijver schrijver, Meerstroomschrijver meerstroomschrijver, Klok klok) : Indelingspagina
{
    public const string Hernoemen = "hernoemen";
    public const string Splitsen = "splitsen";
    public const string Samenvoegen = "samenvoegen";
    public const string Opheffen = "opheffen";
    public const string Centrumgemeente = "centrumgemeente";

    [BindProperty(SupportsGet = true)] public string? Handeling { get; set; }
    [BindProperty] public string? Actie { get; set; }
    [BindProperty] public string? Naam { get; set; }
    [BindProperty] public string? GeldigVanaf { get; set; }
    [BindProperty] public string? Reden { get; set; }
    [BindProperty] public string? Opvolger { get; set; }
    [BindProperty] public List<Deelrij> Delen { get; set; } = [];
    [BindProperty(Name = "regios")] public string? AndereRegios { get; set; }
    [BindProperty] public string? Arbeidsmarktregio { get; set; }
    [BindProperty(Name = "gemeente")] public string? Centrumgemeentecode { get; set; }

    public Arbeidsmarktregio Regio { get; private set; } = null!;

    public IReadOnlyList<Gemeente> Gemeenten { get; private set; } = [];

    public static IReadOnlyList<Optie> Handelingen { get; } =
    [
        new(Hernoemen, "Hernoemen: de regio krijgt een andere naam"),
        new(Splitsen, "Splitsen: gemeenten gaan naar andere of nieuwe regio's"),
        new(Samenvoegen, "Samenvoegen: de regio gaat met andere regio's op in één regio"),
        new(Opheffen, "Opheffen: de regio eindigt en haar gemeenten gaan naar haar opvolger"),
        new(Centrumgemeente, "Centrumgemeente aanwijzen: een van haar gemeenten wordt de centrumgemeente"),
    ];

    public IEnumerable<Optie> Gemeenteopties => Gemeenten.Select(g => new Optie(g.Code, $"{g.Naam} ({g.Code})"));

    public IEnumerable<Veld> Velden
    {
        get
        {
            yield return new Veld("handeling", "Wat verandert er", "Kies wat er met de regio gebeurt.");
            yield return new Veld("naam", Handeling == Samenvoegen ? "Naam van de nieuwe regio" : "Nieuwe naam", "Vul de naam in.");
            yield return new Veld("opvolger", "Opvolger", "Kies de regio die haar opvolgt.");
            yield return new Veld("gemeente", "Centrumgemeente", "Kies de centrumgemeente.");
            yield return new Veld("delen", "Delen", "Noem de delen waarin de regio opgaat.");
            for (var i = 0; i < Delen.Count; i++)
            {
                yield return new Veld($"delen[{i}]", $"Deel {i + 1}");
                yield return new Veld($"delen[{i}].arbeidsmarktregio", "Regiocode", "Vul de code van de regio van dit deel in (AM en twee cijfers).");
                yield return new Veld($"delen[{i}].naam", "Naam (voor een nieuwe regio)", "Geef de nieuwe regio van dit deel een naam.");
                yield return new Veld($"delen[{i}].gemeenten", "Gemeenten", "Noem de gemeenten van dit deel (GM-codes).");
            }

            yield return new Veld("regios", "De andere regio's", "Noem de regio's die samengaan.");
            yield return new Veld("arbeidsmarktregio", "Code van de regio waarin zij opgaan", "Vul de code van de regio in waarin zij opgaan.");
            yield return new Veld("geldigVanaf", "Geldig vanaf", "Vul de datum in vanaf wanneer het geldt.");
            yield return new Veld("reden", "Reden", "Vul de reden in: die komt in de historie.");
            yield return new Veld("body", "Wijziging");
        }
    }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellation)
    {
        if (await Laad(code, cancellation) is { } probleem) return probleem;
        Versie = Regio.Version;
        GeldigVanaf = Invoer.Datumtekst(new DateOnly(klok.Vandaag.Year + 1, 1, 1));
        Delen = [new Deelrij(), new Deelrij()];
        NieuweFormuliersleutel();
        if (Handeling is not null && Handelingen.All(h => h.Waarde != Handeling))
        {
            Handeling = null;
            return Ongeldig([new Infrastructure.Http.OngeldigeParameter("handeling", "verplicht", "Kies wat er met de regio gebeurt.")], Velden);
        }

        if (Handeling == Hernoemen) Naam = Regio.NaamOp(klok.Vandaag);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellation)
    {
        if (await Laad(code, cancellation) is { } probleem) return probleem;
        if (Actie == "deel-toevoegen")
        {
            Delen.Add(new Deelrij());
            return Page();
        }

        var invoer = new Invoer();
        var datum = string.IsNullOrWhiteSpace(GeldigVanaf) ? null : invoer.Datum("geldigVanaf", GeldigVanaf, "Geldig vanaf");
        var reden = Leeg(Reden);
        var code2 = Regio.Code;
        Schrijfuitkomst uitkomst;
        string doel;
        switch (Handeling)
        {
            case Hernoemen:
                uitkomst = await RegiosBeheren.Hernoemen(schrijver, Opdracht($"POST /v1/arbeidsmarktregios/{code2}/hernoemingen", Versie), code2,
                    new RegioHernoemenVerzoek(Leeg(Naam), datum, reden, null));
                doel = code2;
                break;
            case Opheffen:
                uitkomst = await RegiosBeheren.Opheffen(meerstroomschrijver, session, Opdracht($"POST /v1/arbeidsmarktregios/{code2}/opheffing", Versie), code2,
                    new RegioOpheffenVerzoek(Leeg(Opvolger), datum, reden, null));
                doel = Leeg(Opvolger) ?? code2;
                break;
            case Splitsen:
                var delen = Delen.Where(d => Leeg(d.Arbeidsmarktregio) is not null || Leeg(d.Naam) is not null || Leeg(d.Gemeenten) is not null)
                    .Select(d => new RegiodeelVerzoek(Leeg(d.Arbeidsmarktregio)?.ToUpperInvariant(), Leeg(d.Naam), Codelijst.Lees(d.Gemeenten))).ToList();
                Delen = Delen.Where(d => Leeg(d.Arbeidsmarktregio) is not null || Leeg(d.Naam) is not null || Leeg(d.Gemeenten) is not null).ToList();
                if (Delen.Count == 0) Delen = [new Deelrij(), new Deelrij()];
                uitkomst = await RegiosBeheren.Splitsen(meerstroomschrijver, session, Opdracht($"POST /v1/arbeidsmarktregios/{code2}/splitsing", Versie), code2,
                    new RegioSplitsenVerzoek(delen.Count == 0 ? null : delen, datum, reden, null));
                doel = code2;
                break;
            case Centrumgemeente:
                uitkomst = await RegiosBeheren.Centrumgemeente(schrijver, session, Opdracht($"POST /v1/arbeidsmarktregios/{code2}/centrumgemeenten", Versie),
                    code2, new CentrumgemeenteAanwijzenVerzoek(Leeg(Centrumgemeentecode), datum, reden, null));
                doel = code2;
                break;
            case Samenvoegen:
                var anderen = Codelijst.Lees(AndereRegios);
                var verzoek = new RegiosSamenvoegenVerzoek(anderen is null ? null : [code2, .. anderen], Leeg(Arbeidsmarktregio)?.ToUpperInvariant(), Leeg(Naam),
                    datum, reden);
                uitkomst = await RegiosBeheren.Samenvoegen(meerstroomschrijver, session, Opdracht("POST /v1/arbeidsmarktregios/samenvoegingen"), verzoek);
                doel = verzoek.Arbeidsmarktregio ?? code2;

                // The command numbers this region first: its other regions are the field's, one further.
                if (uitkomst is Schrijfuitkomst.Geweigerd { Weigering.Fouten: { Count: > 0 } fouten } geweigerd)
                    uitkomst = new Schrijfuitkomst.Geweigerd(geweigerd.Weigering with { Fouten = fouten.Select(f => f.Name.StartsWith("regios[", StringComparison.Ordinal) ? f with { Name = "regios" } : f).ToList() });
                break;
            default:
                Handeling = null;
                return Ongeldig([new Infrastructure.Http.OngeldigeParameter("handeling", "verplicht", "Kies wat er met de regio gebeurt.")], Velden);
        }

        return Toon(uitkomst, Velden, $"/beheer/indeling?regio={doel}&peildatum={GeldigVanaf}&melding={Handeling}", invoer.Fouten,
            $"Arbeidsmarktregio {code2} is intussen gewijzigd: controleer haar naam en gemeenten hierboven.");
    }

    private static string? Leeg(string? tekst) => string.IsNullOrWhiteSpace(tekst) ? null : tekst.Trim();

    private async Task<IActionResult?> Laad(string code, CancellationToken cancellation)
    {
        code = code.ToUpperInvariant();
        if (!ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(code)) return Foutpagina(404, $"Een regiocode is AM gevolgd door twee cijfers; {code} is dat niet.");
        var regio = await session.LoadAsync<Arbeidsmarktregio>(Arbeidsmarktregios.Arbeidsmarktregio.StreamId(code), cancellation);
        if (regio is null) return Foutpagina(404, $"Arbeidsmarktregio {code} bestaat niet.");
        Regio = regio;
        await LaadRegios(session, klok.Vandaag, cancellation);
        Gemeenten = await GemeentenOpvragen.VanRegio(session, code, klok.Vandaag, cancellation);
        return null;
    }
}
