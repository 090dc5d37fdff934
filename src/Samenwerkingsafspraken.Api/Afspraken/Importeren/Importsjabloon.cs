using Samenwerkingsafspraken.Exports;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Importeren;

public static class ImportsjabloonEndpoint
{
    /// <summary>The template: every column of <see cref="Importkolommen"/> with one example row, which the import would accept as it is.</summary>
    public static readonly Exportdefinitie<IReadOnlyDictionary<string, string>> Kolommen = Importkolommen.Alle
        .Aggregate(new Exportdefinitie<IReadOnlyDictionary<string, string>>("Afspraken"),
            (definitie, kolom) => definitie.Tekst(kolom.Naam, rij => rij.TryGetValue(kolom.Naam, out var waarde) && waarde.Length > 0 ? waarde : null));

    [WolverineGet("/v1/importsjabloon", OperationId = "importsjabloonOpvragen")]
    [EndpointSummary("Het sjabloon voor het importeren van afspraken (CSV of Excel)")]
    [EndpointDescription("De kopregel met elke kolom die een import kent en één voorbeeldregel, die u vervangt door uw eigen afspraken. Verplichte " +
                         "kolommen: werkgever, titel, startdatum, einddatum, doelgroepen, plaatsingenPerJaar, duurzamePlaatsingenPerJaar, " +
                         "regiopartij1Oin, regiopartij1Naam, regiopartij1Soort en werkafspraak1Variant; de andere mogen weg. Genummerde groepen " +
                         "(regiopartij1–3, werkafspraak1–5, werkaanbod1–3) zijn er voor wat een afspraak meer dan eens heeft. Openbaar. " +
                         "formaat=csv of formaat=xlsx.")]
    [Exportbestand]
    [Problemen(400)]
    public static IResult Get(string? formaat, Klok klok)
    {
        if (Exportformaten.Lees(formaat, out var gekozen) is { } fout) return Infrastructure.Http.Problemen.Ongeldig([fout]);
        var voorbeeld = Importkolommen.Alle.ToDictionary(k => k.Naam, k => k.Voorbeeld);
        return Export.Bestand(Kolommen, [voorbeeld], gekozen, "importsjabloon", "samenwerkingsafspraken", klok.Vandaag);
    }
}
