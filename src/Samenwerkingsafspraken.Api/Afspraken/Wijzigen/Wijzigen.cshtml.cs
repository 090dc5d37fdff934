using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Afspraken.Verschillen;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Varianten;

namespace Samenwerkingsafspraken.Afspraken.Wijzigen;

/// <summary>
/// Amending an agreement in two steps: the content as a form, then the difference with the current version (the pure
/// comparison the audit pages use) before anything is saved. Saving runs the same command as POST …/wijzigingen.
/// </summary>
[Toegangssleutel("afspraakWijzigenPagina")]
public sealed class WijzigenModel(IQuerySession session, Schrijver schrijver, Klok klok, Referentiecache referentiedata) : Afspraakactie(session)
{
    [BindProperty]
    public Afspraakformulier Invoer { get; set; } = new();

    [BindProperty]
    public string? Reden { get; set; }

    [BindProperty]
    public string? Actie { get; set; }

    public IReadOnlyDictionary<string, Variant> Varianten { get; private set; } = new Dictionary<string, Variant>();

    /// <summary>The second step: what will change, shown before saving.</summary>
    public IReadOnlyList<string>? Verschillen { get; private set; }

    /// <summary>Why the form is not shown at all (not a party, the agreement has ended).</summary>
    public string? Geblokkeerd { get; private set; }

    protected override string Actienaam => "Wijzigen";

    protected override string Actiepad => "wijzigen";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        if (await Voorbereid(id, cancellation) is { } probleem) return probleem;
        Geopend();
        Invoer = Afspraakformulier.Van(Afspraak.Inhoud);
        Geblokkeerd = Bezwaar();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellation)
    {
        if (await Voorbereid(id, cancellation) is { } probleem) return probleem;
        if (Invoer.Bewerk(Actie, Varianten, out var bewerkfout))
        {
            return bewerkfout is null ? Page() : Ongeldig([new OngeldigeParameter("nieuweVariant", "verplicht", bewerkfout)], Velden);
        }

        if (Actie == "terug") return Page();

        var (inhoud, eigenFouten) = Invoer.NaarVerzoek(Varianten);
        var verzoek = new WijzigingVerzoek(Reden, inhoud.Titel, inhoud.WerkgeverContactrol, inhoud.Regiopartijen, inhoud.Werkafspraken, inhoud.Doelgroepen,
            inhoud.Beroepen, inhoud.Doelstellingen, inhoud.Looptijd, null, inhoud.Werkaanbod);

        if (Actie == "opslaan")
        {
            var uitkomst = await AfspraakWijzigen.Uitvoeren(schrijver, Opdracht(Handeling("wijzigingen"), Versie), id, verzoek, klok);
            return await Uitkomst(uitkomst, Velden, "gewijzigd", eigenFouten, cancellation);
        }

        // The first step sent: check it as the command will, and show what would change.
        var kader = new Referentiekader((await referentiedata.Actueel(cancellation)).Regios, Varianten, null);
        var controle = await WijzigingValidator.Instantie.ValidateAsync(Kadercontext.Met(verzoek, kader), cancellation);
        if (eigenFouten.Count > 0 || !controle.IsValid) return Ongeldig(Formulierfouten.Samen(eigenFouten, Validatie.AlsParameters(controle)), Velden);

        var voorgesteld = verzoek.NaarInhoud(kader);
        if (Inhoudvergelijking.Gelijk(voorgesteld, Afspraak.Inhoud))
        {
            Melding = "U hebt niets gewijzigd: de inhoud is gelijk aan de huidige versie.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Versie != Afspraak.Version)
        {
            Conflict = await Afspraakconflict.Bouw(Sessie, id, Versie, Afspraak.Version, cancellation);
            Versie = Afspraak.Version;
        }

        Verschillen = Verschilregels.Van(Afspraakvergelijking.Tussen(Afspraak, Afspraak with { Inhoud = voorgesteld }), Varianten);
        return Page();
    }

    public IEnumerable<Veld> Velden => Invoer.Velden(Varianten).Append(new Veld("reden", "Reden van de wijziging", "Geef de reden van de wijziging."));

    /// <summary>Why this person cannot amend this agreement, in the decide function's words (checked on opening, decided again on saving).</summary>
    private string? Bezwaar()
    {
        if (Toegang.AlsPartij(Gebruiker, Afspraak) is null) return Regels.GeenPartij(Afspraak).Detail;
        return Afspraak.IsAfgesloten ? Regels.Afgesloten(Afspraak).Detail : null;
    }

    private async Task<IActionResult?> Voorbereid(Guid id, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        Varianten = (await referentiedata.Actueel(cancellation)).Varianten;
        return null;
    }
}
