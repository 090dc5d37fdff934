using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Referenties;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Hergebruik.Verzoeken;

public sealed record HergebruikAanvraag(Guid? BronAfspraak, string? Arbeidsmarktregio, string? Toelichting, IReadOnlyList<MaatwerkVerzoek>? VoorgesteldMaatwerk);

public sealed class HergebruikAanvraagValidator : Invoerregels<HergebruikAanvraag>
{
    public HergebruikAanvraagValidator(Referentiekader kader)
    {
        RuleFor(a => a.BronAfspraak).NotNull().NotEqual(Guid.Empty);
        RuleFor(a => a.Arbeidsmarktregio).NotEmpty().Must(kader.IsGeldigeRegio).WithErrorCode("onbekende-regio")
            .WithMessage(a => $"Arbeidsmarktregio '{a.Arbeidsmarktregio}' bestaat niet (meer).");
        RuleFor(a => a.Toelichting).MaximumLength(Grenzen.Reden);
        RuleFor(a => a.VoorgesteldMaatwerk).Must(m => m is null || m.Count <= Grenzen.Werkafspraken).WithErrorCode("te-veel");
    }
}

public static class HergebruikVerzoeken
{
    /// <param name="id">The new request's id; a time-ordered UUID when none is given (the demo data gives its own).</param>
    public static Task<Schrijfuitkomst> Uitvoeren(Schrijver schrijver, Opdrachtcontext context, HergebruikAanvraag aanvraag, Klok klok, Guid? id = null)
    {
        var nieuwId = id ?? Guid.CreateVersion7();
        return schrijver.Start(context, new Startopdracht<Hergebruikverzoek, HergebruikAanvraag>(nieuwId, aanvraag)
        {
            Validator = kader => new HergebruikAanvraagValidator(kader),
            Beslis = async g =>
            {
                var bron = aanvraag.BronAfspraak is { } bronId ? await g.Sessie.LoadAsync<Referentie>(bronId, g.Annulering) : null;
                var alOpen = bron is not null && await g.Sessie.Query<Hergebruikverzoek>().AnyAsync(v => v.BronAfspraakId == bron.Id &&
                    v.DoelArbeidsmarktregio == aanvraag.Arbeidsmarktregio && v.Status == Verzoekstatus.Open, g.Annulering);
                return Beslis(nieuwId, aanvraag, bron, alOpen, g.Kader, g.Gebruiker, klok.GetUtcNow());
            },
            Antwoord = verzoek => HergebruikverzoekWeergave.Van(verzoek, klok.GetUtcNow()),
            Locatie = verzoek => $"/v1/hergebruikverzoeken/{verzoek.Id}",
            BestaatAl = $"Er loopt al een hergebruikverzoek voor deze afspraak in {aanvraag?.Arbeidsmarktregio}.",
        });
    }

    /// <summary>
    /// An employer asks another region to adopt one of its own proven agreements, at its current version. One open
    /// request per agreement and region; the proposed tailoring must apply to the agreement's werkafspraken.
    /// </summary>
    public static Besluit Beslis(Guid id, HergebruikAanvraag aanvraag, Referentie? bron, bool alOpen, Referentiekader kader, Gebruiker door,
        DateTimeOffset nu)
    {
        if (bron is null)
        {
            return Weigering.Ongeldig("onbekende-afspraak", $"Samenwerkingsafspraak {aanvraag.BronAfspraak} bestaat niet.",
                new OngeldigeParameter("bronAfspraak", "onbekende-afspraak", "Er is geen afspraak met dit id."));
        }

        if (!door.IsWerkgeverVan(bron.KvkNummer))
        {
            return Weigering.NietToegestaan("andere-werkgever", "Een werkgever vraagt alleen hergebruik van zijn eigen afspraken.");
        }

        if (aanvraag.Arbeidsmarktregio == bron.Arbeidsmarktregio)
        {
            return Weigering.Ongeldig("eigen-regio", $"De afspraak geldt al in {bron.Arbeidsmarktregio}: vraag hergebruik in een andere regio.",
                new OngeldigeParameter("arbeidsmarktregio", "eigen-regio", "Kies een andere regio dan die van de bronafspraak."));
        }

        if (!bron.Bewezen)
        {
            var ontbreekt = bron.Bewijs.Criteria.Where(c => !c.Voldaan).Select(c => $"{c.Omschrijving}: {c.Bewijs}");
            return Weigering.Conflict("niet-bewezen", $"Alleen een bewezen afspraak wordt aangeboden voor hergebruik. Nog niet voldaan: {string.Join(" ", ontbreekt)}");
        }

        if (alOpen)
        {
            return Weigering.Conflict("al-verzocht", $"Er loopt al een hergebruikverzoek voor deze afspraak in {aanvraag.Arbeidsmarktregio}.");
        }

        var voorstellen = aanvraag.VoorgesteldMaatwerk ?? [];
        var proef = Maatwerk.PasToe(bron.Afspraak.Inhoud.Werkafspraken, voorstellen, kader, "voorgesteldMaatwerk");
        if (proef.Fouten.Count > 0)
        {
            return Weigering.Ongeldig("ongeldig-maatwerk", "Het voorgestelde maatwerk past niet op de werkafspraken van de bronafspraak.", [.. proef.Fouten]);
        }

        var afspraak = bron.Afspraak;
        return Besluit.Met(new HergebruikVerzocht(id, afspraak.Id, afspraak.Version, afspraak.Arbeidsmarktregio, afspraak.Werkgever.KvkNummer,
            afspraak.Werkgever.Naam, afspraak.Inhoud.Titel, aanvraag.Arbeidsmarktregio!,
            string.IsNullOrWhiteSpace(aanvraag.Toelichting) ? null : aanvraag.Toelichting.Trim(),
            voorstellen.Select(v => new Maatwerkvoorstel(v.VariantCode!, v.Soort!, v.Parameter, v.Waarde?.Clone(),
                v.Parameters?.ToDictionary(p => p.Key, p => p.Value.Clone()), v.Maatwerk, v.Reden!.Trim())).ToList(),
            nu));
    }
}

public static class HergebruikVerzoekenEndpoint
{
    [WolverinePost("/v1/hergebruikverzoeken", OperationId = "hergebruikVerzoeken")]
    [EndpointSummary("Hergebruik van een bewezen afspraak in een andere regio vragen")]
    [EndpointDescription("De werkgever vraagt een andere regio zijn bewezen afspraak over te nemen, eventueel met voorgesteld maatwerk. " +
                         "De regio ziet het verzoek in haar inbox, met het referentiedossier.")]
    [ProducesResponseType<HergebruikverzoekWeergave>(201)]
    [Problemen(400, 401, 403, 409, 422)]
    public static Task<IResult> Post(HergebruikAanvraag aanvraag, HttpContext http, Schrijver schrijver, Klok klok) =>
        HergebruikVerzoeken.Uitvoeren(schrijver, HttpOpdracht.Context(http), aanvraag, klok).AlsResultaat();
}
