using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Werkgevers.Registreren;
using Samenwerkingsafspraken.Werkgevers.Wijzigen;

namespace Samenwerkingsafspraken.Werkgevers.Vestigingen;

/// <summary>
/// One location: move it to another gemeente (POST …/vestigingen/{nr}/verhuizingen) or close it with a reason
/// (POST …/vestigingen/{nr}/sluiting), the same commands as the API's.
/// </summary>
[Toegangssleutel("vestigingPagina")]
public sealed class VestigingModel(IQuerySession session, Schrijver schrijver, Klok klok) : Formulierpagina
{
    [BindProperty] public long Versie { get; set; }
    [BindProperty] public string? Gemeente { get; set; }
    [BindProperty] public string? Reden { get; set; }

    public Werkgever Werkgever { get; private set; } = null!;

    public Vestiging Vestiging { get; private set; } = null!;

    public IReadOnlyList<Optie> Gemeenteopties { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Gemeentenamen { get; private set; } = new Dictionary<string, string>();

    /// <summary>Which of the two forms was sent, so that its problems show beside its own fields.</summary>
    public string? Verstuurd { get; private set; }

    public static IEnumerable<Veld> Velden =>
    [
        new("gemeente", "Nieuwe gemeente", "Kies de gemeente waar de vestiging nu ligt."),
        new("reden", "Reden van de sluiting", "Geef de reden van de sluiting."),
        new("body", "Vestiging"),
        new("vestigingsnummer", "Vestigingsnummer"),
    ];

    public async Task<IActionResult> OnGetAsync(string kvkNummer, string vestigingsnummer, CancellationToken cancellation)
    {
        if (await Laad(kvkNummer, vestigingsnummer, cancellation) is { } probleem) return probleem;
        Versie = Werkgever.Version;
        NieuweFormuliersleutel();
        return Page();
    }

    public async Task<IActionResult> OnPostVerhuizenAsync(string kvkNummer, string vestigingsnummer, CancellationToken cancellation)
    {
        if (await Laad(kvkNummer, vestigingsnummer, cancellation) is { } probleem) return probleem;
        Verstuurd = "verhuizen";
        var uitkomst = await VestigingenBeheren.VerhuizenUitvoeren(schrijver,
            Opdracht($"POST /v1/werkgevers/{kvkNummer}/vestigingen/{vestigingsnummer}/verhuizingen", Versie), session, kvkNummer, vestigingsnummer,
            new VestigingVerhuizenVerzoek(Gemeente, null), klok);
        return Uitkomst(uitkomst, kvkNummer, "verhuisd");
    }

    public async Task<IActionResult> OnPostSluitenAsync(string kvkNummer, string vestigingsnummer, CancellationToken cancellation)
    {
        if (await Laad(kvkNummer, vestigingsnummer, cancellation) is { } probleem) return probleem;
        Verstuurd = "sluiten";
        var uitkomst = await VestigingenBeheren.SluitenUitvoeren(schrijver,
            Opdracht($"POST /v1/werkgevers/{kvkNummer}/vestigingen/{vestigingsnummer}/sluiting", Versie), kvkNummer, vestigingsnummer,
            new VestigingSluitenVerzoek(Reden, null), klok);
        return Uitkomst(uitkomst, kvkNummer, "gesloten");
    }

    public string Gemeentenaam(string? code) => code is null ? "onbekend" : Gemeentenamen.TryGetValue(code, out var naam) ? $"{naam} ({code})" : code;

    private IActionResult Uitkomst(Schrijfuitkomst uitkomst, string kvkNummer, string melding)
    {
        switch (uitkomst)
        {
            case Schrijfuitkomst.Gelukt:
                return Redirect($"/werkgevers/{kvkNummer}/vestigingen?melding={melding}");
            case Schrijfuitkomst.Geweigerd geweigerd:
                return Geweigerd(geweigerd.Weigering, Velden);
            case Schrijfuitkomst.Versieconflict conflict:
                Conflict = new Versieconflict(Versie, conflict.ActueleVersie, [],
                    ["De werkgever is intussen gewijzigd: zie de historie. Hieronder staat de vestiging zoals zij nu is; verstuur het formulier opnieuw als het nog klopt."]);
                Versie = conflict.ActueleVersie;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                throw new InvalidOperationException($"Unknown outcome {uitkomst.GetType().Name}.");
        }
    }

    private async Task<IActionResult?> Laad(string kvkNummer, string vestigingsnummer, CancellationToken cancellation)
    {
        if (Werkgeverregels.Kvkfout(kvkNummer) is { } fout) return Weigering(fout);
        if (!Formaten.Vestigingsnummer().IsMatch(vestigingsnummer)) return Foutpagina(404, $"Er is geen vestiging {vestigingsnummer}.");
        var werkgever = await session.LoadAsync<Werkgever>(Werkgever.StreamId(kvkNummer), cancellation);
        if (werkgever is null) return Foutpagina(404, $"Er is geen werkgever met KvK-nummer {kvkNummer}.");
        if (Werkgeverregels.MagWijzigen(werkgever, Gebruiker) is { } weigering) return Foutpagina(403, weigering.Detail);
        if (werkgever.Vestigingen.FirstOrDefault(v => v.Vestigingsnummer == vestigingsnummer) is not { } vestiging)
            return Foutpagina(404, $"{werkgever.Naam} heeft geen vestiging {vestigingsnummer}.");
        Werkgever = werkgever;
        Vestiging = vestiging;
        (Gemeenteopties, Gemeentenamen) = await Vestigingmeldingen.Gemeenten(session, klok.Vandaag, cancellation);
        return null;
    }
}
