using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Referentiedata;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Hergebruik.Besluiten;

public sealed record HergebruikBesluitVerzoek(
    string? Besluit,
    IReadOnlyList<RegiopartijVerzoek>? Regiopartijen,
    LooptijdVerzoek? Looptijd,
    IReadOnlyList<MaatwerkVerzoek>? Maatwerk,
    string? Reden,
    string? Toelichting,
    long? Versie);

public static class Besluitsoorten
{
    public const string Geaccepteerd = "geaccepteerd";
    public const string GeaccepteerdMetMaatwerk = "geaccepteerdMetMaatwerk";
    public const string Afgewezen = "afgewezen";

    public static readonly IReadOnlyList<string> Alle = [Geaccepteerd, GeaccepteerdMetMaatwerk, Afgewezen];

    /// <summary>Why a region declines: a documented list, so that auditors can count them; the words say the rest.</summary>
    public static readonly IReadOnlyDictionary<string, string> Afwijzingsredenen = new Dictionary<string, string>
    {
        ["past-niet-in-regio"] = "De afspraak past niet bij de arbeidsmarkt of het beleid van de regio.",
        ["geen-capaciteit"] = "De regio heeft nu geen capaciteit (begeleiding, budget, kandidaten).",
        ["bestaande-afspraak-volstaat"] = "Er is al een afspraak met deze werkgever in de regio die volstaat.",
        ["bewijs-onvoldoende"] = "Het bewijs overtuigt de regio (nog) niet.",
        ["werkgever-niet-in-regio"] = "De werkgever heeft geen vestiging of vraag in de regio.",
        ["anders"] = "Een andere reden (zie de toelichting).",
    };
}

public sealed class HergebruikBesluitValidator : Invoerregels<HergebruikBesluitVerzoek>
{
    public HergebruikBesluitValidator()
    {
        RuleFor(b => b.Besluit).NotEmpty().Must(b => b is not null && Besluitsoorten.Alle.Contains(b)).WithErrorCode("onbekende-waarde")
            .WithMessage($"Het besluit is een van: {string.Join(", ", Besluitsoorten.Alle)}.");

        When(b => b.Besluit is Besluitsoorten.Geaccepteerd or Besluitsoorten.GeaccepteerdMetMaatwerk, () =>
        {
            RuleFor(b => b.Regiopartijen).NotEmpty().WithMessage("Noem de regiopartijen van de nieuwe afspraak in deze regio.")
                .Must(p => p is null || p.Count <= Grenzen.Regiopartijen).WithErrorCode("te-veel")
                .Must(p => p is null || p.Count == 0 || p.Any(x => x?.Ondertekent == true)).WithErrorCode("geen-ondertekenaar")
                .WithMessage("Ten minste één regiopartij ondertekent de nieuwe afspraak.");
            RuleForEach(b => b.Regiopartijen).NotNull().WithMessage("Een regiopartij is leeg.").SetValidator(new RegiopartijRegels());
            RuleFor(b => b.Looptijd).NotNull().WithMessage("Noem de looptijd van de nieuwe afspraak.").SetValidator(new LooptijdRegels()!);
        });
        When(b => b.Besluit == Besluitsoorten.Geaccepteerd, () =>
            RuleFor(b => b.Maatwerk).Must(m => m is null || m.Count == 0).WithErrorCode("maatwerk-bij-ongewijzigd")
                .WithMessage("Accepteren zoals zij is gaat zonder maatwerk; gebruik geaccepteerdMetMaatwerk."));
        When(b => b.Besluit == Besluitsoorten.GeaccepteerdMetMaatwerk, () =>
            RuleFor(b => b.Maatwerk).NotEmpty().WithMessage("Noem het maatwerk: elke wijziging van een werkafspraak met een reden."));
        When(b => b.Besluit == Besluitsoorten.Afgewezen, () =>
        {
            RuleFor(b => b.Reden).NotEmpty().Must(r => r is not null && Besluitsoorten.Afwijzingsredenen.ContainsKey(r)).WithErrorCode("onbekende-reden")
                .WithMessage($"De reden is een van: {string.Join(", ", Besluitsoorten.Afwijzingsredenen.Keys)}.");
            RuleFor(b => b.Toelichting).NotEmpty().MaximumLength(Grenzen.Reden);
        });
    }
}

