using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Net.Http.Headers;
using Samenwerkingsafspraken.Afspraken.Opstellen;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Exports;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.MultiStreamWriting;
using Samenwerkingsafspraken.Werkgevers.Registreren;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Werkgevers;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Importeren;

/// <summary>One row of an import as the answer shows it: where it was, the region's kenmerk, what it is, and (once imported) the agreement.</summary>
public sealed record Importafspraak(int Regel, string? Kenmerk, Guid? AfspraakId, string KvkNummer, string Titel);

/// <summary>What an import does (a dry run) or did: every row and the agreement it becomes; the same file twice is recognised.</summary>
public sealed record Importuitkomst(
    bool Proef,
    bool EerderGeimporteerd,
    Guid ImportId,
    string Arbeidsmarktregio,
    string Vingerafdruk,
    string Bestandsformaat,
    DateTimeOffset? GeimporteerdOp,
    int AantalAfspraken,
    IReadOnlyList<Importafspraak> Afspraken)
{
    public static Importuitkomst Van(Afsprakenimport import, bool eerder) => new(false, eerder, import.Id, import.Arbeidsmarktregio, import.Vingerafdruk,
        import.Bestandsformaat, import.Op, import.Afspraken.Count,
        import.Afspraken.Select(a => new Importafspraak(a.Regel, a.Kenmerk, a.AfspraakId, a.KvkNummer, a.Titel)).ToList());

    /// <summary>What a dry run would record: the rows and what they become, without ids (nothing is recorded).</summary>
    public static Importuitkomst AlsProef(AfsprakenGeimporteerd import) => new(true, false, import.ImportId, import.Arbeidsmarktregio, import.Vingerafdruk,
        import.Bestandsformaat, null, import.Afspraken.Count, import.Afspraken.Select(a => new Importafspraak(a.Regel, a.Kenmerk, null, a.KvkNummer, a.Titel)).ToList());
}

/// <summary>How an import of a file ended: refused (every problem by row and column), tried or found earlier, or recorded.</summary>
public abstract record Importantwoord
{
    private Importantwoord()
    {
    }

    public sealed record Geweigerd(Weigering Weigering) : Importantwoord;

    /// <summary>A dry run's outcome, or the import this same file became before.</summary>
    public sealed record Beoordeeld(Importuitkomst Uitkomst) : Importantwoord;

    public sealed record Vastgelegd(Schrijfuitkomst Uitkomst) : Importantwoord;
}

/// <summary>What the import command takes: the region, the file's rows as the API's requests, and the file's format.</summary>
public sealed record Afsprakenbestand(string Arbeidsmarktregio, string Bestandsformaat, IReadOnlyList<Importregel> Regels)
{
    public string Vingerafdruk { get; } = AfsprakenImporteren.Vingerafdruk(Regels);

    public Guid ImportId => Afsprakenimport.StreamId(Arbeidsmarktregio, Vingerafdruk);
}

/// <summary>The rows read and checked: every problem by row and column, or for each row the event the API would record for it.</summary>
public sealed record Importplan(string Vingerafdruk, IReadOnlyList<OngeldigeParameter> Fouten, IReadOnlyList<(Importregel Regel, AfspraakOpgesteld Gebeurtenis)> Afspraken);

public static class AfsprakenImporteren
{
    public const string MetadataImport = "import";

