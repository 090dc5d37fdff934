using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Exports;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Referentiedata;

namespace Samenwerkingsafspraken.Afspraken.Importeren;

/// <summary>One problem of a file, placed in its row and column (none for a problem of the whole file).</summary>
public sealed record Importprobleem(int? Regel, string? Kolom, string Tekst);

/// <summary>
/// A region loads its existing agreements from a file: the template, then a dry run that shows every problem per row
/// and column (or what would be made), then the real run. The same steps as POST /v1/arbeidsmarktregios/{code}/imports.
/// </summary>
[Toegangssleutel("afsprakenImporterenPagina")]
public sealed partial class ImporterenModel(IQuerySession session, Schrijver schrijver, Referentiecache referentiedata, Klok klok) : Formulierpagina
{
    [BindProperty] public IFormFile? Bestand { get; set; }

    /// <summary>The file of the dry run, carried into the real run so that exactly what was checked is imported.</summary>
    [BindProperty] public string? Inhoud { get; set; }
    [BindProperty] public string? Formaat { get; set; }
    [BindProperty] public string? Bestandsnaam { get; set; }

    public string Code { get; private set; } = "";

    public Arbeidsmarktregio Regio { get; private set; } = null!;

    public IReadOnlyList<Importprobleem> Problemen { get; private set; } = [];

    public Importuitkomst? Proef { get; private set; }

    public static IEnumerable<Veld> Velden => [new("bestand", "Het bestand", "Kies het bestand met uw afspraken.")];

