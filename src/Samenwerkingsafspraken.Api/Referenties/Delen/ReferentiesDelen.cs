using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Werkgevers;
using Samenwerkingsafspraken.Werkgevers.Registreren;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Referenties.Delen;

public sealed record DelenVerzoek(string? Arbeidsmarktregio, string? Toelichting, long? Versie);

public sealed record DelingIntrekkenVerzoek(string? Toelichting, long? Versie);

public sealed record ReferentiedelingenWeergave(string KvkNummer, IReadOnlyList<Referentiedeling> Delingen, long Versie)
{
    public static ReferentiedelingenWeergave Van(Referentiedelingen d) =>
        new(d.KvkNummer, d.Delingen.OrderBy(x => x.Arbeidsmarktregio, StringComparer.Ordinal).ToList(), d.Version);

    public static ReferentiedelingenWeergave Geen(string kvkNummer) => new(kvkNummer, [], 0);
}

public sealed class DelenValidator : Invoerregels<DelenVerzoek>
{
    public DelenValidator(Referentiekader kader)
    {
        RuleFor(v => v.Arbeidsmarktregio).NotEmpty().Must(kader.IsGeldigeRegio).WithErrorCode("onbekende-regio")
            .WithMessage(v => $"Arbeidsmarktregio '{v.Arbeidsmarktregio}' bestaat niet (meer).");
        RuleFor(v => v.Toelichting).MaximumLength(Afspraken.Grenzen.Reden);
    }
}

public sealed class DelingIntrekkenValidator : Invoerregels<DelingIntrekkenVerzoek>
{
    public DelingIntrekkenValidator()
    {
        RuleFor(v => v.Toelichting).MaximumLength(Afspraken.Grenzen.Reden);
    }
}

public static class ReferentiesDelen
{
    /// <summary>
    /// Shares, for the API and the page alike: the first sharing starts the employer's stream, every later one names
    /// its version. Refused for anyone but the employer, and for an employer the registry does not know.
    /// </summary>
    public static async Task<Schrijfuitkomst> DelenUitvoeren(Schrijver schrijver, Opdrachtcontext context, IQuerySession session, string kvkNummer,
        DelenVerzoek verzoek, Klok klok)
    {
        if (!context.Gebruiker.IsWerkgeverVan(kvkNummer)) return Weigering.NietToegestaan("andere-werkgever", "Een werkgever deelt alleen zijn eigen referenties.");

        var kader = await Referentiekader.Laad(session, kvkNummer, context.Annulering);
        if (kader.Werkgever is null) return Weigering.NietGevonden("niet-gevonden", $"Er is geen werkgever met KvK-nummer {kvkNummer}.");

        var id = Referentiedelingen.StreamId(kvkNummer);
        if (await session.Events.FetchStreamStateAsync(id, context.Annulering) is null)
        {
            return await schrijver.Start(context, new Startopdracht<Referentiedelingen, DelenVerzoek>(id, verzoek)
            {
                Validator = _ => new DelenValidator(kader),
                Beslis = _ => Task.FromResult(Delen(null, kvkNummer, verzoek, context.Gebruiker, klok.GetUtcNow())),
                Antwoord = ReferentiedelingenWeergave.Van,
                Locatie = _ => $"/v1/werkgevers/{kvkNummer}/referentiedelingen",
                BestaatAl = "De werkgever deelde intussen al: haal de delingen opnieuw op en noem hun versie.",
                Reden = verzoek?.Toelichting,
            });
        }

        return await schrijver.Wijzig(context, new Wijzigopdracht<Referentiedelingen, DelenVerzoek>(id, verzoek)
        {
            VersieInBody = verzoek?.Versie,
            Validator = _ => new DelenValidator(kader),
            Beslis = (delingen, _) => Task.FromResult(Delen(delingen, kvkNummer, verzoek!, context.Gebruiker, klok.GetUtcNow())),
            Antwoord = ReferentiedelingenWeergave.Van,
            NietGevonden = $"Werkgever {kvkNummer} deelt niets.",
            Reden = verzoek?.Toelichting,
        });
    }

