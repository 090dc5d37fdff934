using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Gemeenten.Opvragen;
using Samenwerkingsafspraken.Gemeenten.Verplaatsen;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.MultiStreamWriting;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Wolverine;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Arbeidsmarktregios.Beheren;

public sealed record RegioVaststellenVerzoek(string? Code, string? Naam, DateOnly? GeldigVanaf, string? Reden);

public sealed record RegioHernoemenVerzoek(string? Naam, DateOnly? GeldigVanaf, string? Reden, long? Versie);

public sealed record CentrumgemeenteAanwijzenVerzoek(string? Gemeente, DateOnly? GeldigVanaf, string? Reden, long? Versie);

public sealed record RegioOpheffenVerzoek(string? Opvolger, DateOnly? GeldigVanaf, string? Reden, long? Versie);

public sealed record RegiodeelVerzoek(string? Arbeidsmarktregio, string? Naam, IReadOnlyList<string>? Gemeenten);

public sealed record RegioSplitsenVerzoek(IReadOnlyList<RegiodeelVerzoek>? Delen, DateOnly? GeldigVanaf, string? Reden, long? Versie);

public sealed record RegiosSamenvoegenVerzoek(IReadOnlyList<string>? Regios, string? Arbeidsmarktregio, string? Naam, DateOnly? GeldigVanaf, string? Reden);

internal static class Regioregels
{
    public static IRuleBuilderOptions<T, string?> Regiocode<T>(this IRuleBuilder<T, string?> regel) =>
        regel.NotEmpty().Matches(ArbeidsmarktregiosEndpoint.CodeFormaat()).WithMessage("Een regiocode is AM gevolgd door twee cijfers, bijvoorbeeld AM39.");

    public static IRuleBuilderOptions<T, string?> Regionaam<T>(this IRuleBuilder<T, string?> regel) => regel.NotEmpty().MaximumLength(100);

    public static IRuleBuilderOptions<T, string?> Reden<T>(this IRuleBuilder<T, string?> regel) => regel.NotEmpty().MaximumLength(2000);
}

public sealed class RegioVaststellenValidator : Invoerregels<RegioVaststellenVerzoek>
{
    public RegioVaststellenValidator()
    {
        RuleFor(v => v.Code).Regiocode();
        RuleFor(v => v.Naam).Regionaam();
        this.GeldigVanaf(v => v.GeldigVanaf);
        RuleFor(v => v.Reden).Reden();
    }
}

public sealed class RegioHernoemenValidator : Invoerregels<RegioHernoemenVerzoek>
{
    public RegioHernoemenValidator()
    {
        RuleFor(v => v.Naam).Regionaam();
        this.GeldigVanaf(v => v.GeldigVanaf);
        RuleFor(v => v.Reden).Reden();
    }
}

public sealed class CentrumgemeenteAanwijzenValidator : Invoerregels<CentrumgemeenteAanwijzenVerzoek>
{
    public CentrumgemeenteAanwijzenValidator(Gemeente? gemeente)
    {
        RuleFor(v => v.Gemeente).NotEmpty().Matches(Gemeente.CodeFormaat()).WithMessage("Een gemeentecode is GM gevolgd door vier cijfers.")
            .Must(_ => gemeente is not null).WithErrorCode("onbekende-gemeente").WithMessage(v => $"Gemeente {v.Gemeente} bestaat niet.");
        this.GeldigVanaf(v => v.GeldigVanaf);
        RuleFor(v => v.Reden).Reden();
    }
}

public sealed class RegioOpheffenValidator : Invoerregels<RegioOpheffenVerzoek>
{
    public RegioOpheffenValidator(string code, Regiokader kader)
    {
        RuleFor(v => v.Opvolger).Regiocode()
            .Must(o => o != code).WithErrorCode("zichzelf").WithMessage("Een regio is niet haar eigen opvolger.")
            .Must(o => kader.Regio(o) is not null).WithErrorCode("onbekende-regio").WithMessage(v => $"Arbeidsmarktregio {v.Opvolger} bestaat niet.");
        this.GeldigVanaf(v => v.GeldigVanaf);
        RuleFor(v => v.Reden).Reden();
    }
}

