using Marten;
using Samenwerkingsafspraken.Exports;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Register;

public static class RegisterExporterenEndpoint
{
    public static readonly Exportdefinitie<AfspraakSamenvatting> Kolommen = new Exportdefinitie<AfspraakSamenvatting>("Register")
        .Tekst("Afspraak-id", a => a.Id.ToString())
        .Tekst("Titel", a => a.Titel)
        .Tekst("KvK-nummer", a => a.KvkNummer)
        .Tekst("Werkgever", a => a.Werkgevernaam)
        .Tekst("Arbeidsmarktregio", a => a.Arbeidsmarktregio)
        .Tekst("Status", a => Statustekst(a.Status))
        .Datum("Startdatum", a => a.Looptijd.Startdatum)
        .Datum("Einddatum", a => a.Looptijd.Einddatum)
        .Lijst("Varianten", a => a.Varianten)
        .JaNee("Volledig ondertekend", a => a.VolledigOndertekend)
        .JaNee("Overgenomen", a => a.Overgenomen)
        .Getal("Versie", a => a.Versie)
        .Tijdstip("Laatst gewijzigd", a => a.LaatstGewijzigdOp);

    [WolverineGet("/v1/arbeidsmarktregios/{code}/samenwerkingsafspraken/export", OperationId = "regioregisterExporteren")]
    [EndpointSummary("Het register van een regio als CSV of Excel")]
    [EndpointDescription("Alle afspraken in een arbeidsmarktregio die aan de filters voldoen (status, variant, werkgever, sector, zoek), als bestand: formaat=csv " +
                         "(puntkomma's, UTF-8) of formaat=xlsx. Een rij per afspraak, met Nederlandse kolomkoppen; zonder pagina's, ten hoogste " +
                         "10 000 rijen. Voor de regiopartijen van die regio en auditors.")]
    [Exportbestand]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Get(string code, string? formaat, string? status, string? variant, string? werkgever, string? sector, string? zoek,
        HttpContext http, IQuerySession session, Klok klok, CancellationToken cancellation)
    {
        var formaatfout = Exportformaten.Lees(formaat, out var gekozen);
        var filter = new AfspraakFilter(status, variant, werkgever, null, null, null) { Sector = sector, Zoekterm = zoek };
        var regio = await Regioregister.Controleer(code, filter, formaatfout is null ? [] : [formaatfout], Gebruiker.Van(http.User), session, cancellation);
        if (regio.IsProbleem) return regio.Probleem;

        var rijen = await Export.Lees(filter.Alle(Regioregister.Afspraken(session, code)), cancellation);
        return Export.Bestand(Kolommen, rijen.Select(AfspraakSamenvatting.Van).ToList(), gekozen, "register", code, klok.Vandaag);
    }

    public static string Statustekst(AfspraakStatus status) => status switch
    {
        AfspraakStatus.Concept => "concept",
        AfspraakStatus.Actief => "actief",
        AfspraakStatus.Beeindigd => "beëindigd",
        _ => "verlopen",
    };
}
