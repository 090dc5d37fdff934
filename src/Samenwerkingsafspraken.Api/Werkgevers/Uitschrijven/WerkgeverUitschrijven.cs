using FluentValidation;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Werkgevers.Wijzigen;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Werkgevers.Uitschrijven;

public sealed record WerkgeverUitschrijvenVerzoek(DateOnly? Datum, string? Reden, long? Versie);

public sealed class WerkgeverUitschrijvenValidator : Invoerregels<WerkgeverUitschrijvenVerzoek>
{
    public WerkgeverUitschrijvenValidator()
    {
        RuleFor(v => v.Datum).NotNull().InclusiveBetween(Infrastructure.Datumvenster.Vroegst, Infrastructure.Datumvenster.Laatst)
            .WithMessage("De datum van uitschrijving bij de KvK, JJJJ-MM-DD.");
        RuleFor(v => v.Reden).NotEmpty().MaximumLength(2000);
    }
}

public static class WerkgeverUitschrijven
{
    /// <summary>The command, for the API and the beheerder's page alike.</summary>
    public static Task<Schrijfuitkomst> Uitvoeren(Schrijver schrijver, Opdrachtcontext context, string kvkNummer, WerkgeverUitschrijvenVerzoek verzoek,
        Klok klok) =>
        schrijver.Wijzig(context, new Wijzigopdracht<Werkgever, WerkgeverUitschrijvenVerzoek>(Werkgever.StreamId(kvkNummer), verzoek)
        {
            VersieInBody = verzoek?.Versie,
            Validator = _ => new WerkgeverUitschrijvenValidator(),
            Beslis = (werkgever, g) => Task.FromResult(Beslis(werkgever, verzoek!, g.Gebruiker, klok.GetUtcNow())),
            Antwoord = WerkgeverWeergave.Van,
            NietGevonden = $"Er is geen werkgever met KvK-nummer {kvkNummer}.",
            Reden = verzoek?.Reden,
        });

    /// <summary>
    /// Deregistration is a fact of the KvK register, recorded by the beheerder. The employer's agreements stay as they
    /// are and stay readable; it can make no new ones.
    /// </summary>
    public static Besluit Beslis(Werkgever werkgever, WerkgeverUitschrijvenVerzoek verzoek, Gebruiker door, DateTimeOffset nu)
    {
        if (!door.IsBeheerder) return Weigering.NietToegestaan("alleen-beheerder", "Alleen de beheerder legt een uitschrijving bij de KvK vast.");
        if (Werkgeverregels.MoetActiefZijn(werkgever) is { } weigering) return weigering;
        return Besluit.Met(new WerkgeverUitgeschreven(werkgever.Id, verzoek.Datum!.Value, verzoek.Reden!.Trim(), nu));
    }
}

public static class WerkgeverUitschrijvenEndpoint
{
    [WolverinePost("/v1/werkgevers/{kvkNummer}/uitschrijving", OperationId = "werkgeverUitschrijven")]
    [EndpointSummary("De uitschrijving van een werkgever bij de KvK vastleggen")]
    [EndpointDescription("Alleen de beheerder, met datum en reden. Daarna kan de werkgever geen nieuwe afspraken maken; zijn afspraken en " +
                         "referentiehistorie blijven leesbaar. Is hij opgegaan in een andere werkgever, gebruik dan de samenvoeging.")]
    [ProducesResponseType<WerkgeverWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static async Task<IResult> Post(string kvkNummer, WerkgeverUitschrijvenVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok)
    {
        if (Werkgeverregels.Kvkfout(kvkNummer) is { } fout) return fout;
        return await WerkgeverUitschrijven.Uitvoeren(schrijver, HttpOpdracht.Context(http), kvkNummer, verzoek, klok).AlsResultaat();
    }
}