    /// <summary>Withdraws a sharing, for the API and the page alike.</summary>
    public static async Task<Schrijfuitkomst> IntrekkenUitvoeren(Schrijver schrijver, Opdrachtcontext context, string kvkNummer, string code,
        DelingIntrekkenVerzoek verzoek, Klok klok)
    {
        if (!context.Gebruiker.IsWerkgeverVan(kvkNummer)) return Weigering.NietToegestaan("andere-werkgever", "Een werkgever trekt alleen zijn eigen delingen in.");

        return await schrijver.Wijzig(context, new Wijzigopdracht<Referentiedelingen, DelingIntrekkenVerzoek>(Referentiedelingen.StreamId(kvkNummer), verzoek)
        {
            VersieInBody = verzoek?.Versie,
            Validator = _ => new DelingIntrekkenValidator(),
            Beslis = (delingen, _) => Task.FromResult(Intrekken(delingen, code, verzoek!, context.Gebruiker, klok.GetUtcNow())),
            Antwoord = ReferentiedelingenWeergave.Van,
            NietGevonden = $"Werkgever {kvkNummer} deelt niets.",
            Reden = verzoek?.Toelichting,
        });
    }

    /// <summary>The employer shares its reference history with a region's public parties, once per region until it withdraws.</summary>
    public static Besluit Delen(Referentiedelingen? delingen, string kvkNummer, DelenVerzoek verzoek, Gebruiker door, DateTimeOffset nu)
    {
        if (!door.IsWerkgeverVan(kvkNummer)) return Weigering.NietToegestaan("andere-werkgever", "Een werkgever deelt alleen zijn eigen referenties.");
        if (delingen?.IsGedeeldMet(verzoek.Arbeidsmarktregio!) == true)
        {
            return Weigering.Conflict("al-gedeeld", $"De referenties zijn al gedeeld met {verzoek.Arbeidsmarktregio}.");
        }

        return Besluit.Met(new ReferentiesGedeeld(Referentiedelingen.StreamId(kvkNummer), kvkNummer, verzoek.Arbeidsmarktregio!,
            string.IsNullOrWhiteSpace(verzoek.Toelichting) ? null : verzoek.Toelichting.Trim(), nu));
    }

    /// <summary>The employer stops sharing with a region; what the region read meanwhile stays in its history.</summary>
    public static Besluit Intrekken(Referentiedelingen delingen, string arbeidsmarktregio, DelingIntrekkenVerzoek verzoek, Gebruiker door, DateTimeOffset nu)
    {
        if (!door.IsWerkgeverVan(delingen.KvkNummer)) return Weigering.NietToegestaan("andere-werkgever", "Een werkgever trekt alleen zijn eigen delingen in.");
        if (!delingen.IsGedeeldMet(arbeidsmarktregio))
        {
            return Weigering.Conflict("niet-gedeeld", $"De referenties zijn niet gedeeld met {arbeidsmarktregio}.");
        }

        return Besluit.Met(new ReferentiedelingIngetrokken(delingen.Id, delingen.KvkNummer, arbeidsmarktregio,
            string.IsNullOrWhiteSpace(verzoek.Toelichting) ? null : verzoek.Toelichting.Trim(), nu));
    }
}

