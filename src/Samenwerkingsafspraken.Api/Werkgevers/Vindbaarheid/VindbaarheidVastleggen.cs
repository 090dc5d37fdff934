using FluentValidation;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Werkgevers.Wijzigen;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Werkgevers.Vindbaarheid;

/// <summary>The employer's consent: <c>vindbaar: true</c> gives it, <c>false</c> withdraws it.</summary>
public sealed record VindbaarheidVerzoek(bool? Vindbaar, string? Reden, long? Versie);

public sealed class VindbaarheidValidator : Invoerregels<VindbaarheidVerzoek>
{
    public VindbaarheidValidator()
    {
        RuleFor(v => v.Vindbaar).NotNull().WithMessage("Zeg of de bewezen afspraken vindbaar zijn: vindbaar is true of false.");
        RuleFor(v => v.Reden).MaximumLength(2000);
    }
}

public static class VindbaarheidVastleggen
{
    public static Task<Schrijfuitkomst> Uitvoeren(Schrijver schrijver, Opdrachtcontext context, string kvkNummer, VindbaarheidVerzoek verzoek, Klok klok) =>
        schrijver.Wijzig(context, new Wijzigopdracht<Werkgever, VindbaarheidVerzoek>(Werkgever.StreamId(kvkNummer), verzoek)
        {
            VersieInBody = verzoek?.Versie,
            Validator = _ => new VindbaarheidValidator(),
            Beslis = (werkgever, gegevens) => Task.FromResult(Beslis(werkgever, verzoek!, gegevens.Gebruiker, klok.GetUtcNow())),
            Antwoord = WerkgeverWeergave.Van,
            NietGevonden = $"Er is geen werkgever met KvK-nummer {kvkNummer}.",
            Reden = verzoek?.Reden,
        });

    /// <summary>
    /// Only the employer itself decides whether its agreements can be found by other regions: not a region, not the
    /// beheerder. A consent can always be withdrawn, also after deregistration; a new one needs an active employer.
    /// </summary>
    public static Besluit Beslis(Werkgever werkgever, VindbaarheidVerzoek verzoek, Gebruiker door, DateTimeOffset nu)
    {
        if (!door.IsWerkgeverVan(werkgever.KvkNummer))
        {
            return Weigering.NietToegestaan("andere-werkgever", "Alleen de werkgever zelf geeft of trekt de toestemming voor landelijke vindbaarheid in.");
        }

        var vindbaar = verzoek.Vindbaar!.Value;
        if (vindbaar == werkgever.Vindbaar)
        {
            return Weigering.Conflict("geen-wijziging", vindbaar
                ? "De toestemming is al gegeven: de bewezen afspraken zijn al vindbaar."
                : "Er is geen toestemming om in te trekken: de afspraken zijn al niet vindbaar voor andere regio's.");
        }

        if (vindbaar && Werkgeverregels.MoetActiefZijn(werkgever) is { } nietActief) return nietActief;

        return vindbaar ? Besluit.Met(new VindbaarheidToegestaan(werkgever.Id, nu)) : Besluit.Met(new VindbaarheidIngetrokken(werkgever.Id, nu));
    }
}

public static class VindbaarheidVastleggenEndpoint
{
    [WolverinePost("/v1/werkgevers/{kvkNummer}/vindbaarheid", OperationId = "vindbaarheidVastleggen")]
    [EndpointSummary("Toestemming voor landelijke vindbaarheid geven of intrekken")]
    [EndpointDescription("Alleen de werkgever zelf. Met vindbaar: true worden zijn bewezen afspraken vindbaar in de landelijke zoekfunctie " +
                         "'wat werkt' (GET /v1/bewezen-afspraken) voor de regiopartijen van elke regio en voor auditors; met false trekt hij die " +
                         "toestemming in. Zonder toestemming ziet een andere regio zijn afspraken daar niet. Elke keuze is een gebeurtenis in zijn " +
                         "historie. Met de versie van de werkgever (If-Match of versie).")]
    [ProducesResponseType<WerkgeverWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static async Task<IResult> Post(string kvkNummer, VindbaarheidVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok)
    {
        if (Werkgeverregels.Kvkfout(kvkNummer) is { } fout) return fout;
        return await VindbaarheidVastleggen.Uitvoeren(schrijver, HttpOpdracht.Context(http), kvkNummer, verzoek, klok).AlsResultaat();
    }
}