public static class HergebruikBesluiten
{
    /// <param name="nieuweAfspraakId">The id of the agreement an acceptance starts; a time-ordered UUID when none is given (the demo data gives its own).</param>
    public static Task<Schrijfuitkomst> Uitvoeren(Schrijver schrijver, Opdrachtcontext context, Guid id, HergebruikBesluitVerzoek besluit, Klok klok,
        Guid? nieuweAfspraakId = null)
    {
        var nieuweId = nieuweAfspraakId ?? Guid.CreateVersion7();
        return schrijver.Wijzig(context, new Wijzigopdracht<Hergebruikverzoek, HergebruikBesluitVerzoek>(id, besluit)
        {
            VersieInBody = besluit?.Versie,
            Validator = _ => new HergebruikBesluitValidator(),
            Beslis = async (verzoek, g) =>
            {
                var bron = await Bronafspraak.OpVersie(g.Sessie, verzoek.BronAfspraakId, verzoek.BronVersie, g.Annulering);
                return Beslis(verzoek, besluit!, bron, g.Kader, nieuweId, g.Gebruiker, klok.GetUtcNow());
            },
            Antwoord = verzoek => HergebruikverzoekWeergave.Van(verzoek, klok.GetUtcNow()),
            NietGevonden = $"Hergebruikverzoek {id} bestaat niet.",
            Reden = besluit?.Toelichting,
        });
    }

    public static Task<Schrijfuitkomst> Intrekken(Schrijver schrijver, Opdrachtcontext context, Guid id, IntrekkingVerzoek verzoek, Klok klok) =>
        schrijver.Wijzig(context, new Wijzigopdracht<Hergebruikverzoek, IntrekkingVerzoek>(id, verzoek)
        {
            VersieInBody = verzoek?.Versie,
            Validator = _ => new IntrekkingValidator(),
            Beslis = (v, g) => Task.FromResult(Intrekken(v, verzoek?.Toelichting, g.Gebruiker, klok.GetUtcNow())),
            Antwoord = v => HergebruikverzoekWeergave.Van(v, klok.GetUtcNow()),
            NietGevonden = $"Hergebruikverzoek {id} bestaat niet.",
            Reden = verzoek?.Toelichting,
        });

    /// <summary>
    /// A public party of the region that was asked decides. Accepting starts a new agreement in this region, as a
    /// concept ready for signing, that records its origin (source agreement and version) and every local difference.
    /// </summary>
    public static Besluit Beslis(Hergebruikverzoek verzoek, HergebruikBesluitVerzoek besluit, Samenwerkingsafspraak bronOpVersie, Referentiekader kader,
        Guid nieuweAfspraakId, Gebruiker door, DateTimeOffset nu)
    {
        if (!door.IsRegiopartijVan(verzoek.DoelArbeidsmarktregio))
        {
            return Weigering.NietToegestaan("andere-regio", $"Alleen een regiopartij van {verzoek.DoelArbeidsmarktregio} beslist over dit verzoek.");
        }

        if (!verzoek.IsOpen)
        {
            return Weigering.Conflict("al-beslist", $"Over dit verzoek is al beslist (status {verzoek.Status.ToString().ToLowerInvariant()}).");
        }

        var partij = new Partij(Partijrol.Regiopartij, door.Oin ?? door.Id, door.Organisatienaam ?? door.Naam ?? door.Oin ?? door.Id);
        if (besluit.Besluit == Besluitsoorten.Afgewezen)
        {
            return Besluit.Met(new HergebruikAfgewezen(verzoek.Id, besluit.Reden!, besluit.Toelichting!.Trim(), partij, nu));
        }

        var maatwerk = Maatwerk.PasToe(bronOpVersie.Inhoud.Werkafspraken, besluit.Maatwerk ?? [], kader);
        var fouten = (maatwerk.Fouten.Count > 0 ? maatwerk.Fouten : Maatwerk.ControleerTegenCatalogus(maatwerk.Werkafspraken, kader)).ToArray();
        if (fouten.Length > 0)
        {
            return Weigering.Ongeldig("ongeldig-maatwerk", "Het maatwerk past niet, of de werkafspraken passen niet meer op de catalogus.", fouten);
        }

        var inhoud = bronOpVersie.Inhoud with
        {
            Regiopartijen = besluit.Regiopartijen!.Select(p => new Regiopartij(p.Oin!, p.Naam!.Trim(), Enum.Parse<Partijsoort>(p.Soort!, true),
                p.Ondertekent ?? false, string.IsNullOrWhiteSpace(p.Contactrol) ? null : p.Contactrol.Trim())).ToList(),
            Werkafspraken = maatwerk.Werkafspraken,
            Looptijd = new Looptijd(besluit.Looptijd!.Startdatum!.Value, besluit.Looptijd.Einddatum!.Value),

            // Places offered are the source region's: the adopting region states its own werkaanbod by amendment.
            Werkaanbod = [],
        };
        var herkomst = new Herkomst(bronOpVersie.Id, verzoek.BronVersie, bronOpVersie.Arbeidsmarktregio, verzoek.Id);

        return Besluit.Met(new HergebruikGeaccepteerd(verzoek.Id, nieuweAfspraakId, maatwerk.Verschillen, partij, nu))
            .EnStart<Samenwerkingsafspraak>(nieuweAfspraakId,
                new AfspraakOvergenomen(nieuweAfspraakId, bronOpVersie.Werkgever, verzoek.DoelArbeidsmarktregio, inhoud, herkomst, maatwerk.Verschillen, nu));
    }

