using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Gemeenten.Opvragen;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Wolverine;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Gemeenten.Verplaatsen;

public sealed record GemeenteVerplaatsenVerzoek(string? Arbeidsmarktregio, DateOnly? GeldigVanaf, string? Reden, long? Versie);

public static class Indelingsregels
{
    public static readonly DateOnly Vroegst = Infrastructure.Datumvenster.Vroegst;

    public static readonly DateOnly Laatst = Infrastructure.Datumvenster.Laatst;

    /// <summary>A date from which a change to the delineation applies: required, and in the window of every date the registry knows.</summary>
    public static void GeldigVanaf<T>(this AbstractValidator<T> regels, System.Linq.Expressions.Expression<Func<T, DateOnly?>> datum) =>
        regels.RuleFor(datum).NotNull().InclusiveBetween(Vroegst, Laatst).WithErrorCode("buiten-venster")
            .WithMessage($"Een datum {Infrastructure.Datumvenster.Omschrijving}, JJJJ-MM-DD.");

    public static Weigering? AlleenBeheerder(Gebruiker door) =>
        door.IsBeheerder ? null : Weigering.NietToegestaan("alleen-beheerder", "Alleen de beheerder wijzigt de indeling in arbeidsmarktregio's.");
}

public sealed class GemeenteVerplaatsenValidator : Invoerregels<GemeenteVerplaatsenVerzoek>
{
    public GemeenteVerplaatsenValidator(Arbeidsmarktregio? naar)
    {
        RuleFor(v => v.Arbeidsmarktregio).NotEmpty().Matches(ArbeidsmarktregiosEndpoint.CodeFormaat())
            .WithMessage("Een regiocode is AM gevolgd door twee cijfers.")
            .Must(_ => naar is not null).WithErrorCode("onbekende-regio").WithMessage(v => $"Arbeidsmarktregio {v.Arbeidsmarktregio} bestaat niet.")
            .Must((v, _) => v.GeldigVanaf is not { } d || naar!.IsGeldigOp(d)).WithErrorCode("regio-niet-geldig")
            .WithMessage(v => $"Arbeidsmarktregio {v.Arbeidsmarktregio} bestaat niet op {v.GeldigVanaf:yyyy-MM-dd}.");
        this.GeldigVanaf(v => v.GeldigVanaf);
        RuleFor(v => v.Reden).NotEmpty().MaximumLength(2000);
    }
}

public static class GemeenteVerplaatsen
{
    public static Besluit Beslis(Gemeente gemeente, Arbeidsmarktregio naar, GemeenteVerplaatsenVerzoek verzoek, Gebruiker door)
    {
        if (Indelingsregels.AlleenBeheerder(door) is { } weigering) return weigering;

        var datum = verzoek.GeldigVanaf!.Value;
        if (gemeente.RegioOp(datum) is not { } van)
            return Weigering.Conflict("gemeente-niet-geldig", $"Gemeente {gemeente.Code} bestaat niet op {datum:yyyy-MM-dd}.");
        if (van == naar.Code)
            return Weigering.Conflict("geen-wijziging", $"Gemeente {gemeente.Code} hoort op {datum:yyyy-MM-dd} al bij {naar.Code}.");

        return Besluit.Met(new GemeenteVerplaatst(gemeente.Id, van, naar.Code, datum));
    }

    /// <summary>The command as the API and the web page run it.</summary>
    public static async Task<Schrijfuitkomst> Uitvoeren(Schrijver schrijver, IQuerySession session, Opdrachtcontext context, string code,
        GemeenteVerplaatsenVerzoek? verzoek)
    {
        if (!Gemeente.CodeFormaat().IsMatch(code))
            return Weigering.OngeldigeInvoer([new OngeldigeParameter("code", "ongeldig-formaat", "Een gemeentecode is GM gevolgd door vier cijfers.")]);

        var naar = verzoek?.Arbeidsmarktregio is { } regiocode && ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(regiocode)
            ? await session.LoadAsync<Arbeidsmarktregio>(Arbeidsmarktregio.StreamId(regiocode), context.Annulering)
            : null;
        return await schrijver.Wijzig(context, new Wijzigopdracht<Gemeente, GemeenteVerplaatsenVerzoek>(Gemeente.StreamId(code), verzoek)
        {
            VersieInBody = verzoek?.Versie,
            Validator = _ => new GemeenteVerplaatsenValidator(naar),
            Beslis = (gemeente, g) => Task.FromResult(Beslis(gemeente, naar!, verzoek!, g.Gebruiker)),
            Antwoord = gemeente => GemeenteWeergave.Van(gemeente, verzoek!.GeldigVanaf!.Value,
                naar is null ? new Dictionary<string, Arbeidsmarktregio>() : new() { [naar.Code] = naar }),
            NietGevonden = $"Gemeente {code} bestaat niet.",
            Reden = verzoek?.Reden,
        });
    }
}

public static class GemeenteVerplaatsenEndpoint
{
    [WolverinePost("/v1/gemeenten/{code}/verplaatsingen", OperationId = "gemeenteVerplaatsen")]
    [EndpointSummary("Een gemeente naar een andere arbeidsmarktregio verplaatsen")]
    [EndpointDescription("Alleen de beheerder. Vanaf geldigVanaf hoort de gemeente bij de genoemde regio; een latere, al vastgelegde wijziging " +
                         "blijft staan. Met een reden en de versie van de gemeente (If-Match of versie).")]
    [ProducesResponseType<GemeenteWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static Task<IResult> Post(string code, GemeenteVerplaatsenVerzoek verzoek, HttpContext http, IQuerySession session, Schrijver schrijver) =>
        GemeenteVerplaatsen.Uitvoeren(schrijver, session, HttpOpdracht.Context(http), code, verzoek).AlsResultaat();
}