    /// <summary>
    /// The fingerprint of what the file says, not of its bytes: the rows as requests, in order. The same agreements
    /// saved as CSV or as Excel, or with an empty row more, are the same import.
    /// </summary>
    public static string Vingerafdruk(IReadOnlyList<Importregel> regels) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(regels.Select(r => new { r.Kenmerk, r.Verzoek }), Json.Options)))
            .ToLowerInvariant();

    /// <summary>
    /// Every row through the API's own checks for drawing up an agreement (the same validator, then the same decide
    /// function), and the checks only a file needs: no two rows with the same kenmerk or for the same agreement. Every
    /// problem of every row at once, named by row and column; without problems, the event of each row.
    /// </summary>
    public static Importplan Beoordeel(IReadOnlyList<Importregel> regels, Referentiekader kader, IReadOnlyDictionary<string, Werkgever> werkgevers,
        Gebruiker door, DateTimeOffset nu, Func<Guid> nieuwId)
    {
        var fouten = new List<OngeldigeParameter>();
        var afspraken = new List<(Importregel, AfspraakOpgesteld)>();
        foreach (var regel in regels)
        {
            var kolommenMetFout = regel.Celfouten.Select(f => f.Name).ToHashSet();
            fouten.AddRange(regel.Celfouten);
            var eigenKader = kader with { Werkgever = regel.Verzoek.Werkgever is { } kvk ? werkgevers.GetValueOrDefault(kvk) : null };
            var uitkomst = AfspraakOpstellenValidator.Instantie.Validate(Kadercontext.Met(regel.Verzoek, eigenKader));
            var rijfouten = Validatie.AlsParameters(uitkomst)
                .Select(f => f with { Name = $"regels[{regel.Regel}].{Importvertaling.Kolom(f.Name, f.Code, regel.Groepen)}" })
                .Where(f => !kolommenMetFout.Contains(f.Name))
                .DistinctBy(f => (f.Name, f.Code))
                .ToList();
            fouten.AddRange(rijfouten);
            if (rijfouten.Count > 0 || regel.Celfouten.Count > 0) continue;

            var besluit = AfspraakOpstellen.Beslis(nieuwId(), regel.Verzoek, eigenKader, door, nu);
            if (besluit.Weigering is { } weigering)
            {
                fouten.Add(new OngeldigeParameter($"regels[{regel.Regel}]", weigering.Code, weigering.Detail));
                continue;
            }

            afspraken.Add((regel, besluit.Gebeurtenissen.OfType<AfspraakOpgesteld>().Single()));
        }

        foreach (var dubbel in regels.Where(r => r.Kenmerk is not null).GroupBy(r => r.Kenmerk!.ToLowerInvariant()).SelectMany(g => g.Skip(1)))
        {
            fouten.Add(new OngeldigeParameter($"regels[{dubbel.Regel}].kenmerk", "dubbel", $"Kenmerk '{dubbel.Kenmerk}' staat al op een eerdere regel."));
        }

        foreach (var groep in regels.GroupBy(r => (r.Verzoek.Werkgever, Titel: r.Verzoek.Titel?.ToLowerInvariant(), r.Verzoek.Looptijd?.Startdatum)))
        {
            foreach (var dubbel in groep.Skip(1))
            {
                fouten.Add(new OngeldigeParameter($"regels[{dubbel.Regel}].titel", "dubbele-afspraak",
                    $"Regel {groep.First().Regel} heeft dezelfde werkgever, titel en startdatum: staat dezelfde afspraak er twee keer in?"));
            }
        }

        return new Importplan(Vingerafdruk(regels), fouten.OrderBy(f => Regelnummer(f.Name)).ToList(), afspraken);
    }

    /// <summary>
    /// The import as one command on the write path: a new stream for the import, and through the same decision a new
    /// stream per row with the event <c>POST /v1/samenwerkingsafspraken</c> records, all in one transaction. The import
    /// is named in every event's metadata. The import's id comes from the file's content, so a second run of the same
    /// file collides with the first instead of recording anything twice.
    /// </summary>
    public static Task<Schrijfuitkomst> Uitvoeren(Schrijver schrijver, Opdrachtcontext context, Afsprakenbestand bestand, Klok klok) =>
        schrijver.Start(context, new Startopdracht<Afsprakenimport, Afsprakenbestand>(bestand.ImportId, bestand)
        {
            Beslis = async g => Beslis(bestand, await Werkgevers(g.Sessie, bestand.Regels, g.Annulering), g.Kader, g.Gebruiker, klok.GetUtcNow(),
                Guid.CreateVersion7),
            Antwoord = import => Importuitkomst.Van(import, eerder: false),
            Locatie = import => $"/v1/arbeidsmarktregios/{import.Arbeidsmarktregio}/imports/{import.Id}",
            BestaatAl = "Dit bestand is al geïmporteerd: haal de import op voor de afspraken die het werden.",
            Reden = $"Geïmporteerd uit een bestand ({bestand.Bestandsformaat}) met {bestand.Regels.Count} afspraak/afspraken",
            Metadata = new Dictionary<string, string> { [MetadataImport] = bestand.ImportId.ToString() },
        });

    /// <summary>
    /// Who may import where: a public party of the region, which exists and has not ended. Without the regions (null)
    /// only the first, which the token alone answers.
    /// </summary>
    public static Weigering? Regio(string code, Gebruiker door, IReadOnlyDictionary<string, Arbeidsmarktregio>? regios)
    {
        if (!door.IsRegiopartijVan(code))
            return Weigering.NietToegestaan("andere-regio", $"Alleen een regiopartij van {code} importeert daar afspraken (uw token noemt: {string.Join(", ", door.Regios)}).");
        if (regios is null) return null;
        if (!regios.TryGetValue(code, out var regio)) return Weigering.NietGevonden("niet-gevonden", $"Arbeidsmarktregio {code} bestaat niet.");
        return regio.IsGeldig ? null : Weigering.Conflict("regio-opgeheven", $"Arbeidsmarktregio {code} is opgeheven: importeer in haar opvolger.");
    }

    /// <summary>The decision: every row checked as the API checks it, then the import and an agreement per row, or every problem.</summary>
    public static Besluit Beslis(Afsprakenbestand bestand, IReadOnlyDictionary<string, Werkgever> werkgevers, Referentiekader kader, Gebruiker door,
        DateTimeOffset nu, Func<Guid> nieuwId)
    {
        if (Regio(bestand.Arbeidsmarktregio, door, kader.Regios) is { } weigering) return weigering;

        var plan = Beoordeel(bestand.Regels, kader, werkgevers, door, nu, nieuwId);
        if (plan.Fouten.Count > 0)
        {
            var regels = plan.Fouten.Select(f => f.Name.Split(']')[0]).Distinct().Count();
            return Weigering.OngeldigeInvoer(plan.Fouten, $"{regels} regel(s) van het bestand bevatten samen {plan.Fouten.Count} fout(en). Er is niets vastgelegd.");
        }

        var geimporteerd = new AfsprakenGeimporteerd(bestand.ImportId, bestand.Arbeidsmarktregio, plan.Vingerafdruk, bestand.Bestandsformaat,
            plan.Afspraken.Select(a => new GeimporteerdeAfspraak(a.Regel.Regel, a.Regel.Kenmerk, a.Gebeurtenis.AfspraakId, a.Gebeurtenis.Werkgever.KvkNummer,
                a.Gebeurtenis.Inhoud.Titel)).ToList(),
            nu);
        return plan.Afspraken.Aggregate(Besluit.Met(geimporteerd), (besluit, a) => besluit.EnStart<Samenwerkingsafspraak>(a.Gebeurtenis.AfspraakId, a.Gebeurtenis));
    }

    /// <summary>Every employer the rows name, in one round trip.</summary>
    public static async Task<IReadOnlyDictionary<string, Werkgever>> Werkgevers(IQuerySession session, IEnumerable<Importregel> regels,
        CancellationToken cancellation)
    {
        var kvks = regels.Select(r => r.Verzoek.Werkgever).OfType<string>().Where(k => Formaten.KvkNummer().IsMatch(k)).Distinct().ToList();
        if (kvks.Count == 0) return new Dictionary<string, Werkgever>();
        var gevonden = await session.LoadManyAsync<Werkgever>(cancellation, kvks.Select(Werkgever.StreamId).ToArray());
        return gevonden.ToDictionary(w => w.KvkNummer);
    }

    /// <summary>
    /// A file that a public party of the region sent, read and checked, then tried (a dry run) or imported: the steps
    /// after the transport, shared by the API and the import page so that both answer the same file alike.
    /// </summary>
    public static async Task<Importantwoord> Verwerk(string code, bool proef, byte[] inhoud, Importformaat formaat, Referentiestand stand,
        Opdrachtcontext context, Schrijver schrijver, IQuerySession session, Klok klok)
    {
        var (rijen, bestandsfouten) = Importbestand.Lees(inhoud, formaat);
        if (bestandsfouten.Count > 0)
            return new Importantwoord.Geweigerd(Weigering.OngeldigeInvoer(bestandsfouten, $"Het bestand bevat {bestandsfouten.Count} fout(en). Er is niets vastgelegd."));

        var bestand = new Afsprakenbestand(code, formaat.ToString().ToLowerInvariant(),
            rijen.Select(r => Importvertaling.Vertaal(r, code, stand.Varianten)).ToList());
        if (await session.LoadAsync<Afsprakenimport>(bestand.ImportId, context.Annulering) is { } eerder)
            return new Importantwoord.Beoordeeld(Importuitkomst.Van(eerder, eerder: true) with { Proef = proef });

        if (proef)
        {
            var kader = new Referentiekader(stand.Regios, stand.Varianten, null);
            var besluit = Beslis(bestand, await Werkgevers(session, bestand.Regels, context.Annulering), kader, context.Gebruiker, klok.GetUtcNow(), Guid.CreateVersion7);
            return besluit.Weigering is { } weigering
                ? new Importantwoord.Geweigerd(weigering)
                : new Importantwoord.Beoordeeld(Importuitkomst.AlsProef(besluit.Gebeurtenissen.OfType<AfsprakenGeimporteerd>().Single()));
        }

        return new Importantwoord.Vastgelegd(await Uitvoeren(schrijver, context, bestand, klok));
    }

    private static int Regelnummer(string pad) =>
        pad.StartsWith("regels[", StringComparison.Ordinal) && int.TryParse(pad[7..pad.IndexOf(']')], out var n) ? n : 0;
}

