using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Gemeenten.Opvragen;
using Samenwerkingsafspraken.Gemeenten.Verplaatsen;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.MultiStreamWriting;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Gemeenten.Herindelen;

/// <summary>
/// A herindeling: the gemeenten in <see cref="Opgeheven"/> end and go into <see cref="Code"/>, a new gemeente (then
/// naam, and provincie and arbeidsmarktregio unless all the old ones share them) or an existing one that takes them in.
/// </summary>
public sealed record GemeentenHerindelenVerzoek(
    string? Code, string? Naam, string? Provincie, string? Arbeidsmarktregio, DateOnly? GeldigVanaf, IReadOnlyList<string>? Opgeheven, string? Reden);

/// <summary>What a herindeling is checked against, loaded in one batch: the gemeente it names, the ones that end, the region.</summary>
public sealed record Herindelingskader(Gemeente? Bestaand, IReadOnlyDictionary<string, Gemeente> Opgeheven, Arbeidsmarktregio? Regio)
{
    public static async Task<Herindelingskader> Laad(IQuerySession session, GemeentenHerindelenVerzoek? verzoek, CancellationToken cancellation)
    {
        var codes = (verzoek?.Opgeheven ?? []).Where(c => c is not null && Gemeente.CodeFormaat().IsMatch(c)).Distinct().ToList();
        var batch = session.CreateBatchQuery();
        var bestaand = verzoek?.Code is { } code && Gemeente.CodeFormaat().IsMatch(code)
            ? batch.Load<Gemeente>(Gemeente.StreamId(code))
            : Task.FromResult<Gemeente?>(null);
        var opgeheven = batch.LoadMany<Gemeente>().ById(codes.Select(Gemeente.StreamId).ToArray());
        var regio = verzoek?.Arbeidsmarktregio is { } r && ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(r)
            ? batch.Load<Arbeidsmarktregio>(Arbeidsmarktregio.StreamId(r))
            : Task.FromResult<Arbeidsmarktregio?>(null);
        await batch.Execute(cancellation);
        return new Herindelingskader(await bestaand, (await opgeheven).ToDictionary(g => g.Code), await regio);
    }

    /// <summary>What all the old gemeenten had in common on the day before, when the request leaves it out.</summary>
    public T? Gemeenschappelijk<T>(DateOnly datum, Func<Gemeente, DateOnly, T?> waarde) where T : class
    {
        var waarden = Opgeheven.Values.Select(g => waarde(g, datum.AddDays(-1))).Distinct().ToList();
        return waarden is [{ } enige] ? enige : null;
    }
}