    public static IReadOnlyList<Importkolom> Kolommen => Importkolommen.Alle;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellation)
    {
        if (await Controleer(code, cancellation) is { } probleem) return probleem;
        NieuweFormuliersleutel();
        return Page();
    }

    /// <summary>The dry run: nothing is recorded; every problem of the file, or what each row would become.</summary>
    public async Task<IActionResult> OnPostProefAsync(string code, CancellationToken cancellation)
    {
        if (await Controleer(code, cancellation) is { } probleem) return probleem;
        if (Bestand is null || Bestand.Length == 0)
            return Ongeldig([new OngeldigeParameter("bestand", "verplicht", "Kies het bestand met uw afspraken (CSV of Excel).")], Velden);
        if (Bestand.Length > AfsprakenImporterenEndpoint.MaximaleGrootte)
            return Ongeldig([new OngeldigeParameter("bestand", "bestand-te-groot",
                $"Het bestand is groter dan {AfsprakenImporterenEndpoint.MaximaleGrootte / 1024 / 1024} MB: verdeel de afspraken over meer bestanden.")], Velden);
        if (FormaatVan(Bestand.FileName, Bestand.ContentType) is not { } formaat)
            return Ongeldig([new OngeldigeParameter("bestand", "mediatype-niet-ondersteund", "Kies een CSV-bestand (.csv) of een Excelbestand (.xlsx).")], Velden);

        using var buffer = new MemoryStream();
        await Bestand.CopyToAsync(buffer, cancellation);
        Inhoud = Convert.ToBase64String(buffer.ToArray());
        Formaat = formaat.ToString().ToLowerInvariant();
        Bestandsnaam = Path.GetFileName(Bestand.FileName);
        NieuweFormuliersleutel();
        return await Verwerk(code, proef: true, buffer.ToArray(), formaat, cancellation);
    }

    /// <summary>The real run, of the file the dry run checked: all or nothing; the same file twice has its effect once.</summary>
    public async Task<IActionResult> OnPostImporterenAsync(string code, CancellationToken cancellation)
    {
        if (await Controleer(code, cancellation) is { } probleem) return probleem;
        byte[]? inhoud = null;
        try
        {
            inhoud = Inhoud is null ? null : Convert.FromBase64String(Inhoud);
        }
        catch (FormatException)
        {
        }

        if (inhoud is null || !Enum.TryParse<Importformaat>(Formaat, true, out var formaat))
            return Ongeldig([new OngeldigeParameter("bestand", "verplicht", "Kies het bestand opnieuw en controleer het eerst met een proefrun.")], Velden);
        return await Verwerk(code, proef: false, inhoud, formaat, cancellation);
    }

    private async Task<IActionResult> Verwerk(string code, bool proef, byte[] inhoud, Importformaat formaat, CancellationToken cancellation)
    {
        var stand = await referentiedata.Actueel(cancellation);
        var antwoord = await AfsprakenImporteren.Verwerk(code, proef, inhoud, formaat, stand, Opdracht($"POST /v1/arbeidsmarktregios/{code}/imports"), schrijver,
            session, klok);
        switch (antwoord)
        {
            case Importantwoord.Beoordeeld { Uitkomst.EerderGeimporteerd: true } eerder:
                return Redirect($"/regios/{code}/imports/{eerder.Uitkomst.ImportId}?melding=eerder");
            case Importantwoord.Beoordeeld beoordeeld:
                Proef = beoordeeld.Uitkomst;
                return Page();
            case Importantwoord.Vastgelegd { Uitkomst: Schrijfuitkomst.Gelukt gelukt }:
                return Redirect($"/regios/{code}/imports/{IdUit(gelukt)}?melding={(gelukt.Herhaald ? "eerder" : "geimporteerd")}");
            case Importantwoord.Vastgelegd { Uitkomst: Schrijfuitkomst.Geweigerd geweigerd }:
                return Geweigerd(geweigerd.Weigering);
            case Importantwoord.Vastgelegd vastgelegd:
                return Foutpagina(409, $"Het importeren is niet gelukt ({vastgelegd.Uitkomst.GetType().Name}): probeer het opnieuw.");
            case Importantwoord.Geweigerd geweigerd:
                return Geweigerd(geweigerd.Weigering);
            default:
                throw new InvalidOperationException($"Unknown answer {antwoord.GetType().Name}.");
        }
    }

    /// <summary>Problems of the file: listed per row and column below the form; beside the file field, how many and what to do.</summary>
    private IActionResult Geweigerd(Weigering weigering)
    {
        if (weigering.Soort is Weigeringsoort.NietToegestaan or Weigeringsoort.NietGevonden)
            return Foutpagina((int)weigering.Soort, weigering.Detail, weigering.Fouten);
        if (weigering.Fouten is not { Count: > 0 } fouten)
        {
            Melding = weigering.Detail;
            Response.StatusCode = (int)weigering.Soort;
            return Page();
        }

        Problemen = fouten.Select(Plaats).ToList();
        var regels = Problemen.Where(p => p.Regel is not null).Select(p => p.Regel).Distinct().Count();
        var samenvatting = $"Het bestand bevat {fouten.Count} {(fouten.Count == 1 ? "fout" : "fouten")}" +
                           (regels > 0 ? $" in {regels} {(regels == 1 ? "regel" : "regels")}" : "") +
                           ". Er is niets vastgelegd: verbeter het bestand (zie de tabel hieronder) en controleer het opnieuw.";
        Inhoud = null;
        return Ongeldig([new OngeldigeParameter("bestand", weigering.Code, samenvatting)], Velden);
    }

    private async Task<IActionResult?> Controleer(string code, CancellationToken cancellation)
    {
        Code = code;
        if (!ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(code)) return Foutpagina(400, "Een regiocode is AM gevolgd door twee cijfers.");
        var stand = await referentiedata.Actueel(cancellation);
        if (AfsprakenImporteren.Regio(code, Gebruiker, stand.Regios) is { } weigering) return Foutpagina((int)weigering.Soort, weigering.Detail);
        Regio = stand.Regios[code];
        return null;
    }

    private static Importformaat? FormaatVan(string bestandsnaam, string? mediatype) =>
        Path.GetExtension(bestandsnaam).ToLowerInvariant() switch
        {
            ".csv" => Importformaat.Csv,
            ".xlsx" => Importformaat.Xlsx,
            _ => mediatype switch
            {
                "text/csv" => Importformaat.Csv,
                Exportformaten.XlsxType => Importformaat.Xlsx,
                _ => null,
            },
        };

    public static Importprobleem Plaats(OngeldigeParameter fout)
    {
        var match = Regelpad().Match(fout.Name);
        return match.Success
            ? new Importprobleem(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups[2].Success ? match.Groups[2].Value : null, fout.Reason)
            : new Importprobleem(null, fout.Name, fout.Reason);
    }

    [GeneratedRegex(@"^regels\[(\d+)\](?:\.(.+))?$")]
    private static partial Regex Regelpad();
}