public static class AfsprakenImporterenEndpoint
{
    /// <summary>A few hundred agreements fit well within this; a file beyond it is refused before it is read.</summary>
    public const int MaximaleGrootte = 2 * 1024 * 1024;

    [Verzoekbestand("text/csv", "Het importbestand in de vorm van het sjabloon (GET /v1/importsjabloon): CSV (UTF-8, komma of puntkomma) of Excel (xlsx, het eerste werkblad), met een kopregel.",
        Exportformaten.XlsxType)]
    [WolverinePost("/v1/arbeidsmarktregios/{code}/imports", OperationId = "afsprakenImporteren")]
    [Microsoft.AspNetCore.Mvc.RequestSizeLimit(MaximaleGrootte)]
    [EndpointSummary("Bestaande afspraken van een regio importeren uit een CSV- of Excelbestand (met proefrun)")]
    [EndpointDescription("Een regiopartij van de regio laadt haar bestaande afspraken, één per regel, in de vorm van het sjabloon (GET /v1/importsjabloon). " +
                         "Elke regel gaat door dezelfde controles als POST /v1/samenwerkingsafspraken en wordt dezelfde gebeurtenis (een concept, " +
                         "daarna ondertekent elke partij zelf). Met proef=true wordt niets vastgelegd en noemt het antwoord wat er zou ontstaan. Elke fout " +
                         "in het bestand is een 400 met regel en kolom (regels[5].startdatum), allemaal tegelijk. Zonder proef: alles of niets, in één " +
                         "transactie; hetzelfde bestand nog eens (ook als xlsx in plaats van csv) legt niets opnieuw vast en geeft de eerdere import. " +
                         "Elke gebeurtenis noemt de import in haar metadata (import).")]
    [ProducesResponseType<Importuitkomst>(200)]
    [ProducesResponseType<Importuitkomst>(201)]
    [Problemen(400, 401, 403, 404, 409, 413, 415, 422)]
    public static async Task<IResult> Post(string code, bool? proef, HttpContext http, Schrijver schrijver, Referentiecache referentiedata,
        IQuerySession session, Klok klok)
    {
        if (!ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(code))
            return Problemen.Ongeldig([new OngeldigeParameter("code", "ongeldig-formaat", "Een regiocode is AM gevolgd door twee cijfers.")]);
        var gebruiker = Gebruiker.Van(http.User);
        if (AfsprakenImporteren.Regio(code, gebruiker, null) is { } buitenRegio) return buitenRegio.AlsProbleem();

        var stand = await referentiedata.Actueel(http.RequestAborted);
        if (AfsprakenImporteren.Regio(code, gebruiker, stand.Regios) is { } regioProbleem) return regioProbleem.AlsProbleem();

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediatype) || Formaat(mediatype.MediaType.ToString()) is not { } formaat)
            return Problemen.Probleem(415, "mediatype-niet-ondersteund", $"Stuur het importbestand als text/csv of als {Exportformaten.XlsxType}.");
        if (await Lees(http) is not { } inhoud)
            return Problemen.Probleem(413, "bestand-te-groot", $"Het bestand is groter dan {MaximaleGrootte / 1024 / 1024} MB: verdeel de afspraken over meer bestanden.");

        return await AfsprakenImporteren.Verwerk(code, proef == true, inhoud, formaat, stand, HttpOpdracht.Context(http), schrijver, session, klok) switch
        {
            Importantwoord.Geweigerd geweigerd => geweigerd.Weigering.AlsProbleem(),
            Importantwoord.Beoordeeld beoordeeld => Results.Ok(beoordeeld.Uitkomst),
            Importantwoord.Vastgelegd vastgelegd => vastgelegd.Uitkomst.AlsResultaat(),
            var anders => throw new InvalidOperationException($"Unknown answer {anders.GetType().Name}."),
        };
    }

    private static Importformaat? Formaat(string mediatype) => mediatype.ToLowerInvariant() switch
    {
        "text/csv" => Importformaat.Csv,
        Exportformaten.XlsxType => Importformaat.Xlsx,
        _ => null,
    };

    private static async Task<byte[]?> Lees(HttpContext http)
    {
        using var buffer = new MemoryStream();
        var blok = new byte[81920];
        int gelezen;
        while ((gelezen = await http.Request.Body.ReadAsync(blok, http.RequestAborted)) > 0)
        {
            if (buffer.Length + gelezen > MaximaleGrootte) return null;
            buffer.Write(blok, 0, gelezen);
        }

        return buffer.ToArray();
    }
}