public sealed class RegioSplitsenValidator : Invoerregels<RegioSplitsenVerzoek>
{
    public RegioSplitsenValidator(string code, Regiokader kader)
    {
        RuleFor(v => v.Delen).NotEmpty().WithMessage("Noem de delen waarin de regio opgaat.")
            .Must(d => d!.Count <= 10).WithErrorCode("te-veel").WithMessage("Ten hoogste 10 delen.")
            .Must(d => d!.Where(x => x?.Arbeidsmarktregio is not null).GroupBy(x => x.Arbeidsmarktregio).All(g => g.Count() == 1))
            .WithErrorCode("dubbel").WithMessage("Elke regio komt één keer voor.")
            .Must(d => d!.Where(x => x?.Gemeenten is not null).SelectMany(x => x.Gemeenten!).GroupBy(g => g).All(g => g.Count() == 1))
            .WithErrorCode("dubbel").WithMessage("Elke gemeente gaat naar één deel.");
        // Every part's problems at once: a rule over a list otherwise stops at the first part that fails.
        RuleForEach(v => v.Delen).Cascade(CascadeMode.Continue).NotNull().WithMessage("Een deel is leeg.").ChildRules(deel =>
        {
            deel.RuleFor(d => d.Arbeidsmarktregio).Regiocode()
                .Must(r => r != code).WithErrorCode("zichzelf").WithMessage("Een deel is een andere regio dan de regio die splitst.");
            deel.RuleFor(d => d.Naam).NotEmpty().WithMessage(d => $"Arbeidsmarktregio {d.Arbeidsmarktregio} is nieuw: geef haar een naam.")
                .MaximumLength(100).When(d => kader.Regio(d.Arbeidsmarktregio) is null);
            deel.RuleFor(d => d.Gemeenten).NotEmpty().WithMessage("Noem de gemeenten van dit deel.")
                .Must(g => g is null || g.Count <= 100).WithErrorCode("te-veel").WithMessage("Ten hoogste 100 gemeenten per deel.");
            deel.RuleForEach(d => d.Gemeenten).NotEmpty().Matches(Gemeente.CodeFormaat()).WithMessage("Een gemeentecode is GM gevolgd door vier cijfers.")
                .Must(g => kader.Gemeente(g) is not null).WithErrorCode("onbekende-gemeente").WithMessage((_, g) => $"Gemeente {g} bestaat niet.");
        });
        this.GeldigVanaf(v => v.GeldigVanaf);
        RuleFor(v => v.Reden).Reden();
    }
}

public sealed class RegiosSamenvoegenValidator : Invoerregels<RegiosSamenvoegenVerzoek>
{
    public RegiosSamenvoegenValidator(Regiokader kader)
    {
        RuleFor(v => v.Regios).NotEmpty().WithMessage("Noem de regio's die samengaan.")
            .Must(r => r!.Count <= 10).WithErrorCode("te-veel").WithMessage("Ten hoogste 10 regio's.")
            .Must(r => r!.Where(x => x is not null).Distinct().Count() == r!.Count(x => x is not null)).WithErrorCode("dubbel")
            .WithMessage("Elke regio komt één keer voor.")
            .Must((v, r) => !r!.Contains(v.Arbeidsmarktregio)).WithErrorCode("zichzelf").WithMessage("De regio waarin zij samengaan staat niet bij de regio's die eindigen.");
        RuleForEach(v => v.Regios).Regiocode()
            .Must(r => kader.Regio(r) is not null).WithErrorCode("onbekende-regio").WithMessage((_, r) => $"Arbeidsmarktregio {r} bestaat niet.");
        RuleFor(v => v.Arbeidsmarktregio).Regiocode();
        RuleFor(v => v.Naam).NotEmpty().WithMessage(v => $"Arbeidsmarktregio {v.Arbeidsmarktregio} is nieuw: geef haar een naam.")
            .MaximumLength(100).When(v => kader.Regio(v.Arbeidsmarktregio) is null);
        this.GeldigVanaf(v => v.GeldigVanaf);
        RuleFor(v => v.Reden).Reden();
    }
}

/// <summary>The commands on regions as the API and the web pages run them.</summary>
public static class RegiosBeheren
{
    public static Task<Schrijfuitkomst> Vaststellen(Schrijver schrijver, Opdrachtcontext context, RegioVaststellenVerzoek? verzoek) =>
        schrijver.Start(context, new Startopdracht<Arbeidsmarktregio, RegioVaststellenVerzoek>(Arbeidsmarktregio.StreamId(verzoek?.Code ?? ""), verzoek)
        {
            Validator = _ => new RegioVaststellenValidator(),
            Beslis = g => Task.FromResult(Regioherindeling.Vaststellen(verzoek!.Code!, verzoek.Naam!, verzoek.GeldigVanaf!.Value, g.Gebruiker)),
            Antwoord = regio => ArbeidsmarktregioWeergave.Van(regio, regio.GeldigVanaf, []),
            Locatie = regio => $"/v1/arbeidsmarktregios/{regio.Code}",
            BestaatAl = $"Arbeidsmarktregio {verzoek?.Code} bestaat al; een CBS-code wordt niet hergebruikt.",
            Reden = verzoek?.Reden,
        });

