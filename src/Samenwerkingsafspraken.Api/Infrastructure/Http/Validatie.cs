using Samenwerkingsafspraken.Infrastructure.Http;
using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace Samenwerkingsafspraken.Infrastructure.Http;

/// <summary>FluentValidation for the shape of input: every problem at once, as invalidParams with JSON paths.</summary>
public static class Validatie
{
    public static void ConfigureerGlobaal()
    {
        ValidatorOptions.Global.LanguageManager.Culture = new CultureInfo("nl");
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
    }

    public static async Task<IResult?> Controleer<T>(IValidator<T> validator, T verzoek, CancellationToken cancellation = default)
    {
        var uitkomst = await validator.ValidateAsync(verzoek, cancellation);
        return uitkomst.IsValid ? null : Problemen.Ongeldig(AlsParameters(uitkomst));
    }

    public static IReadOnlyList<OngeldigeParameter> AlsParameters(ValidationResult uitkomst) =>
        uitkomst.Errors.Select(fout => new OngeldigeParameter(Pad(fout.PropertyName), Code(fout.ErrorCode), fout.ErrorMessage)).ToList();

    private static string Pad(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(deel => deel.Length == 0 ? deel : char.ToLowerInvariant(deel[0]) + deel[1..]));

    private static string Code(string errorCode) => errorCode switch
    {
        "NotEmptyValidator" or "NotNullValidator" => "verplicht",
        "MaximumLengthValidator" => "te-lang",
        "MinimumLengthValidator" or "LengthValidator" or "ExactLengthValidator" => "ongeldige-lengte",
        "RegularExpressionValidator" => "ongeldig-formaat",
        "GreaterThanValidator" or "GreaterThanOrEqualValidator" or "LessThanValidator" or "LessThanOrEqualValidator"
            or "InclusiveBetweenValidator" or "ExclusiveBetweenValidator" => "buiten-bereik",
        "EnumValidator" or "IsInEnumValidator" => "onbekende-waarde",
        "PredicateValidator" or "AsyncPredicateValidator" => "ongeldig",
        _ when errorCode.EndsWith("Validator", StringComparison.Ordinal) => "ongeldig",
        _ => errorCode,
    };
}

/// <summary>
/// The reference data a validation consults rides in the validation context, not in the validator: the validator is
/// built once and shared (building one compiles its rules' expressions, a tenth of a command's CPU when it was built
/// per request), while each validation sees the reference data its command read.
/// </summary>
public static class Kadercontext
{
    private const string Sleutel = "referentiekader";

    public static ValidationContext<T> Met<T>(T verzoek, Referentiedata.Referentiekader kader)
    {
        var context = new ValidationContext<T>(verzoek);
        context.RootContextData[Sleutel] = kader;
        return context;
    }

    public static Referentiedata.Referentiekader Kader<T>(this ValidationContext<T> context) =>
        context.RootContextData.TryGetValue(Sleutel, out var kader) && kader is Referentiedata.Referentiekader gevonden
            ? gevonden
            : throw new InvalidOperationException($"{typeof(T).Name} is validated without its reference data: use Kadercontext.Met.");
}

/// <summary>The base of every validator: each property reports its first problem only, but every property is checked.</summary>
public abstract class Invoerregels<T> : AbstractValidator<T>
{
    protected Invoerregels()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
    }
}