public static class ImportOpvragenEndpoint
{
    [WolverineGet("/v1/arbeidsmarktregios/{code}/imports/{id}", OperationId = "afsprakenimportOpvragen")]
    [EndpointSummary("Een import van afspraken")]
    [EndpointDescription("Welke regels van het bestand welke afspraak werden, met het kenmerk van de regio. Voor de regiopartijen van de regio en auditors.")]
    [ProducesResponseType<Importuitkomst>(200)]
    [MetETag]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Get(string code, Guid id, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var import = await Lees(code, id, Gebruiker.Van(http.User), session, cancellation);
        return import.IsProbleem ? import.Probleem : Voorwaardelijk.Antwoord(http, import.Waarde.Version, Importuitkomst.Van(import.Waarde, eerder: true));
    }

    /// <summary>The checks and the lookup, shared with the import's page.</summary>
    public static async Task<Opvraging<Afsprakenimport>> Lees(string code, Guid id, Gebruiker gebruiker, IQuerySession session, CancellationToken cancellation)
    {
        if (!ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(code))
            return Opvraging<Afsprakenimport>.Geweigerd(
                Problemen.Ongeldig([new OngeldigeParameter("code", "ongeldig-formaat", "Een regiocode is AM gevolgd door twee cijfers.")]));
        if (!gebruiker.IsAuditor && !gebruiker.IsRegiopartijVan(code))
            return Opvraging<Afsprakenimport>.Geweigerd(Problemen.GeenToegang($"De imports van {code} zijn voor de regiopartijen van die regio en voor auditors."));
        var import = await session.LoadAsync<Afsprakenimport>(id, cancellation);
        return import is null || import.Arbeidsmarktregio != code
            ? Opvraging<Afsprakenimport>.Geweigerd(Problemen.NietGevonden($"Er is geen import {id} in {code}."))
            : import;
    }
}
