using FluentValidation;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Vervullen;

/// <summary>How many places of one line of the werkaanbod (its sector and function) were filled. A count, never a person.</summary>
public sealed record VervuldeRegelVerzoek(string? Sector, string? Functie, int? Vervuld);

public interface IVervullingVerzoek
{
    IReadOnlyList<VervuldeRegelVerzoek>? Regels { get; }
}

public sealed record VervullingVerzoek(string? Periode, IReadOnlyList<VervuldeRegelVerzoek>? Regels, long? Versie) : IVervullingVerzoek;

public sealed record VervullingCorrectieVerzoek(string? Reden, IReadOnlyList<VervuldeRegelVerzoek>? Regels, long? Versie) : IVervullingVerzoek;

public abstract class VervullingRegels<T> : Invoerregels<T> where T : IVervullingVerzoek
{
    protected VervullingRegels()
    {
        RuleFor(v => v.Regels).NotEmpty().WithMessage("Noem per regel van het werkaanbod hoeveel plaatsen vervuld waren.")
            .Must(r => r is null || r.Count <= Grenzen.Werkaanbodregels).WithErrorCode("te-veel")
            .WithMessage($"Ten hoogste {Grenzen.Werkaanbodregels} regels.");
        RuleForEach(v => v.Regels).NotNull().WithMessage("Een regel is leeg.").ChildRules(regel =>
        {
            regel.RuleFor(r => r.Sector).NotEmpty();
            regel.RuleFor(r => r.Functie).MaximumLength(Grenzen.Functie);
            regel.RuleFor(r => r.Vervuld).NotNull().InclusiveBetween(0, Grenzen.PlaatsenPerRegel);
        });
    }
}

public sealed class VervullingValidator : VervullingRegels<VervullingVerzoek>
{
    public VervullingValidator()
    {
        RuleFor(v => v.Periode).NotEmpty().Must(p => Kwartaal.TryParse(p, out _)).WithErrorCode("ongeldig-formaat")
            .WithMessage("Een periode is een kwartaal: JJJJ-K1 tot en met JJJJ-K4, bijvoorbeeld 2025-K2.");
    }
}

public sealed class VervullingCorrectieValidator : VervullingRegels<VervullingCorrectieVerzoek>
{
    public VervullingCorrectieValidator()
    {
        RuleFor(v => v.Reden).NotEmpty().MaximumLength(Grenzen.Reden);
    }
}

public static class VervullingRegistreren
{
    public static Task<Schrijfuitkomst> Uitvoeren(Schrijver schrijver, Opdrachtcontext context, Guid id, VervullingVerzoek verzoek, Klok klok) =>
        schrijver.WijzigAfspraak(context, id, verzoek, new VervullingValidator(), verzoek?.Versie,
            (afspraak, door) => Beslis(afspraak, verzoek!, door, klok.Vandaag, klok.GetUtcNow()));

    public static Task<Schrijfuitkomst> Corrigeren(Schrijver schrijver, Opdrachtcontext context, Guid id, string periode, VervullingCorrectieVerzoek verzoek,
        Klok klok) =>
        schrijver.WijzigAfspraak(context, id, verzoek, new VervullingCorrectieValidator(), verzoek?.Versie,
            (afspraak, door) => Corrigeer(afspraak, periode, verzoek!, door, klok.GetUtcNow()), verzoek?.Reden);

