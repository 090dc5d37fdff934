using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.MultiStreamWriting;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Werkgevers.Registreren;
using Samenwerkingsafspraken.Werkgevers.Wijzigen;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Werkgevers.Samenvoegen;

public sealed record WerkgeverSamenvoegenVerzoek(string? OpgegaanIn, DateOnly? Datum, string? Reden, long? Versie);

public sealed class WerkgeverSamenvoegenValidator : Invoerregels<WerkgeverSamenvoegenVerzoek>
{
    public WerkgeverSamenvoegenValidator(string kvkNummer, Werkgever? opvolger)
    {
        RuleFor(v => v.OpgegaanIn).NotEmpty().Matches(Formaten.KvkNummer()).WithMessage("Het KvK-nummer van de opvolger: precies 8 cijfers.")
            .Must(o => o != kvkNummer).WithErrorCode("zichzelf").WithMessage("Een werkgever gaat niet in zichzelf op.")
            .Must(_ => opvolger is not null).WithErrorCode("onbekende-werkgever")
            .WithMessage(v => $"Er is geen werkgever met KvK-nummer {v.OpgegaanIn}. Registreer de opvolger eerst.");
        RuleFor(v => v.Datum).NotNull().InclusiveBetween(Infrastructure.Datumvenster.Vroegst, Infrastructure.Datumvenster.Laatst).WithMessage("De datum van de samenvoeging, JJJJ-MM-DD.");
        RuleFor(v => v.Reden).NotEmpty().MaximumLength(2000);
    }
}

public static class WerkgeverSamenvoegen
{
    /// <summary>
    /// A merger into another KvK-nummer: the employer ends, its successor records the takeover, and every agreement
    /// of the employer passes to the successor (as its legal successor), so that the successor's reference history
    /// and lookups hold them, each recording the employer it came from.
    /// </summary>
    public static Meerstroombesluit Beslis(Werkgever werkgever, Werkgever opvolger, IReadOnlyList<Samenwerkingsafspraak> afspraken,
        WerkgeverSamenvoegenVerzoek verzoek, Gebruiker door, DateTimeOffset nu)
    {
        if (!door.IsBeheerder) return Weigering.NietToegestaan("alleen-beheerder", "Alleen de beheerder legt een samenvoeging van werkgevers vast.");
        if (Werkgeverregels.MoetActiefZijn(werkgever) is { } weigering) return weigering;
        if (!opvolger.IsActief)
            return Weigering.Conflict("opvolger-niet-actief", $"Werkgever {opvolger.KvkNummer} staat niet (meer) actief in het register.");

        var datum = verzoek.Datum!.Value;
        var nieuw = new Werkgeverpartij(opvolger.KvkNummer, opvolger.Naam, opvolger.Sector, opvolger.Soort);
        return Meerstroombesluit.Met(
        [
            Stroomwijziging.Bij(werkgever, new WerkgeverOpgegaanIn(werkgever.Id, opvolger.KvkNummer, opvolger.Naam, datum, afspraken.Count, nu)),
            Stroomwijziging.Bij(opvolger, new WerkgeverOvernameGeregistreerd(opvolger.Id, werkgever.KvkNummer, werkgever.Naam, datum, afspraken.Count, nu)),
            .. afspraken.OrderBy(a => a.Id).Select(a => Stroomwijziging.Bij(a, new AfspraakOvergegaan(a.Id, nieuw, a.Werkgever, datum, nu))),
        ]);
    }

    /// <summary>The merger as the API and the web page run it; the KvK-nummer in the address is checked by the caller.</summary>
    public static async Task<Schrijfuitkomst> Uitvoeren(Meerstroomschrijver schrijver, IQuerySession session, Opdrachtcontext context, string kvkNummer,
        WerkgeverSamenvoegenVerzoek? verzoek, Klok klok)
    {
        var batch = session.CreateBatchQuery();
        var werkgeverTaak = batch.Load<Werkgever>(Werkgever.StreamId(kvkNummer));
        var opvolgerTaak = verzoek?.OpgegaanIn is { } kvk && Formaten.KvkNummer().IsMatch(kvk) && kvk != kvkNummer
            ? batch.Load<Werkgever>(Werkgever.StreamId(kvk))
            : Task.FromResult<Werkgever?>(null);
        var afsprakenTaak = batch.Query<Samenwerkingsafspraak>().Where(a => a.Werkgever.KvkNummer == kvkNummer).ToList();
        await batch.Execute(context.Annulering);
        var (werkgever, opvolger, afspraken) = (await werkgeverTaak, await opvolgerTaak, await afsprakenTaak);

        return await schrijver.Schrijf(context, new Meerstroomopdracht<WerkgeverSamenvoegenVerzoek>(verzoek)
        {
            Validator = new WerkgeverSamenvoegenValidator(kvkNummer, opvolger),
            VersieVereist = true,
            VersieInBody = verzoek?.Versie,
            Beslis = (_, _) => Task.FromResult(werkgever is { } w
                ? (Beslis(w, opvolger!, afspraken, verzoek!, context.Gebruiker, klok.GetUtcNow()), (long?)w.Version)
                : (Weigering.NietGevonden("niet-gevonden", $"Er is geen werkgever met KvK-nummer {kvkNummer}."), null)),
            Antwoord = async (lezen, annulering) =>
            {
                var na = (await lezen.LoadAsync<Werkgever>(Werkgever.StreamId(kvkNummer), annulering))!;
                return Meerstroomantwoord.Ok(na.Version, WerkgeverWeergave.Van(na));
            },
            Reden = verzoek?.Reden,
        });
    }
}

public static class WerkgeverSamenvoegenEndpoint
{
    [ZonderIdempotencyKey]
    [WolverinePost("/v1/werkgevers/{kvkNummer}/samenvoeging", OperationId = "werkgeverSamenvoegen")]
    [EndpointSummary("Een werkgever laten opgaan in een andere (fusie)")]
    [EndpointDescription("Alleen de beheerder. De werkgever gaat op in opgegaanIn (een geregistreerd KvK-nummer); al zijn afspraken gaan over " +
                         "naar die opvolger en staan daarna in diens referentiehistorie, met de werkgever waar zij vandaan kwamen. Alles in één " +
                         "keer. Met de versie van de werkgever die opgaat (If-Match of versie).")]
    [ProducesResponseType<WerkgeverWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 428)]
    public static async Task<IResult> Post(string kvkNummer, WerkgeverSamenvoegenVerzoek verzoek, HttpContext http, IQuerySession session,
        Meerstroomschrijver schrijver, Klok klok)
    {
        if (Werkgeverregels.Kvkfout(kvkNummer) is { } fout) return fout;
        return await WerkgeverSamenvoegen.Uitvoeren(schrijver, session, HttpOpdracht.Context(http), kvkNummer, verzoek, klok).AlsResultaat();
    }
}
