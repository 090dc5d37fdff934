using System.Collections.Concurrent;
using FluentValidation;
using FluentValidation.Validators;
using Samenwerkingsafspraken.Referentiedata;

namespace Samenwerkingsafspraken.Infrastructure.Http;

/// <summary>
/// The service's validators, read for what they promise about a request type's top-level fields: which are required
/// (for the OpenAPI document) and which have a length limit of their own (so that the edge can leave an over-long
/// text to the validator, which reports it together with every other problem of the request).
/// </summary>
public static class Validatieregister
{
    private static readonly Lazy<IReadOnlyDictionary<Type, IValidatorDescriptor>> Beschrijvingen = new(Zoek);
    private static readonly ConcurrentDictionary<Type, IReadOnlySet<string>> Verplicht = new();
    private static readonly ConcurrentDictionary<(Type, string), int?> Lengtegrens = new();

    public static bool Kent(Type type) => Beschrijvingen.Value.ContainsKey(type);

    /// <summary>Fields with a NotNull or NotEmpty rule that holds without a condition.</summary>
    public static IReadOnlySet<string> VerplichteVelden(Type type) => Verplicht.GetOrAdd(type, t =>
        Beschrijvingen.Value.TryGetValue(t, out var beschrijving)
            ? beschrijving.GetMembersWithValidators().Select(g => g.Key).Where(naam => !naam.Contains('.'))
                .Where(naam => Onvoorwaardelijk(beschrijving, naam, ookVoorElkItem: false).Any(v => v is INotNullValidator or INotEmptyValidator))
                .ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>());

    /// <summary>The field's own maximum length, if its validator always checks one.</summary>
    public static int? Maximumlengte(Type type, string veld) => Lengtegrens.GetOrAdd((type, veld), sleutel =>
        Beschrijvingen.Value.TryGetValue(sleutel.Item1, out var beschrijving)
            ? Onvoorwaardelijk(beschrijving, sleutel.Item2).OfType<ILengthValidator>().Select(l => (int?)l.Max).Where(m => m > 0).Min()
            : null);

    /// <param name="ookVoorElkItem">Whether rules for each item of a list (RuleForEach) count: a list whose items may not be
    /// empty is not itself required, but a limit on each item's length is the limit of that field's texts.</param>
    private static IEnumerable<IPropertyValidator> Onvoorwaardelijk(IValidatorDescriptor beschrijving, string naam, bool ookVoorElkItem = true) =>
        beschrijving.GetRulesForMember(naam).Where(regel => ookVoorElkItem || !IsPerItem(regel)).SelectMany(regel => regel.Components)
            .Where(c => !c.HasCondition && !c.HasAsyncCondition).Select(c => c.Validator);

    private static bool IsPerItem(IValidationRule regel) =>
        regel.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    /// <summary>
    /// Every validator of the service: its shared instance, or one made with empty reference data where it takes any (and the defaults of its other
    /// optional arguments): only its rules are read, never run.
    /// </summary>
    private static IReadOnlyDictionary<Type, IValidatorDescriptor> Zoek()
    {
        var leeg = new Referentiekader(new Dictionary<string, Arbeidsmarktregios.Arbeidsmarktregio>(), new Dictionary<string, Varianten.Variant>(), null);
        var gevonden = new Dictionary<Type, IValidatorDescriptor>();
        foreach (var type in typeof(Validatieregister).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t)))
        {
            var verzoektype = Basis(type);
            if (verzoektype is not null && type.GetField("Instantie", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
                    ?.GetValue(null) is IValidator gedeeld)
            {
                // A validator built once and shared (its reference data comes with each validation).
                gevonden[verzoektype] = gedeeld.CreateDescriptor();
                continue;
            }

            var constructor = type.GetConstructors()
                .FirstOrDefault(c => c.GetParameters().All(p => p.ParameterType == typeof(Referentiekader) || p.HasDefaultValue));
            if (verzoektype is null || constructor is null) continue;
            try
            {
                var validator = (IValidator)constructor.Invoke(constructor.GetParameters()
                    .Select(p => p.ParameterType == typeof(Referentiekader) ? leeg : p.DefaultValue).ToArray());
                gevonden[verzoektype] = validator.CreateDescriptor();
            }
            catch (System.Reflection.TargetInvocationException)
            {
                // A validator that cannot be made without real data promises nothing here: its type is simply not known.
            }
        }

        return gevonden;
    }

    private static Type? Basis(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AbstractValidator<>)) return t.GetGenericArguments()[0];
        }

        return null;
    }
}
