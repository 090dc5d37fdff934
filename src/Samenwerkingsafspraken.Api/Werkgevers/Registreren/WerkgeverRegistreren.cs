using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure;
using System.Text.RegularExpressions;
using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Npgsql;
using Samenwerkingsafspraken.Werkgevers.Vestigingen;
using Samenwerkingsafspraken.Werkgevers.Zoeken;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Werkgevers.Registreren;

/// <summary>A location by its gemeente (its region follows from it), or, as before gemeenten were known, by its region.</summary>
public sealed record VestigingVerzoek(string? Vestigingsnummer, string? Arbeidsmarktregio, string? Gemeente = null);

public sealed record WerkgeverRegistrerenVerzoek(
    string? KvkNummer,
    string? Naam,
    string? Sector,
    string? Soort,
    IReadOnlyList<string>? Netwerken,
    IReadOnlyList<VestigingVerzoek>? Vestigingen);

/// <summary>
/// The formats of identifiers. Anchored with \z, not $: in .NET '$' also matches before a final line break, and
/// "01234567\n" is not a KvK-nummer (it would name another stream).
/// </summary>
public static partial class Formaten
{
    [GeneratedRegex("^[0-9]{8}\\z")]
    public static partial Regex KvkNummer();

    [GeneratedRegex("^[0-9]{12}\\z")]
    public static partial Regex Vestigingsnummer();

    [GeneratedRegex("^[0-9]{20}\\z")]
    public static partial Regex Oin();
}

public sealed class WerkgeverRegistrerenValidator : Invoerregels<WerkgeverRegistrerenVerzoek>
{
    public WerkgeverRegistrerenValidator(Referentiekader kader, Vestigingskader? gemeenten = null)
    {
        gemeenten ??= Vestigingskader.Leeg;
        RuleFor(v => v.KvkNummer).NotEmpty().Matches(Formaten.KvkNummer())
            .WithMessage("Een KvK-nummer bestaat uit precies 8 cijfers (als tekst: voorloopnullen tellen mee).");
        RuleFor(v => v.Naam).NotEmpty().MaximumLength(200);
        RuleFor(v => v.Sector).NotEmpty().Must(s => Sectoren.Vind(s) is not null).WithErrorCode("onbekende-sector")
            .WithMessage(v => $"Onbekende sector '{v.Sector}'. Zie GET /v1/sectoren.");
        RuleFor(v => v.Soort).NotEmpty().Must(s => Enum.TryParse<Werkgeversoort>(s, ignoreCase: true, out _)).WithErrorCode("onbekende-waarde")
            .WithMessage("Soort is 'privaat' of 'publiek'.");
        RuleFor(v => v.Soort).Must((v, soort) => Sectoren.Vind(v.Sector) is not { } sector || !Enum.TryParse<Werkgeversoort>(soort, true, out var s) || sector.Soort == s)
            .WithErrorCode("past-niet-bij-sector").WithMessage(v => $"Sector '{v.Sector}' is {Sectoren.Vind(v.Sector)?.Soort.ToString().ToLowerInvariant()}.");
        RuleFor(v => v.Netwerken).Must(n => n is null || n.Count <= 2).WithErrorCode("te-veel");
        RuleForEach(v => v.Netwerken).NotEmpty().Must(n => Enum.TryParse<Netwerk>(n, ignoreCase: true, out _)).WithErrorCode("onbekende-waarde")
            .WithMessage("Een netwerk is 'dnz' of 'slw'.");
        RuleFor(v => v.Vestigingen).Must(v => v is null || v.Count <= 1000).WithErrorCode("te-veel").WithMessage("Ten hoogste 1000 vestigingen.");
        RuleFor(v => v.Vestigingen).Must(v => v is null || v.Where(x => x is not null).Select(x => x.Vestigingsnummer).Distinct().Count() == v.Count(x => x is not null))
            .WithErrorCode("dubbel").WithMessage("Elk vestigingsnummer komt één keer voor.");
        RuleForEach(v => v.Vestigingen).NotNull().WithMessage("Een vestiging is leeg.").ChildRules(vestiging =>
        {
            vestiging.RuleFor(x => x.Vestigingsnummer).NotEmpty().Matches(Formaten.Vestigingsnummer())
                .WithMessage("Een vestigingsnummer bestaat uit precies 12 cijfers.");
            vestiging.RuleFor(x => x.Arbeidsmarktregio).NotEmpty().When(x => x.Gemeente is null)
                .WithMessage("Noem de gemeente van de vestiging (of, zonder gemeente, de arbeidsmarktregio).");
            vestiging.RuleFor(x => x.Arbeidsmarktregio).Must(kader.IsGeldigeRegio)
                .WithErrorCode("onbekende-regio").WithMessage(x => $"Arbeidsmarktregio '{x.Arbeidsmarktregio}' bestaat niet.")
                .Must((x, regio) => gemeenten.RegioVan(x.Gemeente) is not { } vanGemeente || vanGemeente == regio).WithErrorCode("past-niet-bij-gemeente")
                .WithMessage(x => $"Gemeente {x.Gemeente} hoort bij {gemeenten.RegioVan(x.Gemeente)}, niet bij {x.Arbeidsmarktregio}.")
                .When(x => x.Arbeidsmarktregio is not null);
            vestiging.RuleFor(x => x.Gemeente).Vestigingsgemeente(gemeenten).When(x => x.Gemeente is not null);
        });
    }
}