public static class ReferentiesDelenEndpoint
{
    [WolverineGet("/v1/werkgevers/{kvkNummer}/referentiedelingen", OperationId = "referentiedelingenOpvragen")]
    [EndpointSummary("Met welke regio's een werkgever zijn referenties deelt")]
    [EndpointDescription("De regio's waarvan de regiopartijen de gegevens en de referentiehistorie van de werkgever mogen lezen omdat hij die met " +
                         "hen deelt, sinds wanneer. Versie 0 zolang hij nooit deelde. Voor de werkgever zelf, auditors en de beheerder.")]
    [ProducesResponseType<ReferentiedelingenWeergave>(200)]
    [MetETag]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Get(string kvkNummer, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        if (!Formaten.KvkNummer().IsMatch(kvkNummer))
            return Problemen.Ongeldig([new OngeldigeParameter("kvkNummer", "ongeldig-formaat", "Een KvK-nummer bestaat uit precies 8 cijfers.")]);

        var gebruiker = Gebruiker.Van(http.User);
        if (!gebruiker.IsAuditor && !gebruiker.IsBeheerder && !gebruiker.IsWerkgeverVan(kvkNummer))
            return Problemen.GeenToegang("Met wie een werkgever deelt, ziet de werkgever zelf.");

        var batch = session.CreateBatchQuery();
        var werkgever = batch.Load<Werkgever>(Werkgever.StreamId(kvkNummer));
        var delingen = batch.Load<Referentiedelingen>(Referentiedelingen.StreamId(kvkNummer));
        await batch.Execute(cancellation);
        if (await werkgever is null) return Problemen.NietGevonden($"Er is geen werkgever met KvK-nummer {kvkNummer}.");

        var weergave = await delingen is { } d ? ReferentiedelingenWeergave.Van(d) : ReferentiedelingenWeergave.Geen(kvkNummer);
        return Voorwaardelijk.Antwoord(http, weergave.Versie, weergave);
    }

    [WolverinePost("/v1/werkgevers/{kvkNummer}/referentiedelingen", OperationId = "referentiesDelen")]
    [EndpointSummary("De referentiehistorie delen met een regio")]
    [EndpointDescription("De werkgever geeft de regiopartijen van een regio inzage in zijn gegevens en referentiehistorie, bijvoorbeeld voordat hij " +
                         "er om hergebruik vraagt. De eerste deling maakt de bron (201); daarna noemt elke wijziging de versie (If-Match of versie).")]
    [ProducesResponseType<ReferentiedelingenWeergave>(201)]
    [ProducesResponseType<ReferentiedelingenWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static async Task<IResult> Delen(string kvkNummer, DelenVerzoek verzoek, HttpContext http, IQuerySession session, Klok klok)
    {
        if (!Formaten.KvkNummer().IsMatch(kvkNummer))
            return Problemen.Ongeldig([new OngeldigeParameter("kvkNummer", "ongeldig-formaat", "Een KvK-nummer bestaat uit precies 8 cijfers.")]);

        return await ReferentiesDelen.DelenUitvoeren(http.RequestServices.GetRequiredService<Schrijver>(), HttpOpdracht.Context(http), session, kvkNummer, verzoek, klok).AlsResultaat();
    }

    [WolverinePost("/v1/werkgevers/{kvkNummer}/referentiedelingen/{code}/intrekking", OperationId = "referentiedelingIntrekken")]
    [EndpointSummary("Een deling met een regio intrekken")]
    [EndpointDescription("De regiopartijen van die regio lezen de gegevens en de referentiehistorie van de werkgever daarna niet meer, tenzij de " +
                         "regio om een andere reden een relatie met hem heeft (een afspraak, een hergebruikverzoek).")]
    [ProducesResponseType<ReferentiedelingenWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static async Task<IResult> Intrekken(string kvkNummer, string code, DelingIntrekkenVerzoek verzoek, HttpContext http, Klok klok)
    {
        var fouten = new List<OngeldigeParameter>();
        if (!Formaten.KvkNummer().IsMatch(kvkNummer)) fouten.Add(new("kvkNummer", "ongeldig-formaat", "Een KvK-nummer bestaat uit precies 8 cijfers."));
        if (!Arbeidsmarktregios.ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(code))
            fouten.Add(new("code", "ongeldig-formaat", "Een regiocode is AM gevolgd door twee cijfers."));
        if (fouten.Count > 0) return Problemen.Ongeldig(fouten);

        return await ReferentiesDelen.IntrekkenUitvoeren(http.RequestServices.GetRequiredService<Schrijver>(), HttpOpdracht.Context(http), kvkNummer, code, verzoek, klok).AlsResultaat();
    }
}
