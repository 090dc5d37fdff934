using Marten;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Exports;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Werkgevers;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Werkaanbod;

/// <summary>The overview's query keys: a quarter (default: the last one that ended), and optionally a region, a sector, a variant.</summary>
public sealed record WerkaanbodFilter(string? Periode, string? Arbeidsmarktregio, string? Sector, string? Variant)
{
    public IReadOnlyList<OngeldigeParameter> Controleer()
    {
        var fouten = new List<OngeldigeParameter>();
        if (Periode is not null && !Kwartaal.TryParse(Periode, out _))
            fouten.Add(new("periode", "ongeldig-formaat", "Een periode is een kwartaal: JJJJ-K1 tot en met JJJJ-K4, bijvoorbeeld 2025-K2."));
        if (Arbeidsmarktregio is not null && !ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(Arbeidsmarktregio))
            fouten.Add(new("arbeidsmarktregio", "ongeldig-formaat", "Een regiocode is AM gevolgd door twee cijfers."));
        if (Sector is not null && Sectoren.Vind(Sector) is null) fouten.Add(new("sector", "onbekende-sector", "Zie GET /v1/sectoren."));
        if (Variant is not null && (Variant.Length is 0 or > 60 || Variant.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))))
            fouten.Add(new("variant", "ongeldig-formaat", "Een variantcode bestaat uit kleine letters, cijfers en streepjes (zie GET /v1/varianten)."));
        return fouten;
    }

    /// <summary>The checks and the count, shared by the JSON lookup and its export so that both answer alike.</summary>
    public async Task<Opvraging<Werkaanbodoverzicht>> Bereken(IEnumerable<OngeldigeParameter> andereFouten, IQuerySession session, DateOnly vandaag,
        CancellationToken cancellation)
    {
        var fouten = Controleer().Concat(andereFouten).ToList();
        if (fouten.Count > 0) return Opvraging<Werkaanbodoverzicht>.Geweigerd(Problemen.Ongeldig(fouten));

        if (await Filterbestaan.Controleer(session, Arbeidsmarktregio, null, cancellation) is { Count: > 0 } onbekend)
            return Opvraging<Werkaanbodoverzicht>.Geweigerd(Problemen.Ongeldig(onbekend));

        var kwartaal = Periode is null ? Werkaanbodtelling.LaatsteAfgelopen(vandaag) : Kwartaal.Van(Periode);
        var query = session.Query<Werkaanbodfeiten>()
            .Where(f => f.HeeftWerkaanbod && f.Startdatum <= kwartaal.Eind && f.Einddatum >= kwartaal.Start);
        if (Arbeidsmarktregio is not null) query = query.Where(f => f.Arbeidsmarktregio == Arbeidsmarktregio);
        var feiten = await query.ToListAsync(cancellation);
        return Werkaanbodtelling.Overzicht(feiten, kwartaal, Arbeidsmarktregio, Sector, Variant);
    }
}

public static class WerkaanbodOpvragenEndpoint
{
    [WolverineGet("/v1/werkaanbod", OperationId = "werkaanbodOpvragen")]
    [EndpointSummary("Het werkaanbod: aangeboden en vervulde plaatsen per sector en variant, per regio en landelijk")]
    [EndpointDescription("Over een kwartaal (periode, standaard het laatste afgelopen kwartaal): hoeveel plaatsen de actieve afspraken aanboden, " +
                         "van hoeveel de vervulling is gemeld en hoeveel daarvan vervuld waren, in totaal, per sector en variant, per regio, en per " +
                         "regio, sector en variant. Landelijk, of voor één arbeidsmarktregio; te filteren op sector (van het werk) en variant. " +
                         "Alleen aantallen: voor iedereen met een rol.")]
    [ProducesResponseType<Werkaanbodoverzicht>(200)]
    [Problemen(400, 401)]
    public static async Task<IResult> Get(string? periode, string? arbeidsmarktregio, string? sector, string? variant, IQuerySession session, Klok klok,
        CancellationToken cancellation)
    {
        var overzicht = await new WerkaanbodFilter(periode, arbeidsmarktregio, sector, variant).Bereken([], session, klok.Vandaag, cancellation);
        return overzicht.IsProbleem ? overzicht.Probleem : Results.Ok(overzicht.Waarde);
    }
}

public static class WerkaanbodExporterenEndpoint
{
    public static readonly Exportdefinitie<Werkaanbodrij> Kolommen = new Exportdefinitie<Werkaanbodrij>("Werkaanbod")
        .Tekst("Arbeidsmarktregio", r => r.Arbeidsmarktregio)
        .Tekst("Sector", r => r.Sector)
        .Tekst("Variant", r => r.VariantCode)
        .Getal("Afspraken", r => r.AantalAfspraken)
        .Getal("Aangeboden plaatsen", r => r.Aangeboden)
        .Getal("Gerapporteerde plaatsen", r => r.Gerapporteerd)
        .Getal("Vervulde plaatsen", r => r.Vervuld)
        .Getal("Percentage vervuld", r => r.PercentageVervuld);

    [WolverineGet("/v1/werkaanbod/export", OperationId = "werkaanbodExporteren")]
    [EndpointSummary("Het werkaanbod als CSV of Excel")]
    [EndpointDescription("Een rij per regio, sector en variant: afspraken, aangeboden, gerapporteerde en vervulde plaatsen en het percentage " +
                         "vervuld, met dezelfde filters (periode, arbeidsmarktregio, sector, variant) als het overzicht. formaat=csv of formaat=xlsx.")]
    [Exportbestand]
    [Problemen(400, 401)]
    public static async Task<IResult> Get(string? formaat, string? periode, string? arbeidsmarktregio, string? sector, string? variant,
        IQuerySession session, Klok klok, CancellationToken cancellation)
    {
        var formaatfout = Exportformaten.Lees(formaat, out var gekozen);
        var overzicht = await new WerkaanbodFilter(periode, arbeidsmarktregio, sector, variant)
            .Bereken(formaatfout is null ? [] : [formaatfout], session, klok.Vandaag, cancellation);
        if (overzicht.IsProbleem) return overzicht.Probleem;
        return Export.Bestand(Kolommen, overzicht.Waarde.PerRegioSectorEnVariant, gekozen, "werkaanbod",
            $"{arbeidsmarktregio ?? "landelijk"}-{overzicht.Waarde.Periode}", klok.Vandaag);
    }
}
