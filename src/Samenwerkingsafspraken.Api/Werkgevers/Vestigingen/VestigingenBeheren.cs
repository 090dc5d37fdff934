using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Werkgevers.Registreren;
using Samenwerkingsafspraken.Werkgevers.Wijzigen;
using Wolverine;
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
    private static IResult? Padfouten(string kvkNummer, string? vestigingsnummer = null)
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
    public static async Task<IResult> Toevoegen(string kvkNummer, VestigingToevoegenVerzoek verzoek, HttpContext http, IDocumentSession session,
        IMessageBus bus, Klok klok)
    {
        if (Padfouten(kvkNummer) is { } fout) return fout;
        var kader = await Vestigingskader.Laad(session, [verzoek?.Gemeente], klok.Vandaag, http.RequestAborted);
        return await new HttpSchrijver(http).Wijzig<Werkgever, VestigingToevoegenVerzoek>(Werkgever.StreamId(kvkNummer), verzoek!,
            new VestigingToevoegenValidator(kader), verzoek?.Versie,
            werkgever => Task.FromResult(VestigingenBeheren.Toevoegen(werkgever, verzoek!.Vestigingsnummer!, verzoek.Gemeente!,
                kader.RegioVan(verzoek.Gemeente)!, Gebruiker.Van(http.User), klok.GetUtcNow())),
            WerkgeverWeergave.Van, $"Er is geen werkgever met KvK-nummer {kvkNummer}.");
    }
    [WolverinePost("/v1/werkgevers/{kvkNummer}/vestigingen/{vestigingsnummer}/verhuizingen", OperationId = "vestigingVerhuizen")]
    [EndpointSummary("Een vestiging naar een andere gemeente verhuizen")]
    [EndpointDescription("De werkgever zelf of de beheerder. De regio van de vestiging volgt uit de nieuwe gemeente.")]
    [ProducesResponseType<WerkgeverWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static async Task<IResult> Verhuizen(string kvkNummer, string vestigingsnummer, VestigingVerhuizenVerzoek verzoek, HttpContext http,
        IDocumentSession session, IMessageBus bus, Klok klok)
    {
        if (Padfouten(kvkNummer, vestigingsnummer) is { } fout) return fout;
        var kader = await Vestigingskader.Laad(session, [verzoek?.Gemeente], klok.Vandaag, http.RequestAborted);
        return await new HttpSchrijver(http).Wijzig<Werkgever, VestigingVerhuizenVerzoek>(Werkgever.StreamId(kvkNummer), verzoek!,
            new VestigingVerhuizenValidator(kader), verzoek?.Versie,
            werkgever => Task.FromResult(VestigingenBeheren.Verhuizen(werkgever, vestigingsnummer, verzoek!.Gemeente!, kader.RegioVan(verzoek.Gemeente)!,
                Gebruiker.Van(http.User), klok.GetUtcNow())),
            WerkgeverWeergave.Van, $"Er is geen werkgever met KvK-nummer {kvkNummer}.");
    }
    [WolverinePost("/v1/werkgevers/{kvkNummer}/vestigingen/{vestigingsnummer}/sluiting", OperationId = "vestigingSluiten")]
    [EndpointSummary("Een vestiging sluiten")]
    [EndpointDescription("De werkgever zelf of de beheerder, met een reden. De vestiging verdwijnt uit de lijst; de historie bewaart haar.")]
    [ProducesResponseType<WerkgeverWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static async Task<IResult> Sluiten(string kvkNummer, string vestigingsnummer, VestigingSluitenVerzoek verzoek, HttpContext http,
        IDocumentSession session, IMessageBus bus, Klok klok)
    {
        if (Padfouten(kvkNummer, vestigingsnummer) is { } fout) return fout;
        return await new HttpSchrijver(http).Wijzig<Werkgever, VestigingSluitenVerzoek>(Werkgever.StreamId(kvkNummer), verzoek!,
            new VestigingSluitenValidator(), verzoek?.Versie,
            werkgever => Task.FromResult(VestigingenBeheren.Sluiten(werkgever, vestigingsnummer, verzoek!.Reden!, Gebruiker.Van(http.User), klok.GetUtcNow())),
            WerkgeverWeergave.Van, $"Er is geen werkgever met KvK-nummer {kvkNummer}.", verzoek?.Reden);
    }
}
