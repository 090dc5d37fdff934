using Marten;
using Samenwerkingsafspraken.Afspraken.Historie;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Werkgevers.Wijzigen;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Werkgevers.Historie;

public sealed record WerkgeverHistorie(string KvkNummer, IReadOnlyList<HistorieRegel> Gebeurtenissen);

public static class WerkgeverHistorieEndpoint
{
    [WolverineGet("/v1/werkgevers/{kvkNummer}/historie", OperationId = "werkgeverHistorieOpvragen")]
    [EndpointSummary("De historie van een werkgever")]
    [EndpointDescription("Elke gebeurtenis van de werkgever: registratie, naam, sector, netwerken, vestigingen, uitschrijving, samenvoeging; met wie " +
                         "(gebruiker, rol, organisatie), wanneer en waarom. Voor de werkgever zelf, auditors en de beheerder: zij noemt wie wat deed.")]
    [ProducesResponseType<WerkgeverHistorie>(200)]
    [MetETag]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Get(string kvkNummer, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var historie = await Lees(kvkNummer, Gebruiker.Van(http.User), session, cancellation);
        return historie.IsProbleem ? historie.Probleem : Voorwaardelijk.AntwoordNaarInhoud(http, historie.Waarde);
    }

    /// <summary>The checks and the events in words, shared with the employer's page.</summary>
    public static async Task<Opvraging<WerkgeverHistorie>> Lees(string kvkNummer, Gebruiker gebruiker, IQuerySession session, CancellationToken cancellation)
    {
        if (Werkgeverregels.Kvkfout(kvkNummer) is { } fout) return Opvraging<WerkgeverHistorie>.Geweigerd(fout);
        if (!gebruiker.IsAuditor && !gebruiker.IsBeheerder && !gebruiker.IsWerkgeverVan(kvkNummer))
            return Opvraging<WerkgeverHistorie>.Geweigerd(Problemen.GeenToegang("De historie van een werkgever is voor die werkgever, auditors en de beheerder."));

        var gebeurtenissen = await session.Events.FetchStreamAsync(Werkgever.StreamId(kvkNummer), token: cancellation);
        if (gebeurtenissen.Count == 0) return Opvraging<WerkgeverHistorie>.Geweigerd(Problemen.NietGevonden($"Er is geen werkgever met KvK-nummer {kvkNummer}."));

        return new WerkgeverHistorie(kvkNummer,
            gebeurtenissen.Select(e => AfspraakHistorieEndpoint.Regel(e) with { Omschrijving = Omschrijving(e.Data) }).ToList());
    }

    public static string Omschrijving(object data) => data switch
    {
        WerkgeverGeregistreerd e => $"Geregistreerd als {e.Naam} (sector {e.Sector}, {e.Soort.ToString().ToLowerInvariant()}), met {e.Vestigingen.Count} vestiging(en).",
        WerkgeverHernoemd e => $"Naam gewijzigd in {e.Naam}.",
        WerkgeverSectorGewijzigd e => $"Sector gewijzigd in {e.Sector} ({e.Soort.ToString().ToLowerInvariant()}).",
        WerkgeverAangeslotenBijNetwerk e => $"Aangesloten bij {e.Netwerk.ToString().ToUpperInvariant()}.",
        WerkgeverUitNetwerkGetreden e => $"Uit {e.Netwerk.ToString().ToUpperInvariant()} getreden.",
        VestigingToegevoegd e => $"Vestiging {e.Vestigingsnummer} in {e.Gemeente} ({e.Arbeidsmarktregio}) toegevoegd.",
        VestigingVerhuisd e => $"Vestiging {e.Vestigingsnummer} verhuisd naar {e.Gemeente} ({e.Arbeidsmarktregio}).",
        VestigingGesloten e => $"Vestiging {e.Vestigingsnummer} gesloten: {e.Reden}",
        WerkgeverUitgeschreven e => $"Uitgeschreven bij de KvK per {e.Datum:yyyy-MM-dd}: {e.Reden}",
        WerkgeverOpgegaanIn e => $"Opgegaan in {e.Naam} ({e.KvkNummer}) per {e.Datum:yyyy-MM-dd}; {e.AantalAfspraken} afspraak/afspraken gingen mee.",
        WerkgeverOvernameGeregistreerd e => $"{e.Naam} ({e.KvkNummer}) overgenomen per {e.Datum:yyyy-MM-dd}, met {e.AantalAfspraken} afspraak/afspraken.",
        VindbaarheidToegestaan => "Toestemming gegeven: de bewezen afspraken zijn landelijk vindbaar in 'wat werkt'.",
        VindbaarheidIngetrokken => "Toestemming ingetrokken: de afspraken zijn niet meer vindbaar voor andere regio's.",
        _ => data.GetType().Name,
    };
}