    /// <summary>
    /// The filled places of a quarter, once per quarter, like results: by a party, for an agreement that is no longer a
    /// concept and states work; the quarter overlaps the term and has ended, so its figures are complete. Every line
    /// offered by the end of the quarter is reported, none more than it offered; the places offered then are recorded
    /// beside the filled ones, so that a later amendment of the werkaanbod does not rewrite the past.
    /// </summary>
    public static Besluit Beslis(Samenwerkingsafspraak afspraak, VervullingVerzoek verzoek, Gebruiker door, DateOnly vandaag, DateTimeOffset nu)
    {
        if (Toegang.AlsPartij(door, afspraak) is null) return Regels.GeenPartij(afspraak);
        if (afspraak.Status == AfspraakStatus.Concept) return Regels.NogConcept();
        if (afspraak.Inhoud.Werkaanbod.Count == 0)
        {
            return Weigering.Conflict("geen-werkaanbod", "De afspraak noemt geen werkaanbod: leg het eerst vast met een wijziging van de afspraak.");
        }

        var kwartaal = Kwartaal.Van(verzoek.Periode!);
        var looptijd = afspraak.Inhoud.Looptijd with { Einddatum = afspraak.Beeindiging?.Einddatum ?? afspraak.Inhoud.Looptijd.Einddatum };
        if (!kwartaal.Overlapt(looptijd))
        {
            return Weigering.Ongeldig("periode-buiten-looptijd", $"{kwartaal} valt buiten de looptijd ({looptijd.Startdatum} tot {looptijd.Einddatum}).",
                new OngeldigeParameter("periode", "periode-buiten-looptijd", "De periode valt buiten de looptijd van de afspraak."));
        }

        if (vandaag <= kwartaal.Eind)
        {
            return Weigering.Ongeldig("periode-niet-afgelopen", $"{kwartaal} loopt tot en met {kwartaal.Eind:yyyy-MM-dd}: registreer de vervulling daarna.",
                new OngeldigeParameter("periode", "periode-niet-afgelopen", "De vervulling gaat over een kwartaal dat voorbij is."));
        }

        if (afspraak.Vervullingen.Any(v => v.Periode == kwartaal.ToString()))
        {
            return Weigering.Conflict("periode-al-geregistreerd",
                $"Over {kwartaal} is de vervulling al geregistreerd. Corrigeer haar met POST …/vervullingen/{kwartaal}/correcties.");
        }

        return Vervullingen(afspraak, kwartaal, verzoek.Regels!) switch
        {
            ({ } regels, _) => Besluit.Met(new VervullingGeregistreerd(afspraak.Id, kwartaal.ToString(), regels, nu)),
            (_, var fouten) => Ongeldig(fouten),
        };
    }

    public static Besluit Corrigeer(Samenwerkingsafspraak afspraak, string periode, VervullingCorrectieVerzoek verzoek, Gebruiker door, DateTimeOffset nu)
    {
        if (Toegang.AlsPartij(door, afspraak) is null) return Regels.GeenPartij(afspraak);
        if (afspraak.Vervullingen.FirstOrDefault(v => v.Periode == periode) is not { } bestaand || !Kwartaal.TryParse(periode, out var kwartaal))
        {
            return Weigering.NietGevonden("periode-niet-geregistreerd", $"Over {periode} is geen vervulling geregistreerd.");
        }

        // The lines of the quarter as registered, with the places offered then: a correction changes the counts, not the offer.
        var toen = afspraak.Inhoud with
        {
            Werkaanbod = bestaand.Regels.Select(r => new Werkaanbodregel(r.Sector, r.Functie, r.VariantCode, r.Aangeboden, kwartaal.Start)).ToList(),
        };
        var (regels, fouten) = Vervullingen(afspraak with { Inhoud = toen }, kwartaal, verzoek.Regels!);
        if (regels is null) return Ongeldig(fouten);
        if (regels.SequenceEqual(bestaand.Regels)) return Weigering.Conflict("geen-wijziging", $"De vervulling over {periode} is al precies zo.");
        return Besluit.Met(new VervullingGecorrigeerd(afspraak.Id, periode, regels, verzoek.Reden!.Trim(), nu));
    }

