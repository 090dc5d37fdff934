using Marten;
using Marten.Linq;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Werkgevers;
using Samenwerkingsafspraken.Werkgevers.Registreren;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Register;

public sealed record AfspraakSamenvatting(
    Guid Id,
    string Titel,
    string KvkNummer,
    string Werkgevernaam,
    string Arbeidsmarktregio,
    AfspraakStatus Status,
    Looptijd Looptijd,
    IReadOnlyList<string> Varianten,
    bool VolledigOndertekend,
    bool Overgenomen,
    long Versie,
    DateTimeOffset LaatstGewijzigdOp)
{
    public static AfspraakSamenvatting Van(Samenwerkingsafspraak a) => new(
        a.Id, a.Inhoud.Titel, a.Werkgever.KvkNummer, a.Werkgever.Naam, a.Arbeidsmarktregio, a.Status, a.Inhoud.Looptijd,
        a.Inhoud.Werkafspraken.Select(w => w.VariantCode).Distinct().ToList(), a.IsVolledigOndertekend, a.Herkomst is not null, a.Version,
        a.LaatstGewijzigdOp);
}

public sealed record AfspraakLijst(IReadOnlyList<AfspraakSamenvatting> Samenwerkingsafspraken, int Pagina, int Paginagrootte, long Totaal);

/// <summary>Filters shared by the region's register and the employer's list (camelCase query keys).</summary>
public sealed record AfspraakFilter(string? Status, string? Variant, string? Werkgever, string? Arbeidsmarktregio, int? Pagina, int? Paginagrootte)
{
    public const int MaximalePaginagrootte = 500;

    public IReadOnlyList<OngeldigeParameter> Controleer()
    {
        var fouten = new List<OngeldigeParameter>();
        if (Status is not null && !Enum.TryParse<AfspraakStatus>(Status, true, out _))
            fouten.Add(new OngeldigeParameter("status", "onbekende-waarde", "Status is concept, actief, beeindigd of verlopen."));
        if (Werkgever is not null && !Formaten.KvkNummer().IsMatch(Werkgever))
            fouten.Add(new OngeldigeParameter("werkgever", "ongeldig-formaat", "De werkgever is een KvK-nummer van 8 cijfers."));
        if (Arbeidsmarktregio is not null && !ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(Arbeidsmarktregio))
            fouten.Add(new OngeldigeParameter("arbeidsmarktregio", "ongeldig-formaat", "Een regiocode is AM gevolgd door twee cijfers."));
        if (Pagina is < 1) fouten.Add(new OngeldigeParameter("pagina", "buiten-bereik", "Pagina's beginnen bij 1."));
        if (Paginagrootte is < 1 or > MaximalePaginagrootte)
            fouten.Add(new OngeldigeParameter("paginagrootte", "buiten-bereik", $"Paginagrootte ligt tussen 1 en {MaximalePaginagrootte}."));
        return fouten;
    }

    /// <summary>The filters on a query: the paged lookups and the exports select the same rows.</summary>
    public IQueryable<Samenwerkingsafspraak> Pas(IQueryable<Samenwerkingsafspraak> query)
    {
        if (Status is not null)
        {
            var status = Enum.Parse<AfspraakStatus>(Status, true);
            query = query.Where(a => a.Status == status);
        }

        if (Variant is not null) query = query.Where(a => a.Inhoud.Werkafspraken.Any(w => w.VariantCode == Variant));
        if (Werkgever is not null) query = query.Where(a => a.Werkgever.KvkNummer == Werkgever);
        if (Arbeidsmarktregio is not null) query = query.Where(a => a.Arbeidsmarktregio == Arbeidsmarktregio);
        return query;
    }

    /// <summary>Every row of the filter, latest change first: the order of the pages, and of an export.</summary>
    public IQueryable<Samenwerkingsafspraak> Alle(IQueryable<Samenwerkingsafspraak> query) =>
        Pas(query).OrderByDescending(a => a.LaatstGewijzigdOp).ThenBy(a => a.Id);

    public async Task<AfspraakLijst> Zoek(IQuerySession session, IQueryable<Samenwerkingsafspraak> query, CancellationToken cancellation)
    {
        var pagina = Pagina ?? 1;
        var grootte = Paginagrootte ?? 50;
        var gevonden = await Alle(query).Stats(out QueryStatistics statistieken)
            .Skip((pagina - 1) * grootte).Take(grootte)
            .ToListAsync(cancellation);
        return new AfspraakLijst(gevonden.Select(AfspraakSamenvatting.Van).ToList(), pagina, grootte, statistieken.TotalResults);
    }
}

