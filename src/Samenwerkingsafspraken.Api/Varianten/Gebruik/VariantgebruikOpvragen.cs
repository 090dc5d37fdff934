using Marten;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Afspraken.Verschillen;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Werkgevers;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Varianten.Gebruik;

/// <summary>The matrix's filters (camelCase query keys); a public party sees its own regions only.</summary>
public sealed record VariantgebruikFilter(string? Arbeidsmarktregio, string? Sector, string? Pijler, string? Van, string? Tot)
{
    /// <summary>Only agreements for this target group (banenafspraak, participatiewet, …).</summary>
    public string? Doelgroep { get; init; }

    public IReadOnlyList<OngeldigeParameter> Controleer()
    {
        var fouten = new List<OngeldigeParameter>();
        if (Arbeidsmarktregio is not null && !ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(Arbeidsmarktregio))
            fouten.Add(new("arbeidsmarktregio", "ongeldig-formaat", "Een regiocode is AM gevolgd door twee cijfers."));
        if (Sector is not null && Sectoren.Vind(Sector) is null) fouten.Add(new("sector", "onbekende-sector", "Zie GET /v1/sectoren."));
        if (Pijler is not null && !Enum.TryParse<Pijler>(Pijler, true, out _)) fouten.Add(new("pijler", "onbekende-waarde", "De pijler is aanbod, vraag, route of scholing."));
        if (Doelgroep is not null && !Enum.TryParse<Afspraken.Doelgroep>(Doelgroep, true, out _))
            fouten.Add(new("doelgroep", "onbekende-waarde", $"Doelgroep is een van: {string.Join(", ", Enum.GetNames<Afspraken.Doelgroep>().Select(n => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(n)))}."));
        if (Van is not null && Datumvenster.Lees("van", Van, out _) is { } vanfout) fouten.Add(vanfout);
        if (Tot is not null && Datumvenster.Lees("tot", Tot, out _) is { } totfout) fouten.Add(totfout);
        if (fouten.Count == 0 && Van is not null && Tot is not null && string.CompareOrdinal(Van, Tot) > 0)
            fouten.Add(new("tot", "voor-van", "'tot' ligt niet voor 'van'."));
        return fouten;
    }

    /// <summary>The agreements in scope: by region and sector, and with a term that overlaps the period.</summary>
    public async Task<IReadOnlyList<Variantgebruik>> Zoek(IQuerySession session, Gebruiker gebruiker, CancellationToken cancellation)
    {
        var query = session.Query<Variantgebruik>().AsQueryable();
        if (Arbeidsmarktregio is not null) query = query.Where(g => g.Arbeidsmarktregio == Arbeidsmarktregio);
        if (!gebruiker.IsAuditor)
        {
            var regios = gebruiker.Regios.ToArray();
            query = query.Where(g => regios.Contains(g.Arbeidsmarktregio));
        }

        if (Sector is not null) query = query.Where(g => g.Sector == Sector);
        if (Doelgroep is not null)
        {
            var doelgroep = Enum.Parse<Afspraken.Doelgroep>(Doelgroep, true);
            query = query.Where(g => g.Afspraak.Inhoud.Doelgroepen.Contains(doelgroep));
        }

        if (Van is not null && AfspraakAlsToen.TryDatum(Van, out var van)) query = query.Where(g => g.Einddatum >= van);
        if (Tot is not null && AfspraakAlsToen.TryDatum(Tot, out var tot)) query = query.Where(g => g.Startdatum <= tot);
        return await query.ToListAsync(cancellation);
    }

    public Pijler? GekozenPijler => Pijler is null ? null : Enum.Parse<Pijler>(Pijler, true);

    public static bool MagZien(Gebruiker gebruiker, string? arbeidsmarktregio) =>
        gebruiker.IsAuditor || (gebruiker.IsRegiopartij && (arbeidsmarktregio is null || gebruiker.IsRegiopartijVan(arbeidsmarktregio)));

    /// <summary>The matrix's checks and count, shared by the JSON lookup and its export so that both answer alike.</summary>
    public async Task<Opvraging<Variantmatrix>> Bereken(IEnumerable<OngeldigeParameter> andereFouten, Gebruiker gebruiker, IQuerySession session,
        CancellationToken cancellation)
    {
        var fouten = Controleer().Concat(andereFouten).ToList();
        if (fouten.Count > 0) return Opvraging<Variantmatrix>.Geweigerd(Problemen.Ongeldig(fouten));
        if (!MagZien(gebruiker, Arbeidsmarktregio))
            return Opvraging<Variantmatrix>.Geweigerd(Problemen.GeenToegang("De variantmatrix is voor auditors; een regiopartij ziet alleen haar eigen regio's."));

        if (await Filterbestaan.Controleer(session, Arbeidsmarktregio, null, cancellation) is { Count: > 0 } onbekend)
            return Opvraging<Variantmatrix>.Geweigerd(Problemen.Ongeldig(onbekend));

        var afspraken = await Zoek(session, gebruiker, cancellation);
        var catalogus = (await session.Query<Variant>().ToListAsync(cancellation)).ToDictionary(v => v.Code);
        return Variantmatrixberekening.Bereken(afspraken, catalogus, GekozenPijler);
    }
}

public static class VariantgebruikOpvragenEndpoint
{
    [WolverineGet("/v1/varianten/gebruik", OperationId = "variantgebruikOpvragen")]
    [EndpointSummary("De variantmatrix: welke varianten waar worden gebruikt, hoe zij afwijken en wat zij opleveren")]
    [EndpointDescription("Per variant: hoeveel afspraken haar gebruiken (actief en in totaal) per regio en sector; hoe vaak en hoe zij afwijkt van " +
                         "de standaardset (parameters, maatwerktekst); de resultaten van de afspraken die haar gebruiken; hoe vaak zij via hergebruik reisde. " +
                         "Te filteren op arbeidsmarktregio, sector, doelgroep, pijler en periode (van, tot). Voor auditors; een regiopartij ziet haar eigen regio's.")]
    [ProducesResponseType<Variantmatrix>(200)]
    [Problemen(400, 401, 403)]
    public static async Task<IResult> Get(string? arbeidsmarktregio, string? sector, string? doelgroep, string? pijler, string? van, string? tot,
        HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var matrix = await new VariantgebruikFilter(arbeidsmarktregio, sector, pijler, van, tot) { Doelgroep = doelgroep }
            .Bereken([], Gebruiker.Van(http.User), session, cancellation);
        return matrix.IsProbleem ? matrix.Probleem : Results.Ok(matrix.Waarde);
    }
}