    public static async Task<Schrijfuitkomst> Centrumgemeente(Schrijver schrijver, IQuerySession session, Opdrachtcontext context, string code,
        CentrumgemeenteAanwijzenVerzoek? verzoek)
    {
        if (!ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(code)) return Codefout();
        var gemeente = verzoek?.Gemeente is { } g && Gemeente.CodeFormaat().IsMatch(g)
            ? await session.LoadAsync<Gemeente>(Gemeente.StreamId(g), context.Annulering)
            : null;
        return await schrijver.Wijzig(context, new Wijzigopdracht<Arbeidsmarktregio, CentrumgemeenteAanwijzenVerzoek>(Arbeidsmarktregio.StreamId(code), verzoek)
        {
            VersieInBody = verzoek?.Versie,
            Validator = _ => new CentrumgemeenteAanwijzenValidator(gemeente),
            Beslis = (regio, b) => Task.FromResult(Regioherindeling.CentrumgemeenteAanwijzen(regio, gemeente!, verzoek!.GeldigVanaf!.Value, b.Gebruiker)),
            Antwoord = regio => ArbeidsmarktregioWeergave.Van(regio, verzoek!.GeldigVanaf!.Value, []),
            NietGevonden = $"Arbeidsmarktregio {code} bestaat niet.",
            Reden = verzoek?.Reden,
        });
    }

    public static Task<Schrijfuitkomst> Hernoemen(Schrijver schrijver, Opdrachtcontext context, string code, RegioHernoemenVerzoek? verzoek)
    {
        if (!ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(code)) return Task.FromResult<Schrijfuitkomst>(Codefout());
        return schrijver.Wijzig(context, new Wijzigopdracht<Arbeidsmarktregio, RegioHernoemenVerzoek>(Arbeidsmarktregio.StreamId(code), verzoek)
        {
            VersieInBody = verzoek?.Versie,
            Validator = _ => new RegioHernoemenValidator(),
            Beslis = (regio, g) => Task.FromResult(Regioherindeling.Hernoemen(regio, verzoek!.Naam!, verzoek.GeldigVanaf!.Value, g.Gebruiker)),
            Antwoord = regio => ArbeidsmarktregioWeergave.Van(regio, verzoek!.GeldigVanaf!.Value, []),
            NietGevonden = $"Arbeidsmarktregio {code} bestaat niet.",
            Reden = verzoek?.Reden,
        });
    }

    public static async Task<Schrijfuitkomst> Opheffen(Meerstroomschrijver schrijver, IQuerySession session, Opdrachtcontext context, string code,
        RegioOpheffenVerzoek? verzoek)
    {
        if (!ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(code)) return Codefout();
        var kader = await Regiokader.Laad(session, [code, verzoek?.Opvolger], [], context.Annulering);
        return await schrijver.Schrijf(context, new Meerstroomopdracht<RegioOpheffenVerzoek>(verzoek)
        {
            Validator = new RegioOpheffenValidator(code, kader),
            VersieVereist = true,
            VersieInBody = verzoek?.Versie,
            Beslis = (_, _) => Task.FromResult(kader.Regio(code) is { } regio
                ? (Regioherindeling.Samenvoegen([regio], verzoek!.Opvolger!, null, verzoek.GeldigVanaf!.Value, kader, context.Gebruiker), regio.Version)
                : ((Meerstroombesluit)Weigering.NietGevonden("niet-gevonden", $"Arbeidsmarktregio {code} bestaat niet."), (long?)null)),
            Antwoord = (lezen, annulering) => Regio(lezen, code, verzoek!.GeldigVanaf!.Value, nieuw: false, annulering),
            Reden = verzoek?.Reden,
        });
    }

