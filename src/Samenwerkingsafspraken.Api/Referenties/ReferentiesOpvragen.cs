using Marten;
using Microsoft.Extensions.Options;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Bewijs;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Werkgevers;
using Samenwerkingsafspraken.Werkgevers.Registreren;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Referenties;

public sealed record ReferentieWeergave(
    Guid AfspraakId,
    long Versie,
    string Arbeidsmarktregio,
    string Titel,
    AfspraakStatus Status,
    Looptijd Looptijd,
    DateOnly? ActiefVanaf,
    DateOnly? Einddatum,
    IReadOnlyList<Werkafspraak> Werkafspraken,
    Doelstellingen Doelstellingen,
    Realisatie Realisatie,
    IReadOnlyList<Evaluatie> Evaluaties,
    Bewijs Bewijs,
    Herkomst? Herkomst,
    IReadOnlyList<Maatwerkverschil> Maatwerkverschillen,
    IReadOnlyList<Hergebruik> HergebruiktIn)
{
    /// <summary>Where a reference came from when it passed to this employer in a merger: the employers it had before.</summary>
    public IReadOnlyList<Werkgeverovergang> VorigeWerkgevers { get; init; } = [];

    public static ReferentieWeergave Van(Referentie r, IEnumerable<Hergebruik> hergebruiktIn)
    {
        var a = r.Afspraak;
        return new ReferentieWeergave(a.Id, a.Version, a.Arbeidsmarktregio, a.Inhoud.Titel, a.Status, a.Inhoud.Looptijd, a.ActiefVanaf,
            a.Beeindiging?.Einddatum ?? a.VerlopenOp, a.Inhoud.Werkafspraken, a.Inhoud.Doelstellingen, Realisatie.Van(a), a.Evaluaties, r.Bewijs, a.Herkomst,
            a.Maatwerkverschillen, hergebruiktIn.ToList()) { VorigeWerkgevers = a.VorigeWerkgevers };
    }
}

public sealed record ReferentieLijst(string KvkNummer, string Werkgevernaam, IReadOnlyList<ReferentieWeergave> Referenties, int Aantal, int AantalBewezen);

public sealed record BewijsregelWeergave(string Omschrijving, Bewijsregel Instellingen);

public static class ReferentiesOpvragen
{
    public static async Task<ReferentieLijst> Lijst(IQuerySession session, Werkgever werkgever, CancellationToken cancellation)
    {
        var (documenten, hergebruiken) = await Documenten(session, werkgever, cancellation);
        var weergaven = documenten.Select(r => ReferentieWeergave.Van(r, hergebruiken[r.Id])).ToList();
        return new ReferentieLijst(werkgever.KvkNummer, werkgever.Naam, weergaven, weergaven.Count, weergaven.Count(r => r.Bewijs.Bewezen));
    }

    /// <summary>The employer's references as projected, oldest first, and where each was reused: one round trip.</summary>
    public static async Task<(IReadOnlyList<Referentie> Documenten, ILookup<Guid, Hergebruik> Hergebruiken)> Documenten(IQuerySession session,
        Werkgever werkgever, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var documenten = batch.Query<Referentie>().InVolgorde(werkgever.KvkNummer).ToList();
        var hergebruiken = Hergebruiken.VanWerkgever(batch, werkgever.KvkNummer);
        await batch.Execute(cancellation);
        return (await documenten, Hergebruiken.PerBron(await hergebruiken));
    }

    /// <summary>
    /// The employer's references in the order of the list and the references page (which pages the same expressions in
    /// its batch): ordered by the database on the duplicated date, a range of the employer's index (<see cref="ReferentiesOpslag"/>).
    /// </summary>
    public static IQueryable<Referentie> InVolgorde(this IQueryable<Referentie> referenties, string kvkNummer) =>
        referenties.Where(r => r.KvkNummer == kvkNummer).OrderBy(r => r.Afspraak.OpgesteldOp).ThenBy(r => r.Id);

