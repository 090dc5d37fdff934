using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Werkgevers.Registreren;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Werkgevers.Wijzigen;

/// <summary>What changes: only the fields given. The sector decides private or public; a soort given must match it.</summary>
public sealed record WerkgeverWijzigenVerzoek(string? Naam, string? Sector, string? Soort, IReadOnlyList<string>? Netwerken, string? Reden, long? Versie);

public sealed class WerkgeverWijzigenValidator : Invoerregels<WerkgeverWijzigenVerzoek>
{
    public WerkgeverWijzigenValidator()
    {
        RuleFor(v => v).Must(v => v.Naam is not null || v.Sector is not null || v.Soort is not null || v.Netwerken is not null)
            .OverridePropertyName("body").WithErrorCode("niets-te-wijzigen").WithMessage("Noem wat er verandert: naam, sector, soort of netwerken.");
        RuleFor(v => v.Naam).NotEmpty().MaximumLength(200).When(v => v.Naam is not null);
        RuleFor(v => v.Sector).Must(s => Sectoren.Vind(s) is not null).When(v => v.Sector is not null).WithErrorCode("onbekende-sector")
            .WithMessage(v => $"Onbekende sector '{v.Sector}'. Zie GET /v1/sectoren.");
        RuleFor(v => v.Soort).Must(s => Enum.TryParse<Werkgeversoort>(s, ignoreCase: true, out _)).When(v => v.Soort is not null)
            .WithErrorCode("onbekende-waarde").WithMessage("Soort is 'privaat' of 'publiek'.");
        RuleFor(v => v.Netwerken).Must(n => n!.Count <= 2).When(v => v.Netwerken is not null).WithErrorCode("te-veel");
        RuleForEach(v => v.Netwerken).NotEmpty().Must(n => Enum.TryParse<Netwerk>(n, ignoreCase: true, out _)).WithErrorCode("onbekende-waarde")
            .WithMessage("Een netwerk is 'dnz' of 'slw'.");
        RuleFor(v => v.Reden).MaximumLength(2000);
    }
}

/// <summary>Who may change an employer: the employer itself and the beheerder; no one once it left the KvK register.</summary>
public static class Werkgeverregels
{
    public static Weigering? MagWijzigen(Werkgever werkgever, Gebruiker door)
    {
        if (door.IsWerkgever && !door.IsWerkgeverVan(werkgever.KvkNummer))
            return Weigering.NietToegestaan("andere-werkgever", "Een werkgever wijzigt alleen zijn eigen gegevens.");
        if (!door.IsWerkgever && !door.IsBeheerder)
            return Weigering.NietToegestaan("rol", "Alleen de werkgever zelf en de beheerder wijzigen een werkgever.");
        return null;
    }

    public static Weigering? MoetActiefZijn(Werkgever werkgever) => werkgever.Status switch
    {
        Werkgeverstatus.Actief => null,
        Werkgeverstatus.Opgegaan => Weigering.Conflict("werkgever-niet-actief", $"Deze werkgever is opgegaan in KvK-nummer {werkgever.OpgegaanIn}."),
        _ => Weigering.Conflict("werkgever-niet-actief", "Deze werkgever is uitgeschreven bij de KvK."),
    };

    public static IResult? Kvkfout(string kvkNummer) => Formaten.KvkNummer().IsMatch(kvkNummer)
        ? null
        : Problemen.Ongeldig([new OngeldigeParameter("kvkNummer", "ongeldig-formaat", "Een KvK-nummer bestaat uit precies 8 cijfers.")]);
}