/// <summary>
/// A region's register as its JSON lookup and its export both read it: the same checks in the same order (the input,
/// every problem at once; the caller's scope; whether the region exists) and the same query.
/// </summary>
public static class Regioregister
{
    /// <param name="andereFouten">Problems with input that only the caller knows of (an export's <c>formaat</c>), reported with the rest.</param>
    public static async Task<Opvraging<Arbeidsmarktregio>> Controleer(string code, AfspraakFilter filter, IEnumerable<OngeldigeParameter> andereFouten,
        Gebruiker gebruiker, IQuerySession session, CancellationToken cancellation)
    {
        if (!ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(code))
            return Opvraging<Arbeidsmarktregio>.Geweigerd(
                Problemen.Ongeldig([new OngeldigeParameter("code", "ongeldig-formaat", "Een regiocode is AM gevolgd door twee cijfers.")]));

        if (filter.Controleer().Concat(andereFouten).ToList() is { Count: > 0 } fouten) return Opvraging<Arbeidsmarktregio>.Geweigerd(Problemen.Ongeldig(fouten));

        if (!gebruiker.IsAuditor && !gebruiker.IsRegiopartijVan(code))
            return Opvraging<Arbeidsmarktregio>.Geweigerd(
                Problemen.GeenToegang($"Het register van {code} is voor de regiopartijen van die regio en voor auditors."));

        var regio = await session.LoadAsync<Arbeidsmarktregio>(Arbeidsmarktregio.StreamId(code), cancellation);
        if (regio is null) return Opvraging<Arbeidsmarktregio>.Geweigerd(Problemen.NietGevonden($"Arbeidsmarktregio {code} bestaat niet."));

        var onbekend = await Filterbestaan.Controleer(session, filter.Arbeidsmarktregio, filter.Werkgever, cancellation);
        return onbekend.Count > 0 ? Opvraging<Arbeidsmarktregio>.Geweigerd(Problemen.Ongeldig(onbekend)) : regio;
    }

    /// <summary>The region's agreements, before the filter.</summary>
    public static IQueryable<Samenwerkingsafspraak> Afspraken(IQuerySession session, string code) =>
        session.Query<Samenwerkingsafspraak>().Where(a => a.Arbeidsmarktregio == code);
}

public static class AfspraakregisterEndpoint
{
    [WolverineGet("/v1/arbeidsmarktregios/{code}/samenwerkingsafspraken", OperationId = "regioregisterOpvragen")]
    [EndpointSummary("Het register van een regio")]
    [EndpointDescription("Alle afspraken in een arbeidsmarktregio, te filteren op status, variant en werkgever. Voor de regiopartijen van die regio en auditors.")]
    [ProducesResponseType<AfspraakLijst>(200)]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Regio(string code, string? status, string? variant, string? werkgever, int? pagina, int? paginagrootte,
        HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var filter = new AfspraakFilter(status, variant, werkgever, null, pagina, paginagrootte);
        var regio = await Regioregister.Controleer(code, filter, [], Gebruiker.Van(http.User), session, cancellation);
        if (regio.IsProbleem) return regio.Probleem;

        return Results.Ok(await filter.Zoek(session, Regioregister.Afspraken(session, code), cancellation));
    }

    [WolverineGet("/v1/werkgevers/{kvkNummer}/samenwerkingsafspraken", OperationId = "werkgeverafsprakenOpvragen")]
    [EndpointSummary("De afspraken van een werkgever")]
    [EndpointDescription("De afspraken van een werkgever in alle regio's, te filteren op status, variant en regio. De werkgever zelf en auditors zien alles; " +
                         "een regiopartij ziet de afspraken van die werkgever in haar eigen regio's.")]
    [ProducesResponseType<AfspraakLijst>(200)]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Werkgever(string kvkNummer, string? status, string? variant, string? arbeidsmarktregio, int? pagina,
        int? paginagrootte, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        if (!Formaten.KvkNummer().IsMatch(kvkNummer))
            return Problemen.Ongeldig([new OngeldigeParameter("kvkNummer", "ongeldig-formaat", "Een KvK-nummer bestaat uit precies 8 cijfers.")]);

        var filter = new AfspraakFilter(status, variant, null, arbeidsmarktregio, pagina, paginagrootte);
        if (filter.Controleer() is { Count: > 0 } fouten) return Problemen.Ongeldig(fouten);

        var gebruiker = Gebruiker.Van(http.User);
        if (gebruiker.IsBeheerder || !await Werkgeverrelaties.MagLezen(session, gebruiker, kvkNummer, cancellation))
            return Problemen.GeenToegang("De afspraken van een werkgever zijn voor die werkgever, auditors en de regiopartijen van een regio " +
                                         "waarmee hij een relatie heeft (een afspraak, een hergebruikverzoek, gedeelde referenties).");

        if (await session.LoadAsync<Werkgevers.Werkgever>(Werkgevers.Werkgever.StreamId(kvkNummer), cancellation) is null)
            return Problemen.NietGevonden($"Er is geen werkgever met KvK-nummer {kvkNummer}.");
        if (await Filterbestaan.Controleer(session, filter.Arbeidsmarktregio, null, cancellation) is { Count: > 0 } onbekend)
            return Problemen.Ongeldig(onbekend);

        var query = session.Query<Samenwerkingsafspraak>().Where(a => a.Werkgever.KvkNummer == kvkNummer);
        if (gebruiker.IsRegiopartij)
        {
            var regios = gebruiker.Regios.ToArray();
            query = query.Where(a => regios.Contains(a.Arbeidsmarktregio));
        }

        return Results.Ok(await filter.Zoek(session, query, cancellation));
    }
}
