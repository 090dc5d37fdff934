using System.Globalization;
using Marten;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Bewijs;
using Samenwerkingsafspraken.Afspraken.Historie;
using Samenwerkingsafspraken.Afspraken.Register;
using Samenwerkingsafspraken.Exports;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Referenties;

public static class ReferentiesExporterenEndpoint
{
    /// <summary>Joins several texts in one cell; their own words may contain commas and semicolons.</summary>
    private const string Scheiding = " | ";

    public static readonly Exportdefinitie<ReferentieWeergave> Kolommen = new Exportdefinitie<ReferentieWeergave>("Referenties")
        .Tekst("Afspraak-id", r => r.AfspraakId.ToString())
        .Getal("Versie", r => r.Versie)
        .Tekst("Arbeidsmarktregio", r => r.Arbeidsmarktregio)
        .Tekst("Titel", r => r.Titel)
        .Tekst("Status", r => RegisterExporterenEndpoint.Statustekst(r.Status))
        .Datum("Startdatum", r => r.Looptijd.Startdatum)
        .Datum("Einddatum", r => r.Looptijd.Einddatum)
        .Datum("Actief vanaf", r => r.ActiefVanaf)
        .Datum("Beëindigd of verlopen op", r => r.Einddatum)
        .Lijst("Varianten", r => r.Werkafspraken.Select(w => w.VariantCode).Distinct())
        .Getal("Doel plaatsingen per jaar", r => r.Doelstellingen.PlaatsingenPerJaar)
        .Getal("Gerapporteerde maanden", r => r.Realisatie.GerapporteerdeMaanden)
        .Getal("Plaatsingen", r => r.Realisatie.Plaatsingen)
        .Getal("Doel plaatsingen", r => r.Realisatie.DoelPlaatsingen)
        .Getal("Percentage van doel", r => r.Realisatie.PercentagePlaatsingen)
        .Getal("Na 6 maanden in werk", r => r.Realisatie.NaZesMaandenInWerk)
        .Getal("Na 12 maanden in werk", r => r.Realisatie.NaTwaalfMaandenInWerk)
        .Getal("Uitval", r => r.Realisatie.Uitval)
        .JaNee("Bewezen", r => r.Bewijs.Bewezen)
        .Tekst("Niet voldaan", r => string.Join(Scheiding, r.Bewijs.Criteria.Where(c => !c.Voldaan).Select(c => $"{c.Omschrijving}: {c.Bewijs}")))
        .Datum("Peildatum bewijs", r => r.Bewijs.Peildatum)
        .Getal("Bewijsstukken tijdig", r => r.Bewijs.Bewijsstukken.Count(b => b.Tijdig))
        .Getal("Bewijsstukken achteraf ingevoerd", r => r.Bewijs.Bewijsstukken.Count(b => !b.Tijdig))
        .Tekst("Herkomst regio", r => r.Herkomst?.BronArbeidsmarktregio)
        .Tekst("Herkomst afspraak-id", r => r.Herkomst?.BronAfspraakId.ToString())
        .Getal("Herkomst versie", r => r.Herkomst?.BronVersie)
        .Lijst("Hergebruikt in", r => r.HergebruiktIn.Select(h => h.Arbeidsmarktregio).Distinct().Order(StringComparer.Ordinal))
        .Tekst("Laatste evaluatie werkgever", r => Bewijsvoering.LaatstePerPartij(r.Evaluaties, Partijrol.Werkgever).Select(e => Evaluatietekst(e, metPartij: false)).FirstOrDefault())
        .Tekst("Laatste evaluaties regiopartijen",
            r => string.Join(Scheiding, Bewijsvoering.LaatstePerPartij(r.Evaluaties, Partijrol.Regiopartij).OrderBy(e => e.Op).Select(e => Evaluatietekst(e, metPartij: true))));

    [WolverineGet("/v1/werkgevers/{kvkNummer}/referenties/export", OperationId = "referentiesExporteren")]
    [EndpointSummary("De referentiehistorie van een werkgever als CSV of Excel")]
    [EndpointDescription("Elke afspraak van de werkgever in elke regio, een rij per afspraak: looptijd, resultaten tegen doelen, bewezen of niet en " +
                         "welke criteria nog niet voldaan zijn, herkomst, waar zij is hergebruikt en de laatste evaluaties. formaat=csv (puntkomma's, " +
                         "UTF-8) of formaat=xlsx. Voor dezelfde lezers als de referentiehistorie: de werkgever zelf, auditors, en de regiopartijen " +
                         "van een regio waaraan de werkgever een hergebruikverzoek richtte.")]
    [Exportbestand]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Get(string kvkNummer, string? formaat, HttpContext http, IQuerySession session, Klok klok,
        CancellationToken cancellation)
    {
        var formaatfout = Exportformaten.Lees(formaat, out var gekozen);
        var werkgever = await ReferentiesOpvragen.Controleer(kvkNummer, formaatfout is null ? [] : [formaatfout], Gebruiker.Van(http.User), session,
            cancellation);
        if (werkgever.IsProbleem) return werkgever.Probleem;

        var lijst = await ReferentiesOpvragen.Lijst(session, werkgever.Waarde, cancellation);
        return Export.Bestand(Kolommen, lijst.Referenties, gekozen, "referenties", kvkNummer, klok.Vandaag);
    }

    private static string Evaluatietekst(Evaluatie e, bool metPartij)
    {
        var datum = Klok.DagVan(e.Op).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{(metPartij ? e.Partij.Naam + ": " : "")}{AfspraakHistorieEndpoint.Oordeeltekst(e.Oordeel)} ({datum})";
    }
}
