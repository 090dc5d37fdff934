using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Werkgevers.Registreren;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Opstellen;

public sealed record AfspraakOpstellenVerzoek(
    string? Werkgever,
    string? Arbeidsmarktregio,
    string? Titel,
    string? WerkgeverContactrol,
    IReadOnlyList<RegiopartijVerzoek>? Regiopartijen,
    IReadOnlyList<WerkafspraakVerzoek>? Werkafspraken,
    IReadOnlyList<string>? Doelgroepen,
    IReadOnlyList<string>? Beroepen,
    DoelstellingenVerzoek? Doelstellingen,
    LooptijdVerzoek? Looptijd,
    IReadOnlyList<WerkaanbodVerzoek>? Werkaanbod = null) : IAfspraakinhoudVerzoek;

/// <summary>Built once; the employer and the regions come with each validation (<see cref="Kadercontext"/>).</summary>
public sealed class AfspraakOpstellenValidator : AfspraakinhoudRegels<AfspraakOpstellenVerzoek>
{
    public static readonly AfspraakOpstellenValidator Instantie = new();

    private AfspraakOpstellenValidator()
    {
        RuleFor(v => v.Werkgever).NotEmpty().Matches(Formaten.KvkNummer()).WithMessage("De werkgever is een KvK-nummer van precies 8 cijfers.");
        RuleFor(v => v.Werkgever).Must((_, _, context) => context.Kader().Werkgever is not null)
            .When(v => v.Werkgever is not null && Formaten.KvkNummer().IsMatch(v.Werkgever))
            .WithErrorCode("onbekende-werkgever").WithMessage(v => $"Er is geen werkgever met KvK-nummer {v.Werkgever}. Registreer hem eerst (POST /v1/werkgevers).");
        RuleFor(v => v.Werkgever).Custom((_, context) =>
        {
            if (context.Kader().Werkgever is not { IsActief: false } werkgever) return;
            context.AddFailure(new FluentValidation.Results.ValidationFailure(context.PropertyPath, werkgever.OpgegaanIn is { } opvolger
                ? $"Deze werkgever is opgegaan in KvK-nummer {opvolger}: maak de afspraak met die werkgever."
                : "Deze werkgever is uitgeschreven bij de KvK.") { ErrorCode = "werkgever-niet-actief" });
        });
        RuleFor(v => v.Arbeidsmarktregio).NotEmpty().Must((_, code, context) => context.Kader().IsGeldigeRegio(code)).WithErrorCode("onbekende-regio")
            .WithMessage(v => $"Arbeidsmarktregio '{v.Arbeidsmarktregio}' bestaat niet (meer).");
    }
}

public static class AfspraakOpstellen
{
    /// <param name="id">The new agreement's id; a time-ordered UUID when none is given (the demo data gives its own, to be the same every run).</param>
    public static Task<Schrijfuitkomst> Uitvoeren(Schrijver schrijver, Opdrachtcontext context, AfspraakOpstellenVerzoek verzoek, Klok klok, Guid? id = null)
    {
        var nieuwId = id ?? Guid.CreateVersion7();
        return schrijver.Start(context, new Startopdracht<Samenwerkingsafspraak, AfspraakOpstellenVerzoek>(nieuwId, verzoek)
        {
            Werkgever = verzoek?.Werkgever,
            Validator = _ => AfspraakOpstellenValidator.Instantie,
            Beslis = g => Task.FromResult(Beslis(nieuwId, verzoek!, g.Kader, g.Gebruiker, klok.GetUtcNow())),
            Antwoord = SamenwerkingsafspraakWeergave.Van,
            Locatie = afspraak => $"/v1/samenwerkingsafspraken/{afspraak.Id}",
            BestaatAl = "Deze afspraak bestaat al.",
        });
    }

    public static Besluit Beslis(Guid id, AfspraakOpstellenVerzoek verzoek, Referentiekader kader, Gebruiker door, DateTimeOffset nu)
    {
        if (!door.IsRegiopartijVan(verzoek.Arbeidsmarktregio!))
        {
            return Weigering.NietToegestaan("andere-regio",
                $"Alleen een regiopartij van {verzoek.Arbeidsmarktregio} stelt daar afspraken op (uw token noemt: {string.Join(", ", door.Regios)}).");
        }

        var werkgever = kader.Werkgever!;
        return Besluit.Met(new AfspraakOpgesteld(
            id,
            new Werkgeverpartij(werkgever.KvkNummer, werkgever.Naam, werkgever.Sector, werkgever.Soort),
            verzoek.Arbeidsmarktregio!,
            verzoek.NaarInhoud(kader),
            nu));
    }
}

public static class AfspraakOpstellenEndpoint
{
    [WolverinePost("/v1/samenwerkingsafspraken", OperationId = "samenwerkingsafspraakOpstellen")]
    [EndpointSummary("Een samenwerkingsafspraak opstellen (concept)")]
    [EndpointDescription("Een regiopartij stelt in haar eigen regio een afspraak op met een werkgever: werkafspraken uit de variantencatalogus, " +
                         "doelgroepen, doelstellingen en looptijd. De afspraak begint als concept; elke vereiste partij ondertekent daarna.")]
    [ProducesResponseType<SamenwerkingsafspraakWeergave>(201)]
    [Problemen(400, 401, 403, 422)]
    public static Task<IResult> Post(AfspraakOpstellenVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok) =>
        AfspraakOpstellen.Uitvoeren(schrijver, HttpOpdracht.Context(http), verzoek, klok).AlsResultaat();
}