public static class WerkgeverRegistreren
{
    /// <summary>The gemeenten of the locations and names that look alike are read first; then the one write path.</summary>
    public static async Task<Schrijfuitkomst> Uitvoeren(Schrijver schrijver, Opdrachtcontext context, WerkgeverRegistrerenVerzoek verzoek, Klok klok,
        IQuerySession session, NpgsqlDataSource database)
    {
        var gemeenten = await Vestigingskader.Laad(session, (verzoek?.Vestigingen ?? []).Select(v => v?.Gemeente), klok.Vandaag, context.Annulering);
        var lijkendOp = verzoek?.Naam is { Length: > 0 and <= 200 } naam && verzoek.KvkNummer is { } kvk
            ? await Werkgeverdubbels.Zoek(database, naam, kvk, context.Annulering)
            : [];
        return await schrijver.Start(context, new Startopdracht<Werkgever, WerkgeverRegistrerenVerzoek>(Werkgever.StreamId(verzoek?.KvkNummer ?? ""), verzoek)
        {
            Validator = kader => new WerkgeverRegistrerenValidator(kader, gemeenten),
            Beslis = g => Task.FromResult(Beslis(verzoek!, g.Gebruiker, klok.GetUtcNow(), gemeenten)),
            Antwoord = werkgever => WerkgeverWeergave.Van(werkgever) with { Waarschuwingen = Werkgeverdubbels.Waarschuwingen(lijkendOp, context.Gebruiker) },
            Locatie = werkgever => $"/v1/werkgevers/{werkgever.KvkNummer}",
            BestaatAl = $"Werkgever met KvK-nummer {verzoek?.KvkNummer} is al geregistreerd.",
        });
    }

    public static Besluit Beslis(WerkgeverRegistrerenVerzoek verzoek, Gebruiker door, DateTimeOffset nu, Vestigingskader? gemeenten = null)
    {
        gemeenten ??= Vestigingskader.Leeg;
        if (door.IsWerkgever && !door.IsWerkgeverVan(verzoek.KvkNummer!))
        {
            return Weigering.NietToegestaan("andere-werkgever", "Een werkgever registreert alleen zichzelf (het KvK-nummer in uw token).");
        }

        if (!door.IsWerkgever && !door.IsRegiopartij && !door.IsBeheerder)
        {
            return Weigering.NietToegestaan("rol", "Alleen een werkgever, een regiopartij of de beheerder registreert werkgevers.");
        }

        return Besluit.Met(new WerkgeverGeregistreerd(
            Werkgever.StreamId(verzoek.KvkNummer!),
            verzoek.KvkNummer!,
            verzoek.Naam!.Trim(),
            verzoek.Sector!,
            Enum.Parse<Werkgeversoort>(verzoek.Soort!, ignoreCase: true),
            (verzoek.Netwerken ?? []).Select(n => Enum.Parse<Netwerk>(n, ignoreCase: true)).Distinct().ToList(),
            (verzoek.Vestigingen ?? []).Select(v => new Vestiging(v.Vestigingsnummer!, v.Arbeidsmarktregio ?? gemeenten.RegioVan(v.Gemeente)!, v.Gemeente)).ToList(),
            nu));
    }
}

public static class WerkgeverRegistrerenEndpoint
{
    [WolverinePost("/v1/werkgevers", OperationId = "werkgeverRegistreren")]
    [EndpointSummary("Een werkgever registreren")]
    [EndpointDescription("Registreert een werkgever op zijn KvK-nummer. Een werkgever registreert alleen zichzelf; een tweede registratie van hetzelfde " +
                         "KvK-nummer is een 409. De regio van een vestiging volgt uit haar gemeente. Lijkt de naam sterk op die van een andere geregistreerde " +
                         "werkgever, dan noemt het antwoord dat onder waarschuwingen (een regiopartij of de beheerder ziet welke; een werkgever alleen dat het zo is).")]
    [ProducesResponseType<WerkgeverWeergave>(201)]
    [Problemen(400, 401, 403, 409, 422)]
    public static Task<IResult> Post(WerkgeverRegistrerenVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok, IQuerySession session,
        NpgsqlDataSource database) =>
        WerkgeverRegistreren.Uitvoeren(schrijver, HttpOpdracht.Context(http), verzoek, klok, session, database).AlsResultaat();
}