    public static async Task<Schrijfuitkomst> Splitsen(Meerstroomschrijver schrijver, IQuerySession session, Opdrachtcontext context, string code,
        RegioSplitsenVerzoek? verzoek)
    {
        if (!ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(code)) return Codefout();
        var delen = (verzoek?.Delen ?? []).Where(d => d is not null).ToList();
        var kader = await Regiokader.Laad(session, [code, .. delen.Select(d => d.Arbeidsmarktregio)], delen.SelectMany(d => d.Gemeenten ?? []),
            context.Annulering);
        return await schrijver.Schrijf(context, new Meerstroomopdracht<RegioSplitsenVerzoek>(verzoek)
        {
            Validator = new RegioSplitsenValidator(code, kader),
            VersieVereist = true,
            VersieInBody = verzoek?.Versie,
            Beslis = (_, _) => Task.FromResult(kader.Regio(code) is { } regio
                ? (Regioherindeling.Splitsen(regio, delen.Select(d => new Regioherindeling.Deel(d.Arbeidsmarktregio!, d.Naam, d.Gemeenten!)).ToList(),
                    verzoek!.GeldigVanaf!.Value, kader, context.Gebruiker), regio.Version)
                : ((Meerstroombesluit)Weigering.NietGevonden("niet-gevonden", $"Arbeidsmarktregio {code} bestaat niet."), (long?)null)),
            Antwoord = (lezen, annulering) => Regio(lezen, code, verzoek!.GeldigVanaf!.Value, nieuw: false, annulering),
            Reden = verzoek?.Reden,
        });
    }

    public static async Task<Schrijfuitkomst> Samenvoegen(Meerstroomschrijver schrijver, IQuerySession session, Opdrachtcontext context,
        RegiosSamenvoegenVerzoek? verzoek)
    {
        var kader = await Regiokader.Laad(session, [.. verzoek?.Regios ?? [], verzoek?.Arbeidsmarktregio], [], context.Annulering);
        var nieuw = kader.Regio(verzoek?.Arbeidsmarktregio) is null;
        return await schrijver.Schrijf(context, new Meerstroomopdracht<RegiosSamenvoegenVerzoek>(verzoek)
        {
            Validator = new RegiosSamenvoegenValidator(kader),
            Beslis = (_, _) => Task.FromResult((Regioherindeling.Samenvoegen(verzoek!.Regios!.Select(r => kader.Regios[r!]).ToList(), verzoek.Arbeidsmarktregio!,
                verzoek.Naam, verzoek.GeldigVanaf!.Value, kader, context.Gebruiker), (long?)null)),
            Antwoord = (lezen, annulering) => Regio(lezen, verzoek!.Arbeidsmarktregio!, verzoek.GeldigVanaf!.Value, nieuw, annulering),
            Reden = verzoek?.Reden,
        });
    }

    private static async Task<Meerstroomantwoord> Regio(IQuerySession session, string code, DateOnly datum, bool nieuw, CancellationToken annulering)
    {
        var regio = (await session.LoadAsync<Arbeidsmarktregio>(Arbeidsmarktregio.StreamId(code), annulering))!;
        var gemeenten = await GemeentenOpvragen.VanRegio(session, code, datum, annulering);
        var weergave = ArbeidsmarktregioWeergave.Van(regio, datum, gemeenten.Select(g => g.Code).ToList());
        return nieuw ? Meerstroomantwoord.Nieuw(regio.Version, $"/v1/arbeidsmarktregios/{code}", weergave) : Meerstroomantwoord.Ok(regio.Version, weergave);
    }

    private static Weigering Codefout() =>
        Weigering.OngeldigeInvoer([new OngeldigeParameter("code", "ongeldig-formaat", "Een regiocode is AM gevolgd door twee cijfers, bijvoorbeeld AM01.")]);
}

public static class RegiosBeherenEndpoint
{
    private const string AlleenBeheerder = "Alleen de beheerder. ";

