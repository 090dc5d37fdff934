using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Werkgevers.Registreren;
using Samenwerkingsafspraken.Werkgevers.Wijzigen;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Werkgevers.Vestigingen;

public sealed record VestigingToevoegenVerzoek(string? Vestigingsnummer, string? Gemeente, long? Versie);

public sealed record VestigingVerhuizenVerzoek(string? Gemeente, long? Versie);

public sealed record VestigingSluitenVerzoek(string? Reden, long? Versie);

public sealed class VestigingToevoegenValidator : Invoerregels<VestigingToevoegenVerzoek>
{
    public VestigingToevoegenValidator(Vestigingskader kader)
    {
        RuleFor(v => v.Vestigingsnummer).NotEmpty().Matches(Formaten.Vestigingsnummer()).WithMessage("Een vestigingsnummer bestaat uit precies 12 cijfers.");
        RuleFor(v => v.Gemeente).Vestigingsgemeente(kader);
    }
}

public sealed class VestigingVerhuizenValidator : Invoerregels<VestigingVerhuizenVerzoek>
{
    public VestigingVerhuizenValidator(Vestigingskader kader)
    {
        RuleFor(v => v.Gemeente).Vestigingsgemeente(kader);
    }
}

public sealed class VestigingSluitenValidator : Invoerregels<VestigingSluitenVerzoek>
{
    public VestigingSluitenValidator()
    {
        RuleFor(v => v.Reden).NotEmpty().MaximumLength(2000);
    }
}

/// <summary>The locations of an employer, each in a gemeente; its region is the gemeente's region.</summary>
public static class VestigingenBeheren
{
    public const int Maximum = 1000;

    private static Weigering? Mag(Werkgever werkgever, Gebruiker door) =>
        Werkgeverregels.MagWijzigen(werkgever, door) ?? Werkgeverregels.MoetActiefZijn(werkgever);

    private static Weigering Onbekend(string nummer) => Weigering.NietGevonden("vestiging-niet-gevonden", $"Deze werkgever heeft geen vestiging {nummer}.");

    /// <summary>The command to add a location, for the API and the employer's page alike: the gemeente's region on today's date.</summary>
    public static async Task<Schrijfuitkomst> ToevoegenUitvoeren(Schrijver schrijver, Opdrachtcontext context, IQuerySession session, string kvkNummer,
        VestigingToevoegenVerzoek verzoek, Klok klok)
    {
        var kader = await Vestigingskader.Laad(session, [verzoek?.Gemeente], klok.Vandaag, context.Annulering);
        return await schrijver.Wijzig(context, new Wijzigopdracht<Werkgever, VestigingToevoegenVerzoek>(Werkgever.StreamId(kvkNummer), verzoek)
        {
            VersieInBody = verzoek?.Versie,
            Validator = _ => new VestigingToevoegenValidator(kader),
            Beslis = (werkgever, g) => Task.FromResult(Toevoegen(werkgever, verzoek!.Vestigingsnummer!, verzoek.Gemeente!, kader.RegioVan(verzoek.Gemeente)!,
                g.Gebruiker, klok.GetUtcNow())),
            Antwoord = WerkgeverWeergave.Van,
            NietGevonden = NietGevonden(kvkNummer),
        });
    }

    public static async Task<Schrijfuitkomst> VerhuizenUitvoeren(Schrijver schrijver, Opdrachtcontext context, IQuerySession session, string kvkNummer,
        string vestigingsnummer, VestigingVerhuizenVerzoek verzoek, Klok klok)
    {
        var kader = await Vestigingskader.Laad(session, [verzoek?.Gemeente], klok.Vandaag, context.Annulering);
        return await schrijver.Wijzig(context, new Wijzigopdracht<Werkgever, VestigingVerhuizenVerzoek>(Werkgever.StreamId(kvkNummer), verzoek)
        {
            VersieInBody = verzoek?.Versie,
            Validator = _ => new VestigingVerhuizenValidator(kader),
            Beslis = (werkgever, g) => Task.FromResult(Verhuizen(werkgever, vestigingsnummer, verzoek!.Gemeente!, kader.RegioVan(verzoek.Gemeente)!,
                g.Gebruiker, klok.GetUtcNow())),
            Antwoord = WerkgeverWeergave.Van,
            NietGevonden = NietGevonden(kvkNummer),
        });
    }

    public static Task<Schrijfuitkomst> SluitenUitvoeren(Schrijver schrijver, Opdrachtcontext context, string kvkNummer, string vestigingsnummer,
        VestigingSluitenVerzoek verzoek, Klok klok) =>
        schrijver.Wijzig(context, new Wijzigopdracht<Werkgever, VestigingSluitenVerzoek>(Werkgever.StreamId(kvkNummer), verzoek)
        {
            VersieInBody = verzoek?.Versie,
            Validator = _ => new VestigingSluitenValidator(),
            Beslis = (werkgever, g) => Task.FromResult(Sluiten(werkgever, vestigingsnummer, verzoek!.Reden!, g.Gebruiker, klok.GetUtcNow())),
            Antwoord = WerkgeverWeergave.Van,
            NietGevonden = NietGevonden(kvkNummer),
            Reden = verzoek?.Reden,
        });

    private static string NietGevonden(string kvkNummer) => $"Er is geen werkgever met KvK-nummer {kvkNummer}.";