public sealed class GemeentenHerindelenValidator : Invoerregels<GemeentenHerindelenVerzoek>
{
    public GemeentenHerindelenValidator(Herindelingskader kader)
    {
        RuleFor(v => v.Code).NotEmpty().Matches(Gemeente.CodeFormaat()).WithMessage("Een gemeentecode is GM gevolgd door vier cijfers.");
        this.GeldigVanaf(v => v.GeldigVanaf);
        RuleFor(v => v.Reden).NotEmpty().MaximumLength(2000);
        RuleFor(v => v.Naam).MaximumLength(100);
        RuleFor(v => v.Naam).NotEmpty().When(_ => kader.Bestaand is null).WithMessage("Een nieuwe gemeente heeft een naam.");
        RuleFor(v => v.Provincie).Must(p => Provincies.Vind(p) is not null).When(v => v.Provincie is not null).WithErrorCode("onbekende-provincie")
            .WithMessage($"Een provincie is een CBS-code: {string.Join(", ", Provincies.Alle.Select(p => p.Code))}.");
        RuleFor(v => v.Provincie).NotEmpty()
            .When(v => kader.Bestaand is null && v.GeldigVanaf is { } d && kader.Gemeenschappelijk(d, (g, dag) => g.ProvincieOp(dag)) is null)
            .WithMessage("De opgeheven gemeenten liggen niet in één provincie: noem de provincie van de nieuwe gemeente.");
        RuleFor(v => v.Arbeidsmarktregio).NotEmpty()
            .When(v => kader.Bestaand is null && v.GeldigVanaf is { } d && kader.Gemeenschappelijk(d, (g, dag) => g.RegioOp(dag)) is null)
            .WithMessage("De opgeheven gemeenten hoorden niet bij één regio: noem de arbeidsmarktregio van de nieuwe gemeente.");
        RuleFor(v => v.Arbeidsmarktregio).Must(_ => kader.Regio is not null)
            .WithErrorCode("onbekende-regio").WithMessage(v => $"Arbeidsmarktregio {v.Arbeidsmarktregio} bestaat niet.")
            .Must((v, _) => v.GeldigVanaf is not { } d || kader.Regio!.IsGeldigOp(d)).WithErrorCode("regio-niet-geldig")
            .WithMessage(v => $"Arbeidsmarktregio {v.Arbeidsmarktregio} bestaat niet op {v.GeldigVanaf:yyyy-MM-dd}.")
            .When(v => v.Arbeidsmarktregio is not null);
        RuleFor(v => v.Opgeheven).NotEmpty().WithMessage("Noem de gemeenten die opgaan in de herindeling.")
            .Must(o => o!.Count <= 50).WithErrorCode("te-veel").WithMessage("Ten hoogste 50 gemeenten per herindeling.")
            .Must(o => o!.Where(c => c is not null).Distinct().Count() == o!.Count(c => c is not null)).WithErrorCode("dubbel")
            .WithMessage("Elke gemeente komt één keer voor.")
            .Must((v, o) => !o!.Contains(v.Code)).WithErrorCode("zichzelf").WithMessage("De gemeente waarin zij opgaan staat niet bij de opgeheven gemeenten.");
        RuleForEach(v => v.Opgeheven).NotEmpty().Matches(Gemeente.CodeFormaat()).WithMessage("Een gemeentecode is GM gevolgd door vier cijfers.")
            .Must(c => kader.Opgeheven.ContainsKey(c!)).WithErrorCode("onbekende-gemeente").WithMessage((_, c) => $"Gemeente {c} bestaat niet.");
    }
}

public static class GemeentenHerindelen
{
    public static Meerstroombesluit Beslis(GemeentenHerindelenVerzoek verzoek, Herindelingskader kader, Gebruiker door)
    {
        if (Indelingsregels.AlleenBeheerder(door) is { } weigering) return weigering;

        var datum = verzoek.GeldigVanaf!.Value;
        var code = verzoek.Code!;
        var nietGeldig = kader.Opgeheven.Values.Where(g => g.GeldigTot is not null || !g.IsGeldigOp(datum.AddDays(-1))).Select(g => g.Code).Order().ToList();
        if (nietGeldig.Count > 0)
            return Weigering.Conflict("gemeente-niet-geldig",
                $"Deze gemeenten bestaan niet tot en met {datum.AddDays(-1):yyyy-MM-dd}, of zijn al opgeheven: {string.Join(", ", nietGeldig)}.");

        var wijzigingen = new List<Stroomwijziging>();
        if (kader.Bestaand is { } bestaand)
        {
            if (!bestaand.IsGeldigOp(datum))
                return Weigering.Conflict("gemeente-niet-geldig", $"Gemeente {code} bestaat niet op {datum:yyyy-MM-dd}.");

            var gebeurtenissen = new List<object> { new GemeenteUitgebreid(bestaand.Id, kader.Opgeheven.Keys.Order().ToList(), datum) };
            if (verzoek.Naam is { } naam && naam.Trim() != bestaand.NaamOp(datum)) gebeurtenissen.Add(new GemeenteHernoemd(bestaand.Id, naam.Trim(), datum));
            if (Provincies.Vind(verzoek.Provincie) is { } provincie && provincie != bestaand.ProvincieOp(datum))
                gebeurtenissen.Add(new GemeenteProvincieGewijzigd(bestaand.Id, provincie, datum));
            if (kader.Regio is { } regio && regio.Code != bestaand.RegioOp(datum))
                gebeurtenissen.Add(new GemeenteVerplaatst(bestaand.Id, bestaand.RegioOp(datum)!, regio.Code, datum));
            wijzigingen.Add(Stroomwijziging.Bij(bestaand, gebeurtenissen.ToArray()));
        }
        else
        {
            var provincie = Provincies.Vind(verzoek.Provincie) ?? kader.Gemeenschappelijk(datum, (g, dag) => g.ProvincieOp(dag))!;
            var regio = kader.Regio?.Code ?? kader.Gemeenschappelijk(datum, (g, dag) => g.RegioOp(dag))!;
            var id = Gemeente.StreamId(code);
            wijzigingen.Add(Stroomwijziging.Nieuw<Gemeente>(id,
                new GemeenteVastgesteld(id, code, verzoek.Naam!.Trim(), provincie, regio, datum, kader.Opgeheven.Keys.Order().ToList())));
        }

        wijzigingen.AddRange(kader.Opgeheven.Values.OrderBy(g => g.Code).Select(g => Stroomwijziging.Bij(g, new GemeenteOpgeheven(g.Id, datum, code))));
        return Meerstroombesluit.Met(wijzigingen);
    }