    [WolverinePost("/v1/arbeidsmarktregios", OperationId = "arbeidsmarktregioVaststellen")]
    [EndpointSummary("Een nieuwe arbeidsmarktregio vaststellen")]
    [EndpointDescription(AlleenBeheerder + "Een regio met een nieuwe CBS-code (AM + twee cijfers), naam en begindatum, nog zonder gemeenten: " +
                         "verplaats die er daarna naartoe, of gebruik een samenvoeging of splitsing, die de nieuwe regio in één keer vaststelt en vult.")]
    [ProducesResponseType<ArbeidsmarktregioWeergave>(201)]
    [Problemen(400, 401, 403, 409, 422)]
    public static Task<IResult> Vaststellen(RegioVaststellenVerzoek verzoek, HttpContext http, Schrijver schrijver) =>
        RegiosBeheren.Vaststellen(schrijver, HttpOpdracht.Context(http), verzoek).AlsResultaat();
    [WolverinePost("/v1/arbeidsmarktregios/{code}/hernoemingen", OperationId = "arbeidsmarktregioHernoemen")]
    [EndpointSummary("Een arbeidsmarktregio hernoemen")]
    [EndpointDescription(AlleenBeheerder + "De regio heet vanaf geldigVanaf anders; een latere, al vastgelegde naam blijft staan.")]
    [ProducesResponseType<ArbeidsmarktregioWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static Task<IResult> Hernoemen(string code, RegioHernoemenVerzoek verzoek, HttpContext http, Schrijver schrijver) =>
        RegiosBeheren.Hernoemen(schrijver, HttpOpdracht.Context(http), code, verzoek).AlsResultaat();
    [WolverinePost("/v1/arbeidsmarktregios/{code}/centrumgemeenten", OperationId = "centrumgemeenteAanwijzen")]
    [EndpointSummary("De centrumgemeente van een arbeidsmarktregio aanwijzen")]
    [EndpointDescription(AlleenBeheerder + "Vanaf geldigVanaf is de genoemde gemeente, die dan tot de regio hoort, haar centrumgemeente. " +
                         "Het CBS-bestand noemt geen centrumgemeenten: de beheerder legt ze vast.")]
    [ProducesResponseType<ArbeidsmarktregioWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static Task<IResult> Centrumgemeente(string code, CentrumgemeenteAanwijzenVerzoek verzoek, HttpContext http, IQuerySession session,
        Schrijver schrijver) =>
        RegiosBeheren.Centrumgemeente(schrijver, session, HttpOpdracht.Context(http), code, verzoek).AlsResultaat();
    [ZonderIdempotencyKey]
    [WolverinePost("/v1/arbeidsmarktregios/{code}/opheffing", OperationId = "arbeidsmarktregioOpheffen")]
    [EndpointSummary("Een arbeidsmarktregio opheffen, met haar opvolger")]
    [EndpointDescription(AlleenBeheerder + "Vanaf geldigVanaf bestaat de regio niet meer; haar gemeenten gaan op die dag naar de opvolger. " +
                         "Haar afspraken blijven leesbaar en wijzen naar de opvolger. Met de versie van de regio (If-Match of versie).")]
    [ProducesResponseType<ArbeidsmarktregioWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 428)]
    public static Task<IResult> Opheffen(string code, RegioOpheffenVerzoek verzoek, HttpContext http, IQuerySession session, Meerstroomschrijver schrijver) =>
        RegiosBeheren.Opheffen(schrijver, session, HttpOpdracht.Context(http), code, verzoek).AlsResultaat();
    [ZonderIdempotencyKey]
    [WolverinePost("/v1/arbeidsmarktregios/{code}/splitsing", OperationId = "arbeidsmarktregioSplitsen")]
    [EndpointSummary("Een arbeidsmarktregio splitsen")]
    [EndpointDescription(AlleenBeheerder + "De gemeenten per deel gaan vanaf geldigVanaf naar dat deel: een bestaande regio of een nieuwe (met naam). " +
                         "Houdt de regio dan geen gemeenten over, dan eindigt zij met de delen als opvolgers; anders gaat zij kleiner verder. " +
                         "Met de versie van de regio (If-Match of versie).")]
    [ProducesResponseType<ArbeidsmarktregioWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 428)]
    public static Task<IResult> Splitsen(string code, RegioSplitsenVerzoek verzoek, HttpContext http, IQuerySession session, Meerstroomschrijver schrijver) =>
        RegiosBeheren.Splitsen(schrijver, session, HttpOpdracht.Context(http), code, verzoek).AlsResultaat();
    [ZonderIdempotencyKey]
    [WolverinePost("/v1/arbeidsmarktregios/samenvoegingen", OperationId = "arbeidsmarktregiosSamenvoegen")]
    [EndpointSummary("Arbeidsmarktregio's samenvoegen")]
    [EndpointDescription(AlleenBeheerder + "De genoemde regio's eindigen op geldigVanaf en al hun gemeenten gaan naar arbeidsmarktregio: een bestaande " +
                         "(200) of een nieuwe (201, met naam), die vastlegt waaruit zij voortkwam. Alles in één keer.")]
    [ProducesResponseType<ArbeidsmarktregioWeergave>(201)]
    [ProducesResponseType<ArbeidsmarktregioWeergave>(200)]
    [Problemen(400, 401, 403, 409)]
    public static Task<IResult> Samenvoegen(RegiosSamenvoegenVerzoek verzoek, HttpContext http, IQuerySession session, Meerstroomschrijver schrijver) =>
        RegiosBeheren.Samenvoegen(schrijver, session, HttpOpdracht.Context(http), verzoek).AlsResultaat();

    private static IResult Codefout() =>
        Problemen.Ongeldig([new OngeldigeParameter("code", "ongeldig-formaat", "Een regiocode is AM gevolgd door twee cijfers, bijvoorbeeld AM01.")]);
}
