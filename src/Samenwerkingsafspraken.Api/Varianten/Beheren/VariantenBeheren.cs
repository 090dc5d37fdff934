using Samenwerkingsafspraken.Infrastructure.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Marten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Varianten.Opvragen;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Varianten.Beheren;

public sealed record VariantParameterVerzoek(
    string? Naam, string? Type, bool? Verplicht, string? Omschrijving, decimal? Minimum, decimal? Maximum, int? MaximaleLengte,
    IReadOnlyList<string>? Keuzes, JsonElement? Standaard, string? Eenheid);

public interface IVariantdefinitie
{
    string? Naam { get; }
    string? Omschrijving { get; }
    string? Pijler { get; }
    IReadOnlyList<VariantParameterVerzoek>? Parameters { get; }
}

public sealed record VariantToevoegenVerzoek(string? Code, string? Naam, string? Omschrijving, string? Pijler, IReadOnlyList<VariantParameterVerzoek>? Parameters)
    : IVariantdefinitie;

public sealed record VariantWijzigenVerzoek(string? Naam, string? Omschrijving, string? Pijler, IReadOnlyList<VariantParameterVerzoek>? Parameters,
    string? Reden, long? Versie) : IVariantdefinitie;

public sealed record VariantUitfaserenVerzoek(string? Reden, long? Versie);

public static partial class Variantregels
{
    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*\\z")]
    public static partial Regex Code();

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*\\z")]
    public static partial Regex Parameternaam();

    public static VariantParameter NaarParameter(VariantParameterVerzoek p) => new(
        p.Naam!, Enum.Parse<Parametertype>(p.Type!, true), p.Verplicht ?? false, p.Omschrijving!.Trim(), p.Minimum, p.Maximum, p.MaximaleLengte,
        p.Keuzes?.ToList(), p.Standaard is { ValueKind: not JsonValueKind.Null } s ? s.Clone() : null, p.Eenheid);
}

public abstract class VariantdefinitieRegels<T> : Invoerregels<T> where T : IVariantdefinitie
{
    protected VariantdefinitieRegels()
    {
        RuleFor(v => v.Naam).NotEmpty().MaximumLength(200);
        RuleFor(v => v.Omschrijving).NotEmpty().MaximumLength(2000);
        RuleFor(v => v.Pijler).NotEmpty().Must(p => Enum.TryParse<Pijler>(p, true, out _)).WithErrorCode("onbekende-waarde")
            .WithMessage("De pijler is aanbod, vraag, route of scholing.");
        RuleFor(v => v.Parameters).Must(p => p is null || p.Count <= 30).WithErrorCode("te-veel").WithMessage("Ten hoogste 30 parameters.")
            .Must(p => p is null || p.Where(x => x?.Naam is not null).GroupBy(x => x.Naam).All(g => g.Count() == 1)).WithErrorCode("dubbel")
            .WithMessage("Elke parameternaam komt één keer voor.");
        RuleFor(v => v.Parameters).Custom((parameters, context) =>
        {
            for (var i = 0; i < (parameters?.Count ?? 0); i++) Controleer(parameters![i], $"parameters[{i}]", context);
        });
    }

    private static void Controleer(VariantParameterVerzoek? p, string pad, ValidationContext<T> context)
    {
        void Fout(string veld, string code, string reden) => context.AddFailure(new ValidationFailure($"{pad}.{veld}", reden) { ErrorCode = code });

        if (p is null)
        {
            context.AddFailure(new ValidationFailure(pad, "Een parameter is leeg.") { ErrorCode = "verplicht" });
            return;
        }

        if (string.IsNullOrWhiteSpace(p.Naam) || p.Naam.Length > 50 || !Variantregels.Parameternaam().IsMatch(p.Naam))
            Fout("naam", "ongeldig-formaat", "Een parameternaam is camelCase, ten hoogste 50 tekens, bijvoorbeeld urenPerWeek.");
        if (string.IsNullOrWhiteSpace(p.Omschrijving) || p.Omschrijving.Length > 500)
            Fout("omschrijving", "verplicht", "Omschrijf de parameter in ten hoogste 500 tekens.");
        if (p.Eenheid is { Length: > 50 }) Fout("eenheid", "te-lang", "De eenheid is ten hoogste 50 tekens.");
        if (!Enum.TryParse<Parametertype>(p.Type, true, out var type))
        {
            Fout("type", "onbekende-waarde", $"Het type is een van: {string.Join(", ", Enum.GetNames<Parametertype>().Select(JsonNamingPolicy.CamelCase.ConvertName))}.");
            return;
        }

        var numeriek = type is Parametertype.GeheelGetal or Parametertype.Decimaal;
        if (!numeriek && (p.Minimum is not null || p.Maximum is not null)) Fout("minimum", "niet-van-toepassing", "Alleen getallen hebben een minimum en maximum.");
        if (p.Minimum is { } min && p.Maximum is { } max && min > max) Fout("maximum", "kleiner-dan-minimum", "Het maximum is ten minste het minimum.");
        if (type != Parametertype.Tekst && p.MaximaleLengte is not null) Fout("maximaleLengte", "niet-van-toepassing", "Alleen tekst heeft een maximale lengte.");
        if (p.MaximaleLengte is < 1 or > 4000) Fout("maximaleLengte", "buiten-bereik", "De maximale lengte ligt tussen 1 en 4000.");
        if (type == Parametertype.Keuze && (p.Keuzes is not { Count: > 0 } || p.Keuzes.Distinct().Count() != p.Keuzes.Count || p.Keuzes.Any(k => string.IsNullOrWhiteSpace(k) || k.Length > 100)))
            Fout("keuzes", "verplicht", "Een keuze heeft een lijst van unieke keuzes van ten hoogste 100 tekens.");
        if (type != Parametertype.Keuze && p.Keuzes is not null) Fout("keuzes", "niet-van-toepassing", "Alleen een keuze heeft keuzes.");

        if (p.Standaard is { ValueKind: not JsonValueKind.Null } standaard && p.Naam is not null)
        {
            var proef = new Variant(Guid.Empty, "proef", "", "", Pijler.Route,
                [new VariantParameter(p.Naam, type, false, "", p.Minimum, p.Maximum, p.MaximaleLengte, p.Keuzes)], Variantstatus.Actief, default, null, 0);
            foreach (var fout in Parametercontrole.Controleer(proef, new Dictionary<string, JsonElement> { [p.Naam] = standaard }))
                Fout("standaard", fout.Code, $"De standaardwaarde past niet bij de parameter: {fout.Reden}");
        }
    }
}