    /// <summary>The command as the API and the web page run it: a new gemeente answers 201, an existing one that takes the others in 200.</summary>
    public static async Task<Schrijfuitkomst> Uitvoeren(Meerstroomschrijver schrijver, IQuerySession session, Opdrachtcontext context,
        GemeentenHerindelenVerzoek? verzoek)
    {
        var kader = await Herindelingskader.Laad(session, verzoek, context.Annulering);
        return await schrijver.Schrijf(context, new Meerstroomopdracht<GemeentenHerindelenVerzoek>(verzoek)
        {
            Validator = new GemeentenHerindelenValidator(kader),
            Beslis = (_, _) => Task.FromResult((Beslis(verzoek!, kader, context.Gebruiker), (long?)null)),
            Antwoord = async (lezen, annulering) =>
            {
                var gemeente = (await lezen.LoadAsync<Gemeente>(Gemeente.StreamId(verzoek!.Code!), annulering))!;
                var regios = await GemeentenOpvragen.Regios(lezen, annulering);
                var weergave = GemeenteWeergave.Van(gemeente, verzoek.GeldigVanaf!.Value, regios);
                return kader.Bestaand is null
                    ? Meerstroomantwoord.Nieuw(gemeente.Version, $"/v1/gemeenten/{gemeente.Code}", weergave)
                    : Meerstroomantwoord.Ok(gemeente.Version, weergave);
            },
            Reden = verzoek?.Reden,
        });
    }
}

public static class GemeentenHerindelenEndpoint
{
    [ZonderIdempotencyKey]
    [WolverinePost("/v1/gemeenten/herindelingen", OperationId = "gemeentenHerindelen")]
    [EndpointSummary("Gemeenten herindelen")]
    [EndpointDescription("Alleen de beheerder. De opgeheven gemeenten bestaan tot geldigVanaf en gaan op in de gemeente met code: een nieuwe " +
                         "(201, met naam; provincie en arbeidsmarktregio als de oude gemeenten die niet delen) of een bestaande die hen opneemt (200). " +
                         "Alles in één keer: een gelijktijdige wijziging van een van de gemeenten is een 409.")]
    [ProducesResponseType<GemeenteWeergave>(201)]
    [ProducesResponseType<GemeenteWeergave>(200)]
    [Problemen(400, 401, 403, 409)]
    public static Task<IResult> Post(GemeentenHerindelenVerzoek verzoek, HttpContext http, IQuerySession session, Meerstroomschrijver schrijver) =>
        GemeentenHerindelen.Uitvoeren(schrijver, session, HttpOpdracht.Context(http), verzoek).AlsResultaat();
}