    /// <summary>Every reported line matched to the werkaanbod offered in the quarter; every problem at once.</summary>
    private static (IReadOnlyList<Vervulling>? Regels, IReadOnlyList<OngeldigeParameter> Fouten) Vervullingen(Samenwerkingsafspraak afspraak, Kwartaal kwartaal,
        IReadOnlyList<VervuldeRegelVerzoek> gemeld)
    {
        var fouten = new List<OngeldigeParameter>();
        var aangeboden = afspraak.Inhoud.Werkaanbod.AangebodenIn(kwartaal).ToList();
        var gevonden = new Dictionary<Werkaanbodregel, int>();
        var genoemd = new HashSet<Werkaanbodregel>();
        for (var i = 0; i < gemeld.Count; i++)
        {
            var regel = gemeld[i];
            var pad = $"regels[{i}]";
            var lijn = afspraak.Inhoud.Werkaanbod.FirstOrDefault(w => w.Is(regel.Sector!, regel.Functie));
            if (lijn is null)
            {
                fouten.Add(new($"{pad}.functie", "onbekende-regel",
                    $"De afspraak biedt geen werk aan in sector '{regel.Sector}'{(Werkaanbodregels.Functie(regel.Functie) is { } f ? $" met functie '{f}'" : "")}."));
                continue;
            }

            genoemd.Add(lijn);
            if (!aangeboden.Contains(lijn))
            {
                fouten.Add(new($"{pad}.functie", "nog-niet-aangeboden", $"Het werk '{lijn}' wordt pas aangeboden vanaf {lijn.Vanaf:yyyy-MM-dd}."));
                continue;
            }

            if (!gevonden.TryAdd(lijn, regel.Vervuld!.Value))
            {
                fouten.Add(new($"{pad}.functie", "dubbel", $"Het werk '{lijn}' staat meer dan eens in de melding."));
                continue;
            }

            if (regel.Vervuld!.Value > lijn.AantalPlaatsen)
            {
                fouten.Add(new($"{pad}.vervuld", "meer-dan-aangeboden", $"Er zijn {lijn.AantalPlaatsen} plaatsen '{lijn}' aangeboden: er zijn er niet meer vervuld."));
            }
        }

        foreach (var ontbreekt in aangeboden.Where(a => !genoemd.Contains(a)))
        {
            fouten.Add(new("regels", "regel-ontbreekt", $"Meld ook hoeveel plaatsen '{ontbreekt}' vervuld waren (0 als geen)."));
        }

        return fouten.Count > 0
            ? (null, fouten)
            : (aangeboden.Select(a => new Vervulling(a.Sector, a.Functie, a.VariantCode, a.AantalPlaatsen, gevonden[a])).ToList(), []);
    }

    private static Besluit Ongeldig(IReadOnlyList<OngeldigeParameter> fouten) =>
        Weigering.Ongeldig("ongeldige-vervulling", fouten.Count == 1 ? "De melding bevat 1 fout." : $"De melding bevat {fouten.Count} fouten.", [.. fouten]);
}

public static class VervullingRegistrerenEndpoint
{
    [WolverinePost("/v1/samenwerkingsafspraken/{id}/vervullingen", OperationId = "vervullingRegistreren")]
    [EndpointSummary("De vervulling van het werkaanbod over een kwartaal registreren")]
    [EndpointDescription("Aantallen, nooit personen: per regel van het werkaanbod (sector en functie) hoeveel van de aangeboden plaatsen in het " +
                         "kwartaal vervuld waren. Eén keer per afgelopen kwartaal, door een partij van de afspraak; elke regel die dat kwartaal " +
                         "werd aangeboden, telt mee. Het aantal aangeboden plaatsen wordt erbij vastgelegd.")]
    [ProducesResponseType<SamenwerkingsafspraakWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static Task<IResult> Post(Guid id, VervullingVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok) =>
        VervullingRegistreren.Uitvoeren(schrijver, HttpOpdracht.Context(http), id, verzoek, klok).AlsResultaat();

    [WolverinePost("/v1/samenwerkingsafspraken/{id}/vervullingen/{periode}/correcties", OperationId = "vervullingCorrigeren")]
    [EndpointSummary("Een geregistreerde vervulling corrigeren")]
    [EndpointDescription("Vervangt de vervulde aantallen van een geregistreerd kwartaal, met een reden; de aangeboden plaatsen blijven die van toen " +
                         "en de oorspronkelijke registratie blijft in de historie.")]
    [ProducesResponseType<SamenwerkingsafspraakWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static Task<IResult> Corrigeer(Guid id, string periode, VervullingCorrectieVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok) =>
        VervullingRegistreren.Corrigeren(schrijver, HttpOpdracht.Context(http), id, periode, verzoek, klok).AlsResultaat();
}
