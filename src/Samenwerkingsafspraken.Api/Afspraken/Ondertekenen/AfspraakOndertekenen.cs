using Marten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Ondertekenen;

public sealed record OndertekenenVerzoek(long? Versie);

public static class AfspraakOndertekenen
{
    public static Task<Schrijfuitkomst> Uitvoeren(Schrijver schrijver, Opdrachtcontext context, Guid id, OndertekenenVerzoek verzoek, Klok klok) =>
        schrijver.WijzigAfspraak(context, id, verzoek, null, verzoek?.Versie,
            (afspraak, door) => Beslis(afspraak, door, klok.Vandaag, klok.GetUtcNow()));

    /// <summary>
    /// A required party signs the current content once. The last required signature of a concept makes it active
    /// from its start date and schedules its expiry; after an amendment, signing again confirms the new content.
    /// </summary>
    public static Besluit Beslis(Samenwerkingsafspraak afspraak, Gebruiker door, DateOnly vandaag, DateTimeOffset nu)
    {
        if (Toegang.AlsPartij(door, afspraak) is not { } partij) return Regels.GeenPartij(afspraak);
        if (!afspraak.VereisteOndertekenaars.Any(p => p.Identificatie == partij.Identificatie))
        {
            return Weigering.NietToegestaan("geen-ondertekenaar", $"{partij.Naam} is partij, maar hoeft volgens de afspraak niet te ondertekenen.");
        }

        if (afspraak.IsAfgesloten) return Regels.Afgesloten(afspraak);
        if (afspraak.IsOndertekendDoor(partij))
        {
            return Weigering.Conflict("al-ondertekend", $"{partij.Naam} heeft versie {afspraak.InhoudVersie} van de inhoud al ondertekend.");
        }

        if (afspraak.Status == AfspraakStatus.Concept && vandaag > afspraak.Inhoud.Looptijd.Einddatum)
        {
            return Weigering.Conflict("looptijd-verstreken", "De einddatum van dit concept is al voorbij: wijzig eerst de looptijd.");
        }

        var ondertekend = new AfspraakOndertekend(afspraak.Id, partij, afspraak.InhoudVersie, nu);
        var laatste = afspraak.OntbrekendeOndertekenaars.Count() == 1;
        if (!laatste || afspraak.Status != AfspraakStatus.Concept) return Besluit.Met(ondertekend);

        return Besluit.Met(ondertekend, new AfspraakGeactiveerd(afspraak.Id, afspraak.Inhoud.Looptijd.Startdatum, nu))
            .PlanVerloop(afspraak.Id, afspraak.Inhoud.Looptijd.Einddatum);
    }
}

public static class AfspraakOndertekenenEndpoint
{
    [WolverinePost("/v1/samenwerkingsafspraken/{id}/ondertekeningen", OperationId = "samenwerkingsafspraakOndertekenen")]
    [EndpointSummary("Een afspraak ondertekenen")]
    [EndpointDescription("De werkgever of een ondertekenende regiopartij ondertekent de huidige inhoud, één keer. Met de laatste vereiste " +
                         "handtekening wordt een concept actief vanaf de startdatum, en verloopt het vanzelf na de einddatum.")]
    [ProducesResponseType<SamenwerkingsafspraakWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static Task<IResult> Post(Guid id, OndertekenenVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok) =>
        AfspraakOndertekenen.Uitvoeren(schrijver, HttpOpdracht.Context(http), id, verzoek, klok).AlsResultaat();
}