public sealed class VariantToevoegenValidator : VariantdefinitieRegels<VariantToevoegenVerzoek>
{
    public VariantToevoegenValidator()
    {
        RuleFor(v => v.Code).NotEmpty().MaximumLength(50).Matches(Variantregels.Code())
            .WithMessage("Een variantcode is kebab-case, bijvoorbeeld externe-jobcoaching.");
    }
}

public sealed class VariantWijzigenValidator : VariantdefinitieRegels<VariantWijzigenVerzoek>
{
    public VariantWijzigenValidator()
    {
        RuleFor(v => v.Reden).NotEmpty().MaximumLength(2000);
    }
}

public sealed class VariantUitfaserenValidator : Invoerregels<VariantUitfaserenVerzoek>
{
    public VariantUitfaserenValidator()
    {
        RuleFor(v => v.Reden).NotEmpty().MaximumLength(2000);
    }
}

/// <summary>
/// The catalogue is kept by the beheerder: variants are added, changed and phased out, each an event. A change
/// applies to new agreements and amendments; existing agreements keep what they agreed. A phased-out variant can no
/// longer be agreed, but stays readable, in the catalogue and in every agreement that used it.
/// </summary>
public static class VariantenBeheren
{
    public static Task<Schrijfuitkomst> Toevoegen(Schrijver schrijver, Opdrachtcontext context, VariantToevoegenVerzoek verzoek, Klok klok) =>
        schrijver.Start(context, new Startopdracht<Variant, VariantToevoegenVerzoek>(Variant.StreamId(verzoek?.Code ?? ""), verzoek)
        {
            Validator = _ => new VariantToevoegenValidator(),
            Beslis = g => Task.FromResult(Toevoegen(verzoek!, g.Gebruiker, klok.GetUtcNow())),
            Antwoord = VariantWeergave.Van,
            Locatie = variant => $"/v1/varianten/{variant.Code}",
            BestaatAl = $"Variant '{verzoek?.Code}' staat al in de catalogus.",
        });

    public static Task<Schrijfuitkomst> Wijzigen(Schrijver schrijver, Opdrachtcontext context, string code, VariantWijzigenVerzoek verzoek, Klok klok) =>
        schrijver.Wijzig(context, new Wijzigopdracht<Variant, VariantWijzigenVerzoek>(Variant.StreamId(code), verzoek)
        {
            VersieInBody = verzoek?.Versie,
            Validator = _ => new VariantWijzigenValidator(),
            Beslis = (variant, g) => Task.FromResult(Wijzigen(variant, verzoek!, g.Gebruiker, klok.GetUtcNow())),
            Antwoord = VariantWeergave.Van,
            NietGevonden = $"Variant '{code}' bestaat niet.",
            Reden = verzoek?.Reden,
        });

    public static Task<Schrijfuitkomst> Uitfaseren(Schrijver schrijver, Opdrachtcontext context, string code, VariantUitfaserenVerzoek verzoek, Klok klok) =>
        schrijver.Wijzig(context, new Wijzigopdracht<Variant, VariantUitfaserenVerzoek>(Variant.StreamId(code), verzoek)
        {
            VersieInBody = verzoek?.Versie,
            Validator = _ => new VariantUitfaserenValidator(),
            Beslis = (variant, g) => Task.FromResult(Uitfaseren(variant, verzoek!, g.Gebruiker, klok.GetUtcNow())),
            Antwoord = VariantWeergave.Van,
            NietGevonden = $"Variant '{code}' bestaat niet.",
            Reden = verzoek?.Reden,
        });