    /// <summary>The withdrawal by the employer who asked, while the request is open.</summary>
    public static Besluit Intrekken(Hergebruikverzoek verzoek, string? toelichting, Gebruiker door, DateTimeOffset nu)
    {
        if (!door.IsWerkgeverVan(verzoek.KvkNummer)) return Weigering.NietToegestaan("andere-werkgever", "Alleen de werkgever die het vroeg, trekt het verzoek in.");
        if (!verzoek.IsOpen)
        {
            return Weigering.Conflict("al-beslist", $"Het verzoek is niet meer open (status {verzoek.Status.ToString().ToLowerInvariant()}).");
        }

        return Besluit.Met(new HergebruikIngetrokken(verzoek.Id, string.IsNullOrWhiteSpace(toelichting) ? null : toelichting.Trim(), nu));
    }
}

public sealed record IntrekkingVerzoek(string? Toelichting, long? Versie);

public sealed class IntrekkingValidator : Invoerregels<IntrekkingVerzoek>
{
    public IntrekkingValidator()
    {
        RuleFor(v => v.Toelichting).MaximumLength(Grenzen.Reden);
    }
}

public static class HergebruikBesluitenEndpoint
{
    [WolverinePost("/v1/hergebruikverzoeken/{id}/besluit", OperationId = "hergebruikBesluiten")]
    [EndpointSummary("Over een hergebruikverzoek beslissen")]
    [EndpointDescription("Een regiopartij van de gevraagde regio accepteert de afspraak zoals zij is (geaccepteerd), met maatwerk " +
                         "(geaccepteerdMetMaatwerk: elke wijziging van een werkafspraak met een reden), of wijst haar af met een reden uit de lijst " +
                         "en een toelichting. Accepteren start een nieuwe afspraak (concept) in deze regio die haar herkomst vastlegt.")]
    [ProducesResponseType<HergebruikverzoekWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static Task<IResult> Post(Guid id, HergebruikBesluitVerzoek besluit, HttpContext http, Schrijver schrijver, Klok klok) =>
        HergebruikBesluiten.Uitvoeren(schrijver, HttpOpdracht.Context(http), id, besluit, klok).AlsResultaat();
    [WolverinePost("/v1/hergebruikverzoeken/{id}/intrekking", OperationId = "hergebruikverzoekIntrekken")]
    [EndpointSummary("Een open hergebruikverzoek intrekken")]
    [ProducesResponseType<HergebruikverzoekWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static Task<IResult> Intrekken(Guid id, IntrekkingVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok) =>
        HergebruikBesluiten.Intrekken(schrijver, HttpOpdracht.Context(http), id, verzoek, klok).AlsResultaat();
}

/// <summary>The source agreement as it was at the version that was asked for, rebuilt from its events.</summary>
public static class Bronafspraak
{
    public static async Task<Samenwerkingsafspraak> OpVersie(IQuerySession session, Guid id, long versie, CancellationToken cancellation)
    {
        var gebeurtenissen = await session.Events.FetchStreamAsync(id, versie, token: cancellation);
        return Schrijver.Evolueer<Samenwerkingsafspraak>(null, gebeurtenissen.Select(e => e.Data).ToList(), 0);
    }
}
