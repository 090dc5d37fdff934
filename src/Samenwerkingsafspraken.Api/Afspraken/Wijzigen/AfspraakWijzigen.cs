using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Referentiedata;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Wijzigen;

/// <summary>The whole new content and why it changes; the employer and the region of an agreement never change.</summary>
public sealed record WijzigingVerzoek(
    string? Reden,
    string? Titel,
    string? WerkgeverContactrol,
    IReadOnlyList<RegiopartijVerzoek>? Regiopartijen,
    IReadOnlyList<WerkafspraakVerzoek>? Werkafspraken,
    IReadOnlyList<string>? Doelgroepen,
    IReadOnlyList<string>? Beroepen,
    DoelstellingenVerzoek? Doelstellingen,
    LooptijdVerzoek? Looptijd,
    long? Versie,
    IReadOnlyList<WerkaanbodVerzoek>? Werkaanbod = null) : IAfspraakinhoudVerzoek;

/// <summary>Built once; the catalogue comes with each validation (<see cref="Kadercontext"/>).</summary>
public sealed class WijzigingValidator : AfspraakinhoudRegels<WijzigingVerzoek>
{
    public static readonly WijzigingValidator Instantie = new();

    private WijzigingValidator()
    {
        RuleFor(v => v.Reden).NotEmpty().MaximumLength(Grenzen.Reden);
    }
}

public static class AfspraakWijzigen
{
    public static Task<Schrijfuitkomst> Uitvoeren(Schrijver schrijver, Opdrachtcontext context, Guid id, WijzigingVerzoek verzoek, Klok klok) =>
        schrijver.Wijzig(context, new Wijzigopdracht<Samenwerkingsafspraak, WijzigingVerzoek>(id, verzoek)
        {
            VersieInBody = verzoek?.Versie,
            Validator = _ => WijzigingValidator.Instantie,
            Beslis = (afspraak, g) => Task.FromResult(Beslis(afspraak, verzoek!, g.Kader, g.Gebruiker, klok.Vandaag, klok.GetUtcNow())),
            Antwoord = SamenwerkingsafspraakWeergave.Van,
            NietGevonden = $"Samenwerkingsafspraak {id} bestaat niet.",
            Reden = verzoek?.Reden,
        });

    /// <summary>
    /// A party amends the content: a new version with a reason. The signatures belonged to the old content, so every
    /// required party signs again. An active agreement stays active while that happens (the work goes on, under the
    /// new terms); the register shows that the new version still lacks signatures.
    /// </summary>
    public static Besluit Beslis(Samenwerkingsafspraak afspraak, WijzigingVerzoek verzoek, Referentiekader kader, Gebruiker door, DateOnly vandaag,
        DateTimeOffset nu)
    {
        if (Toegang.AlsPartij(door, afspraak) is null) return Regels.GeenPartij(afspraak);
        if (afspraak.IsAfgesloten) return Regels.Afgesloten(afspraak);

        var inhoud = verzoek.NaarInhoud(kader);
        if (Inhoudvergelijking.Gelijk(inhoud, afspraak.Inhoud))
        {
            return Weigering.Conflict("geen-wijziging", "De nieuwe inhoud is gelijk aan de huidige: er is niets te wijzigen.");
        }

        var einde = inhoud.Looptijd.Einddatum;
        if (afspraak.Status == AfspraakStatus.Actief && einde < vandaag)
        {
            return Weigering.Ongeldig("einddatum-voorbij", "Een actieve afspraak krijgt geen einddatum in het verleden: beëindig haar dan.",
                new Infrastructure.Http.OngeldigeParameter("looptijd.einddatum", "einddatum-voorbij", "De einddatum ligt voor vandaag."));
        }

        var besluit = Besluit.Met(new AfspraakGewijzigd(afspraak.Id, inhoud, verzoek.Reden!.Trim(), nu));
        return afspraak.Status == AfspraakStatus.Actief && einde != afspraak.Inhoud.Looptijd.Einddatum
            ? besluit.PlanVerloop(afspraak.Id, einde)
            : besluit;
    }
}

public static class AfspraakWijzigenEndpoint
{
    [WolverinePost("/v1/samenwerkingsafspraken/{id}/wijzigingen", OperationId = "samenwerkingsafspraakWijzigen")]
    [EndpointSummary("Een afspraak wijzigen")]
    [EndpointDescription("Een partij van de afspraak legt een nieuwe inhoud vast, met een reden. Elke vereiste partij ondertekent de nieuwe " +
                         "versie opnieuw; een actieve afspraak blijft intussen actief.")]
    [ProducesResponseType<SamenwerkingsafspraakWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static Task<IResult> Post(Guid id, WijzigingVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok) =>
        AfspraakWijzigen.Uitvoeren(schrijver, HttpOpdracht.Context(http), id, verzoek, klok).AlsResultaat();
}