public static class WerkgeverWijzigen
{
    /// <summary>The command, for the API and the employer's page alike.</summary>
    public static Task<Schrijfuitkomst> Uitvoeren(Schrijver schrijver, Opdrachtcontext context, string kvkNummer, WerkgeverWijzigenVerzoek verzoek, Klok klok) =>
        schrijver.Wijzig(context, new Wijzigopdracht<Werkgever, WerkgeverWijzigenVerzoek>(Werkgever.StreamId(kvkNummer), verzoek)
        {
            VersieInBody = verzoek?.Versie,
            Validator = _ => new WerkgeverWijzigenValidator(),
            Beslis = (werkgever, gegevens) => Task.FromResult(Beslis(werkgever, verzoek!, gegevens.Gebruiker, klok.GetUtcNow())),
            Antwoord = WerkgeverWeergave.Van,
            NietGevonden = $"Er is geen werkgever met KvK-nummer {kvkNummer}.",
            Reden = verzoek?.Reden,
        });

    /// <summary>Exactly the events for what changed: a name, a sector (with its soort), each network joined or left.</summary>
    public static Besluit Beslis(Werkgever werkgever, WerkgeverWijzigenVerzoek verzoek, Gebruiker door, DateTimeOffset nu)
    {
        if (Werkgeverregels.MagWijzigen(werkgever, door) is { } mag) return mag;
        if (Werkgeverregels.MoetActiefZijn(werkgever) is { } actief) return actief;

        var sector = verzoek.Sector is null ? Sectoren.Vind(werkgever.Sector) : Sectoren.Vind(verzoek.Sector);
        if (verzoek.Soort is not null && sector is not null && Enum.Parse<Werkgeversoort>(verzoek.Soort, true) != sector.Soort)
        {
            return Weigering.Ongeldig("ongeldige-invoer", "De soort past niet bij de sector.",
                new OngeldigeParameter("soort", "past-niet-bij-sector", $"Sector '{sector.Code}' is {sector.Soort.ToString().ToLowerInvariant()}."));
        }

        var gebeurtenissen = new List<object>();
        if (verzoek.Naam is { } naam && naam.Trim() != werkgever.Naam) gebeurtenissen.Add(new WerkgeverHernoemd(werkgever.Id, naam.Trim(), nu));
        if (verzoek.Sector is not null && verzoek.Sector != werkgever.Sector)
            gebeurtenissen.Add(new WerkgeverSectorGewijzigd(werkgever.Id, sector!.Code, sector.Soort, nu));
        if (verzoek.Netwerken is { } netwerken)
        {
            var gewenst = netwerken.Select(n => Enum.Parse<Netwerk>(n, true)).Distinct().ToList();
            gebeurtenissen.AddRange(gewenst.Except(werkgever.Netwerken).Order().Select(n => new WerkgeverAangeslotenBijNetwerk(werkgever.Id, n, nu)));
            gebeurtenissen.AddRange(werkgever.Netwerken.Except(gewenst).Order().Select(n => new WerkgeverUitNetwerkGetreden(werkgever.Id, n, nu)));
        }

        return gebeurtenissen.Count == 0
            ? Weigering.Conflict("geen-wijziging", "De gegevens zijn al precies zo.")
            : Besluit.Met(gebeurtenissen.ToArray());
    }
}

public static class WerkgeverWijzigenEndpoint
{
    [WolverinePost("/v1/werkgevers/{kvkNummer}/wijzigingen", OperationId = "werkgeverWijzigen")]
    [EndpointSummary("Naam, sector, soort of netwerken van een werkgever wijzigen")]
    [EndpointDescription("De werkgever zelf of de beheerder. Alleen wat gegeven is verandert, elk als eigen gebeurtenis (naam, sector met soort, " +
                         "aansluiting bij of vertrek uit DNZ of SLW). Met de versie van de werkgever (If-Match of versie).")]
    [ProducesResponseType<WerkgeverWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static async Task<IResult> Post(string kvkNummer, WerkgeverWijzigenVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok)
    {
        if (Werkgeverregels.Kvkfout(kvkNummer) is { } fout) return fout;
        return await WerkgeverWijzigen.Uitvoeren(schrijver, HttpOpdracht.Context(http), kvkNummer, verzoek, klok).AlsResultaat();
    }
}