    public static Besluit Toevoegen(Werkgever werkgever, string vestigingsnummer, string gemeente, string regio, Gebruiker door, DateTimeOffset nu)
    {
        if (Mag(werkgever, door) is { } weigering) return weigering;
        if (werkgever.Vestigingen.Any(v => v.Vestigingsnummer == vestigingsnummer))
            return Weigering.Conflict("bestaat-al", $"Vestiging {vestigingsnummer} staat al bij deze werkgever.");
        if (werkgever.Vestigingen.Count >= Maximum) return Weigering.Conflict("te-veel", $"Een werkgever heeft ten hoogste {Maximum} vestigingen.");
        return Besluit.Met(new VestigingToegevoegd(werkgever.Id, vestigingsnummer, gemeente, regio, nu));
    }

    public static Besluit Verhuizen(Werkgever werkgever, string vestigingsnummer, string gemeente, string regio, Gebruiker door, DateTimeOffset nu)
    {
        if (Mag(werkgever, door) is { } weigering) return weigering;
        if (werkgever.Vestigingen.FirstOrDefault(v => v.Vestigingsnummer == vestigingsnummer) is not { } vestiging) return Onbekend(vestigingsnummer);
        if (vestiging.Gemeente == gemeente) return Weigering.Conflict("geen-wijziging", $"Vestiging {vestigingsnummer} ligt al in {gemeente}.");
        return Besluit.Met(new VestigingVerhuisd(werkgever.Id, vestigingsnummer, gemeente, regio, nu));
    }

    public static Besluit Sluiten(Werkgever werkgever, string vestigingsnummer, string reden, Gebruiker door, DateTimeOffset nu)
    {
        if (Mag(werkgever, door) is { } weigering) return weigering;
        if (werkgever.Vestigingen.All(v => v.Vestigingsnummer != vestigingsnummer)) return Onbekend(vestigingsnummer);
        return Besluit.Met(new VestigingGesloten(werkgever.Id, vestigingsnummer, reden.Trim(), nu));
    }
}

public static class VestigingenBeherenEndpoint
{
    public static IResult? Padfouten(string kvkNummer, string? vestigingsnummer = null)
    {
        var fouten = new List<OngeldigeParameter>();
        if (!Formaten.KvkNummer().IsMatch(kvkNummer))
            fouten.Add(new OngeldigeParameter("kvkNummer", "ongeldig-formaat", "Een KvK-nummer bestaat uit precies 8 cijfers."));
        if (vestigingsnummer is not null && !Formaten.Vestigingsnummer().IsMatch(vestigingsnummer))
            fouten.Add(new OngeldigeParameter("vestigingsnummer", "ongeldig-formaat", "Een vestigingsnummer bestaat uit precies 12 cijfers."));
        return fouten.Count > 0 ? Problemen.Ongeldig(fouten) : null;
    }
    [WolverinePost("/v1/werkgevers/{kvkNummer}/vestigingen", OperationId = "vestigingToevoegen")]
    [EndpointSummary("Een vestiging toevoegen")]
    [EndpointDescription("De werkgever zelf of de beheerder: een vestiging (12 cijfers) in een gemeente; haar arbeidsmarktregio volgt uit de gemeente. " +
                         "Met de versie van de werkgever (If-Match of versie).")]
    [ProducesResponseType<WerkgeverWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static async Task<IResult> Toevoegen(string kvkNummer, VestigingToevoegenVerzoek verzoek, HttpContext http, IQuerySession session,
        Schrijver schrijver, Klok klok)
    {
        if (Padfouten(kvkNummer) is { } fout) return fout;
        return await VestigingenBeheren.ToevoegenUitvoeren(schrijver, HttpOpdracht.Context(http), session, kvkNummer, verzoek, klok).AlsResultaat();
    }
    [WolverinePost("/v1/werkgevers/{kvkNummer}/vestigingen/{vestigingsnummer}/verhuizingen", OperationId = "vestigingVerhuizen")]
    [EndpointSummary("Een vestiging naar een andere gemeente verhuizen")]
    [EndpointDescription("De werkgever zelf of de beheerder. De regio van de vestiging volgt uit de nieuwe gemeente.")]
    [ProducesResponseType<WerkgeverWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static async Task<IResult> Verhuizen(string kvkNummer, string vestigingsnummer, VestigingVerhuizenVerzoek verzoek, HttpContext http,
        IQuerySession session, Schrijver schrijver, Klok klok)
    {
        if (Padfouten(kvkNummer, vestigingsnummer) is { } fout) return fout;
        return await VestigingenBeheren.VerhuizenUitvoeren(schrijver, HttpOpdracht.Context(http), session, kvkNummer, vestigingsnummer, verzoek, klok)
            .AlsResultaat();
    }
    [WolverinePost("/v1/werkgevers/{kvkNummer}/vestigingen/{vestigingsnummer}/sluiting", OperationId = "vestigingSluiten")]
    [EndpointSummary("Een vestiging sluiten")]
    [EndpointDescription("De werkgever zelf of de beheerder, met een reden. De vestiging verdwijnt uit de lijst; de historie bewaart haar.")]
    [ProducesResponseType<WerkgeverWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static async Task<IResult> Sluiten(string kvkNummer, string vestigingsnummer, VestigingSluitenVerzoek verzoek, HttpContext http,
        Schrijver schrijver, Klok klok)
    {
        if (Padfouten(kvkNummer, vestigingsnummer) is { } fout) return fout;
        return await VestigingenBeheren.SluitenUitvoeren(schrijver, HttpOpdracht.Context(http), kvkNummer, vestigingsnummer, verzoek, klok).AlsResultaat();
    }
}