    /// <inheritdoc cref="InVolgorde(IQueryable{Referentie}, string)" />
    public static Marten.Services.BatchQuerying.IBatchedQueryable<Referentie> InVolgorde(
        this Marten.Services.BatchQuerying.IBatchedQueryable<Referentie> referenties, string kvkNummer) =>
        referenties.Where(r => r.KvkNummer == kvkNummer).OrderBy(r => r.Afspraak.OpgesteldOp).ThenBy(r => r.Id);

    /// <summary>
    /// The checks of the reference history, in the order that its JSON lookup and its export both answer them: the
    /// input (every problem at once), who may read it, whether the employer exists.
    /// </summary>
    /// <param name="andereFouten">Problems with input that only the caller knows of (an export's <c>formaat</c>), reported with the rest.</param>
    public static async Task<Opvraging<Werkgever>> Controleer(string kvkNummer, IEnumerable<OngeldigeParameter> andereFouten, Gebruiker gebruiker,
        IQuerySession session, CancellationToken cancellation)
    {
        var fouten = new List<OngeldigeParameter>();
        if (!Formaten.KvkNummer().IsMatch(kvkNummer)) fouten.Add(new("kvkNummer", "ongeldig-formaat", "Een KvK-nummer bestaat uit precies 8 cijfers."));
        fouten.AddRange(andereFouten);
        if (fouten.Count > 0) return Opvraging<Werkgever>.Geweigerd(Problemen.Ongeldig(fouten));

        if (!await MagLezen(session, gebruiker, kvkNummer, cancellation))
            return Opvraging<Werkgever>.Geweigerd(
                Problemen.GeenToegang("De referentiehistorie is van de werkgever; hij deelt haar met de regio's waar hij een afspraak heeft, " +
                                       "die hij om hergebruik vraagt of waarmee hij haar deelt."));

        var werkgever = await session.LoadAsync<Werkgever>(Werkgever.StreamId(kvkNummer), cancellation);
        return werkgever ?? Opvraging<Werkgever>.Geweigerd(Problemen.NietGevonden($"Er is geen werkgever met KvK-nummer {kvkNummer}."));
    }

    public static Task<bool> MagLezen(IQuerySession session, Gebruiker gebruiker, string kvkNummer, CancellationToken cancellation) =>
        Werkgeverrelaties.MagLezen(session, gebruiker, kvkNummer, cancellation);
}

public static class ReferentiesOpvragenEndpoint
{
    [WolverineGet("/v1/werkgevers/{kvkNummer}/referenties", OperationId = "referentiesOpvragen")]
    [EndpointSummary("De referentiehistorie van een werkgever")]
    [EndpointDescription("Elke afspraak van de werkgever in elke regio: status, looptijd, resultaten tegen doelen, evaluaties, bewezen of niet en " +
                         "waarom (met wanneer elk bewijsstuk is vastgelegd), waar zij vandaan kwam en waar zij is hergebruikt. Voor de werkgever " +
                         "zelf, auditors, de beheerder, en de regiopartijen van een regio waarmee de werkgever een afspraak heeft, die hij om " +
                         "hergebruik vroeg of waarmee hij zijn referenties deelt.")]
    [ProducesResponseType<ReferentieLijst>(200)]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Get(string kvkNummer, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var werkgever = await ReferentiesOpvragen.Controleer(kvkNummer, [], Gebruiker.Van(http.User), session, cancellation);
        if (werkgever.IsProbleem) return werkgever.Probleem;
        return Results.Ok(await ReferentiesOpvragen.Lijst(session, werkgever.Waarde, cancellation));
    }
    [WolverineGet("/v1/bewijsregel", OperationId = "bewijsregelOpvragen")]
    [EndpointSummary("Wanneer een afspraak bewezen is")]
    [EndpointDescription("De regel waarmee het register beslist of een afspraak bewezen is, met haar instellingen. Openbaar: de regel is transparant.")]
    [ProducesResponseType<BewijsregelWeergave>(200)]
    public static BewijsregelWeergave Regel(IOptions<Bewijsregel> regel) => new(regel.Value.Omschrijving, regel.Value);
}
