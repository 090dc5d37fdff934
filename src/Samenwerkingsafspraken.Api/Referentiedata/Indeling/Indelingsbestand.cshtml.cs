using System.Text;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Beheer.Indeling;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.MultiStreamWriting;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Referentiedata.Indeling;

/// <summary>
/// The beheerder loads next year's CBS file: upload, a dry run that lists exactly the events it would record, then
/// the real load of that plan. The same steps as POST /v1/gemeenten/indelingsbestanden (proef=true, then If-Match: the plan).
/// </summary>
[Toegangssleutel("indelingsbestandLadenPagina")]
public sealed class IndelingsbestandModel(IQuerySession session, Meerstroomschrijver schrijver) : Formulierpagina
{
    /// <summary>The largest file accepted: the national file has some 350 rows, well under this.</summary>
    public const int MaximaleGrootte = 1024 * 1024;

    [BindProperty] public IFormFile? Bestand { get; set; }
    [BindProperty] public string? Jaar { get; set; }
    [BindProperty] public string? GeldigVanaf { get; set; }

    /// <summary>The file of the dry run, carried into the real load so that exactly what was checked is loaded.</summary>
    [BindProperty] public string? Inhoud { get; set; }
    [BindProperty] public string? Plan { get; set; }
    [BindProperty] public string? Bestandsnaam { get; set; }

    public IndelingsbestandUitkomst? Proef { get; private set; }

    public static IEnumerable<Veld> Velden =>
    [
        new("bestand", "Het CBS-bestand", "Kies het CBS-bestand (CSV)."), new("jaar", "Jaar"), new("geldigVanaf", "Geldig vanaf"), new("body", "Het bestand"),
    ];

    public IActionResult OnGet()
    {
        NieuweFormuliersleutel();
        return Page();
    }

    /// <summary>The dry run: nothing is recorded; every event the file would produce, or every problem of it.</summary>
    public async Task<IActionResult> OnPostProefAsync(CancellationToken cancellation)
    {
        if (Bestand is null || Bestand.Length == 0) return Ongeldig([new OngeldigeParameter("bestand", "verplicht", "Kies het CBS-bestand (CSV).")], Velden);
        if (Bestand.Length > MaximaleGrootte)
            return Ongeldig([new OngeldigeParameter("bestand", "bestand-te-groot", "Het bestand is groter dan 1 MB; het CBS-bestand van alle gemeenten is veel kleiner.")], Velden);

        using var lezer = new StreamReader(Bestand.OpenReadStream(), Encoding.UTF8);
        Inhoud = await lezer.ReadToEndAsync(cancellation);
        Bestandsnaam = Path.GetFileName(Bestand.FileName);
        return await Verwerk(proef: true, null, cancellation);
    }

    /// <summary>The real load of the plan the dry run showed; a register changed in the meantime shows the new plan instead.</summary>
    public async Task<IActionResult> OnPostLadenAsync(CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(Inhoud)) return Ongeldig([new OngeldigeParameter("bestand", "verplicht", "Kies het bestand opnieuw en doe eerst de proefrun.")], Velden);
        return await Verwerk(proef: false, Plan, cancellation);
    }

    private async Task<IActionResult> Verwerk(bool proef, string? plan, CancellationToken cancellation)
    {
        var fouten = new List<OngeldigeParameter>();
        int? jaar = null;
        if (!string.IsNullOrWhiteSpace(Jaar))
        {
            if (int.TryParse(Jaar.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var j)) jaar = j;
            else fouten.Add(new OngeldigeParameter("jaar", "ongeldig-formaat", "Het jaar is een jaartal, bijvoorbeeld 2027."));
        }

        DateOnly? vanaf = null;
        if (!string.IsNullOrWhiteSpace(GeldigVanaf))
        {
            if (Datumvenster.Lees("geldigVanaf", GeldigVanaf.Trim(), out var d, "Een datum: JJJJ-MM-DD.") is { } datumfout) fouten.Add(datumfout);
            else vanaf = d;
        }

        var antwoord = await IndelingsbestandLaden.Uitvoeren(schrijver, session, Opdracht("POST /v1/gemeenten/indelingsbestanden"), Inhoud!, proef, jaar, vanaf,
            plan, fouten);
        if (antwoord.Weigering is null && antwoord.Uitkomst is { } uitkomst)
        {
            if (!uitkomst.Proef)
                return Redirect($"/beheer/indeling?melding=cbs-geladen&gebeurtenissen={uitkomst.AantalGebeurtenissen}&peildatum={Invoer.Datumtekst(uitkomst.GeldigVanaf)}");
            Proef = uitkomst;
            Plan = uitkomst.Plan;
            NieuweFormuliersleutel();
            return Page();
        }

        var weigering = antwoord.Weigering!;
        if (antwoord.Uitkomst is { } nieuw && weigering.Code == "plan-gewijzigd")
        {
            // The register changed since the dry run: the new plan is shown, to be checked again before it is loaded.
            Proef = nieuw with { Proef = true };
            Plan = nieuw.Plan;
            Melding = "Het register veranderde sinds uw proefrun, dus het plan is nu anders. Er is niets vastgelegd. Hieronder staat het nieuwe plan: " +
                      "controleer het en laad het dan.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        Inhoud = null;
        return Geweigerd(weigering.Fouten is { Count: > 0 } lijst
            ? weigering with { Fouten = lijst.Select(f => f.Name is "jaar" or "geldigVanaf" ? f : f with { Name = "bestand", Reason = Plaats(f) }).ToList() }
            : weigering, Velden);
    }

    /// <summary>A problem in the file, said with where it is (the API names a row as regels[n]).</summary>
    private static string Plaats(OngeldigeParameter fout)
    {
        var regel = System.Text.RegularExpressions.Regex.Match(fout.Name, @"^regels\[(\d+)\](?:\.(.+))?$");
        if (regel.Success) return $"Regel {regel.Groups[1].Value}{(regel.Groups[2].Success ? $", kolom {regel.Groups[2].Value}" : "")}: {fout.Reason}";
        return fout.Name.StartsWith("bestand.", StringComparison.Ordinal) ? $"Kolom {fout.Name["bestand.".Length..]}: {fout.Reason}" : fout.Reason;
    }
}
