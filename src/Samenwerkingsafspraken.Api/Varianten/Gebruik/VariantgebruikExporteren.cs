using System.Globalization;
using Marten;
using Samenwerkingsafspraken.Exports;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Varianten.Gebruik;

public static class VariantgebruikExporterenEndpoint
{
    private const string Scheiding = " | ";

    public static readonly Exportdefinitie<VariantgebruikRegel> Kolommen = new Exportdefinitie<VariantgebruikRegel>("Variantmatrix")
        .Tekst("Variant", r => r.VariantCode)
        .Tekst("Naam", r => r.Naam)
        .Tekst("Pijler", r => r.Pijler?.ToString().ToLowerInvariant())
        .Tekst("In de catalogus", r => r.Catalogusstatus?.ToString().ToLowerInvariant())
        .Getal("Afspraken", r => r.AantalAfspraken)
        .Getal("Actief", r => r.AantalActief)
        .Tekst("Per regio", r => Tellingen(r.PerRegio))
        .Tekst("Per sector", r => Tellingen(r.PerSector))
        .Getal("Volgens standaard", r => r.Maatwerk.VolgensStandaard)
        .Getal("Met afwijkende parameters", r => r.Maatwerk.MetAfwijkendeParameters)
        .Getal("Met maatwerktekst", r => r.Maatwerk.MetMaatwerktekst)
        .Tekst("Afwijkingen van de standaard", r => string.Join(Scheiding, r.Maatwerk.Afwijkingen.Select(a =>
            $"{a.Parameter} (standaard {a.Standaard?.GetRawText() ?? "-"}): {string.Join(", ", a.Waarden.Select(w => $"{w.Waarde.GetRawText()} ×{w.Aantal}"))}")))
        .Getal("Afspraken met resultaten", r => r.Resultaten.AfsprakenMetResultaten)
        .Getal("Plaatsingen", r => r.Resultaten.Plaatsingen)
        .Getal("Doel plaatsingen", r => r.Resultaten.DoelPlaatsingen)
        .Getal("Percentage van doel", r => r.Resultaten.PercentageVanDoel)
        .Getal("Aandeel na 6 maanden in werk (%)", r => r.Resultaten.AandeelNaZesMaandenInWerk)
        .Getal("Aandeel na 12 maanden in werk (%)", r => r.Resultaten.AandeelNaTwaalfMaandenInWerk)
        .Getal("Via hergebruik overgenomen", r => r.Hergebruik.Overgenomen)
        .Getal("Gewijzigd bij hergebruik", r => r.Hergebruik.GewijzigdBijHergebruik)
        .Getal("Toegevoegd bij hergebruik", r => r.Hergebruik.ToegevoegdBijHergebruik)
        .Getal("Verwijderd bij hergebruik", r => r.Hergebruik.VerwijderdBijHergebruik);

    [WolverineGet("/v1/varianten/gebruik/export", OperationId = "variantgebruikExporteren")]
    [EndpointSummary("De variantmatrix als CSV of Excel")]
    [EndpointDescription("Een rij per variant: gebruik per regio en sector, afwijkingen van de standaardset, resultaten en hergebruik, met dezelfde " +
                         "filters (arbeidsmarktregio, sector, doelgroep, pijler, van, tot) en dezelfde lezers als de variantmatrix. formaat=csv of formaat=xlsx.")]
    [Exportbestand]
    [Problemen(400, 401, 403)]
    public static async Task<IResult> Get(string? formaat, string? arbeidsmarktregio, string? sector, string? doelgroep, string? pijler, string? van,
        string? tot, HttpContext http, IQuerySession session, Klok klok, CancellationToken cancellation)
    {
        var formaatfout = Exportformaten.Lees(formaat, out var gekozen);
        var matrix = await new VariantgebruikFilter(arbeidsmarktregio, sector, pijler, van, tot) { Doelgroep = doelgroep }
            .Bereken(formaatfout is null ? [] : [formaatfout], Gebruiker.Van(http.User), session, cancellation);
        if (matrix.IsProbleem) return matrix.Probleem;
        return Export.Bestand(Kolommen, matrix.Waarde.Varianten, gekozen, "variantmatrix", arbeidsmarktregio ?? "alle-regios", klok.Vandaag);
    }

    private static string Tellingen(IEnumerable<Telling> tellingen) =>
        string.Join(", ", tellingen.Select(t => $"{t.Sleutel}: {t.Aantal.ToString(CultureInfo.InvariantCulture)} ({t.Actief.ToString(CultureInfo.InvariantCulture)} actief)"));
}
