using System.Globalization;
using Marten;
using Microsoft.Net.Http.Headers;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Gemeenten.Opvragen;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.MultiStreamWriting;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Referentiedata.Indeling;

public sealed record Planregel(string Soort, string Code, string Gebeurtenis, string Omschrijving);

/// <summary>What loading a CBS file does (a dry run) or did: every event for what changed, and the remarks.</summary>
public sealed record IndelingsbestandUitkomst(
    bool Proef,
    int Jaar,
    DateOnly GeldigVanaf,
    int AantalGemeenten,
    int AantalRegios,
    string Plan,
    int AantalGebeurtenissen,
    IReadOnlyList<Planregel> Gebeurtenissen,
    IReadOnlyList<string> Opmerkingen);

public static class IndelingsbestandLaden
{
    public const string ContentType = "text/csv";

    public static IndelingsbestandUitkomst Uitkomst(bool proef, CbsBestand bestand, DateOnly geldigVanaf, Indelingsplan plan,
        IReadOnlyCollection<Gemeente> gemeenten, IReadOnlyCollection<Arbeidsmarktregio> regios)
    {
        var codes = gemeenten.ToDictionary(g => g.Id, g => ("gemeente", g.Code));
        foreach (var r in regios) codes[r.Id] = ("arbeidsmarktregio", r.Code);
        foreach (var w in plan.Besluit.Wijzigingen)
        {
            switch (w.Gebeurtenissen[0])
            {
                case GemeenteVastgesteld g: codes[w.Id] = ("gemeente", g.Code); break;
                case ArbeidsmarktregioVastgesteld r: codes[w.Id] = ("arbeidsmarktregio", r.Code); break;
            }
        }

        var regels = plan.Besluit.Wijzigingen.SelectMany(w => w.Gebeurtenissen.Select(e =>
            new Planregel(codes[w.Id].Item1, codes[w.Id].Item2, e.GetType().Name, Indelingstekst.Omschrijving(e)))).ToList();
        return new IndelingsbestandUitkomst(proef, bestand.Jaar, geldigVanaf, bestand.Gemeenten.Count, bestand.Regionamen.Count, plan.Vingerafdruk,
            regels.Count, regels, plan.Opmerkingen);
    }

    /// <summary>
    /// Loading a CBS file as the API and the web page run it: the file compared with the register (a dry run, or a file
    /// already in force, records nothing), then the plan of the dry run recorded in one transaction, if it is still the plan.
    /// </summary>
    /// <param name="eerdereFouten">Problems the front end found in what it was given besides the file (a year, a date), answered with the file's.</param>
    /// <param name="verwachtPlan">The plan of the dry run the caller saw; needed for the real load.</param>
    public static async Task<Indelingsantwoord> Uitvoeren(Meerstroomschrijver schrijver, IQuerySession session, Opdrachtcontext context, string tekst,
        bool proef, int? jaar, DateOnly? geldigVanaf, string? verwachtPlan, IReadOnlyList<OngeldigeParameter> eerdereFouten)
    {
        var fouten = new List<OngeldigeParameter>();
        if (jaar is { } j && (j < Infrastructure.Datumvenster.Vroegst.Year || j > Infrastructure.Datumvenster.Laatst.Year))
            fouten.Add(new OngeldigeParameter("jaar", "buiten-bereik",
                $"Een jaartal van {Infrastructure.Datumvenster.Vroegst.Year} tot en met {Infrastructure.Datumvenster.Laatst.Year}."));

        fouten.AddRange(eerdereFouten);
        var (bestand, bestandsfouten) = CbsBestandLezer.Lees(new StringReader(tekst), jaar);
        fouten.AddRange(bestandsfouten);
        if (fouten.Count > 0 || bestand is null) return new Indelingsantwoord(null, Weigering.OngeldigeInvoer(fouten));

        var datum = geldigVanaf ?? new DateOnly(bestand.Jaar, 1, 1);
        var gemeenten = await session.Query<Gemeente>().ToListAsync(context.Annulering);
        var regios = await session.Query<Arbeidsmarktregio>().ToListAsync(context.Annulering);
        var plan = Indelingsvergelijking.Vergelijk(bestand, datum, gemeenten, regios);
        if (plan.Besluit.Weigering is { } botsing) return new Indelingsantwoord(null, botsing);

        var uitkomst = Uitkomst(proef || plan.AantalGebeurtenissen == 0, bestand, datum, plan, gemeenten, regios);
        if (uitkomst.Proef) return new Indelingsantwoord(uitkomst, null);

        if (string.IsNullOrEmpty(verwachtPlan))
            return new Indelingsantwoord(uitkomst, Weigering.VoorwaardeVereist("plan-vereist",
                "Doe eerst een proefrun (proef=true) en stuur het plan daaruit mee in If-Match."));

        var vastgelegd = await schrijver.Schrijf(context, new Meerstroomopdracht<string>(tekst)
        {
            Beslis = (_, _) => Task.FromResult<(Meerstroombesluit, long?)>((
                verwachtPlan == plan.Vingerafdruk
                    ? plan.Besluit
                    : Weigering.Conflict("plan-gewijzigd", "Het register veranderde sinds de proefrun: het plan is nu anders. Doe de proefrun opnieuw."),
                null)),
            Antwoord = (_, _) => Task.FromResult(Meerstroomantwoord.Ok(0, uitkomst)),
            Reden = $"CBS-indelingsbestand {bestand.Jaar.ToString(CultureInfo.InvariantCulture)} geladen, geldig vanaf {datum:yyyy-MM-dd}",
        });
        return vastgelegd switch
        {
            Schrijfuitkomst.Gelukt => new Indelingsantwoord(uitkomst, null),
            Schrijfuitkomst.Geweigerd geweigerd => new Indelingsantwoord(uitkomst, geweigerd.Weigering),
            _ => throw new InvalidOperationException($"A CBS file names no version: unexpected {vastgelegd.GetType().Name}."),
        };
    }
}