    private static Weigering? AlleenBeheerder(Gebruiker door) =>
        door.IsBeheerder ? null : Weigering.NietToegestaan("alleen-beheerder", "Alleen de beheerder wijzigt de variantencatalogus.");

    public static Besluit Toevoegen(VariantToevoegenVerzoek verzoek, Gebruiker door, DateTimeOffset nu) =>
        AlleenBeheerder(door) ?? Besluit.Met(new VariantToegevoegd(Variant.StreamId(verzoek.Code!), verzoek.Code!, verzoek.Naam!.Trim(),
            verzoek.Omschrijving!.Trim(), Enum.Parse<Pijler>(verzoek.Pijler!, true), (verzoek.Parameters ?? []).Select(Variantregels.NaarParameter).ToList(), nu));

    public static Besluit Wijzigen(Variant variant, VariantWijzigenVerzoek verzoek, Gebruiker door, DateTimeOffset nu)
    {
        if (AlleenBeheerder(door) is { } weigering) return weigering;
        if (!variant.IsActief) return Weigering.Conflict("uitgefaseerd", $"Variant '{variant.Code}' is uitgefaseerd en verandert niet meer.");

        var gewijzigd = new VariantGewijzigd(variant.Id, verzoek.Naam!.Trim(), verzoek.Omschrijving!.Trim(), Enum.Parse<Pijler>(verzoek.Pijler!, true),
            (verzoek.Parameters ?? []).Select(Variantregels.NaarParameter).ToList(), nu);
        var gelijk = gewijzigd.Naam == variant.Naam && gewijzigd.Omschrijving == variant.Omschrijving && gewijzigd.Pijler == variant.Pijler
                     && JsonSerializer.Serialize(gewijzigd.Parameters, Json.Options) == JsonSerializer.Serialize(variant.Parameters, Json.Options);
        return gelijk ? Weigering.Conflict("geen-wijziging", "De definitie is al precies zo.") : Besluit.Met(gewijzigd);
    }

    public static Besluit Uitfaseren(Variant variant, VariantUitfaserenVerzoek verzoek, Gebruiker door, DateTimeOffset nu)
    {
        if (AlleenBeheerder(door) is { } weigering) return weigering;
        if (!variant.IsActief) return Weigering.Conflict("uitgefaseerd", $"Variant '{variant.Code}' is al uitgefaseerd.");
        return Besluit.Met(new VariantUitgefaseerd(variant.Id, verzoek.Reden!.Trim(), nu));
    }
}

public static class VariantenBeherenEndpoint
{
    [WolverinePost("/v1/varianten", OperationId = "variantToevoegen")]
    [EndpointSummary("Een variant aan de catalogus toevoegen")]
    [EndpointDescription("Alleen de beheerder. Een variant heeft een code (kebab-case), naam, omschrijving, pijler en de parameters die zij " +
                         "neemt, met type (geheelGetal, decimaal, tekst, keuze, jaNee, datum), grenzen en een standaardwaarde.")]
    [ProducesResponseType<VariantWeergave>(201)]
    [Problemen(400, 401, 403, 409, 422)]
    public static Task<IResult> Toevoegen(VariantToevoegenVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok) =>
        VariantenBeheren.Toevoegen(schrijver, HttpOpdracht.Context(http), verzoek, klok).AlsResultaat();
    [WolverinePost("/v1/varianten/{code}/wijzigingen", OperationId = "variantWijzigen")]
    [EndpointSummary("Een variant wijzigen")]
    [EndpointDescription("Alleen de beheerder: de nieuwe definitie en een reden. Geldt voor nieuwe afspraken en wijzigingen; bestaande afspraken houden wat zij afspraken.")]
    [ProducesResponseType<VariantWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static Task<IResult> Wijzigen(string code, VariantWijzigenVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok) =>
        VariantenBeheren.Wijzigen(schrijver, HttpOpdracht.Context(http), code, verzoek, klok).AlsResultaat();
    [WolverinePost("/v1/varianten/{code}/uitfasering", OperationId = "variantUitfaseren")]
    [EndpointSummary("Een variant uitfaseren")]
    [EndpointDescription("Alleen de beheerder, met een reden. Daarna kan de variant niet meer worden afgesproken; bestaande afspraken blijven leesbaar.")]
    [ProducesResponseType<VariantWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static Task<IResult> Uitfaseren(string code, VariantUitfaserenVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok) =>
        VariantenBeheren.Uitfaseren(schrijver, HttpOpdracht.Context(http), code, verzoek, klok).AlsResultaat();
}