/// <summary>
/// How loading a CBS file ended: the plan (what the dry run shows, or what was recorded) when the file could be
/// compared, and a refusal when it was not recorded (a problem of the file, no plan named, the plan changed, …).
/// </summary>
public sealed record Indelingsantwoord(IndelingsbestandUitkomst? Uitkomst, Weigering? Weigering);

public static class IndelingsbestandLadenEndpoint
{
    [ZonderIdempotencyKey]
    [Verzoekbestand(IndelingsbestandLaden.ContentType, "Een CSV in de vorm van CBS 'Gebieden in Nederland' (komma of puntkomma, UTF-8), met een kopregel.")]
    [WolverinePost("/v1/gemeenten/indelingsbestanden", OperationId = "indelingsbestandLaden")]
    [EndpointSummary("Een CBS-indelingsbestand laden (met proefrun)")]
    [EndpointDescription("Alleen de beheerder. De body is een CSV (text/csv) in de vorm van CBS 'Gebieden in Nederland': de kolommen name, code, " +
                         "year, region_code, region, province_code en province. Vergelijkt de gemeenten van het jaar (jaar, standaard het laatste in het " +
                         "bestand) met het register op geldigVanaf (standaard 1 januari van dat jaar) en geeft precies de gebeurtenissen voor wat " +
                         "veranderde. Met proef=true wordt niets vastgelegd; het antwoord noemt het plan (ook als ETag). Leg het plan vast door " +
                         "hetzelfde bestand te sturen met If-Match: het plan uit de proefrun. Een bestand dat al geldt, legt niets vast.")]
    [ProducesResponseType<IndelingsbestandUitkomst>(200)]
    [Problemen(400, 401, 403, 409, 415, 428)]
    public static async Task<IResult> Post(bool? proef, int? jaar, string? geldigVanaf, HttpContext http, IQuerySession session, Meerstroomschrijver schrijver)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediatype) || !mediatype.MediaType.Equals(IndelingsbestandLaden.ContentType, StringComparison.OrdinalIgnoreCase))
            return Problemen.Probleem(415, "mediatype-niet-ondersteund", "Stuur het indelingsbestand als text/csv.");

        var fouten = new List<OngeldigeParameter>();
        if (GemeentenOpvragen.Peildatumfout(geldigVanaf, out var vanaf) is not null)
            fouten.Add(new OngeldigeParameter("geldigVanaf", "ongeldig-formaat", "Een datum: JJJJ-MM-DD."));

        string tekst;
        using (var lezer = new StreamReader(http.Request.Body))
        {
            tekst = await lezer.ReadToEndAsync(http.RequestAborted);
        }

        var verwacht = http.Request.Headers.IfMatch.ToString().Trim().Trim('"');
        var antwoord = await IndelingsbestandLaden.Uitvoeren(schrijver, session, HttpOpdracht.Context(http), tekst, proef == true, jaar, vanaf, verwacht, fouten);
        if (antwoord.Uitkomst is { } uitkomst) http.Response.Headers.ETag = $"\"{uitkomst.Plan}\"";
        return antwoord.Weigering is { } weigering ? weigering.AlsProbleem() : Results.Ok(antwoord.Uitkomst);
    }
}

