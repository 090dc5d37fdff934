using JasperFx;
using JasperFx.CodeGeneration;

namespace Samenwerkingsafspraken.Infrastructure;

/// <summary>
/// Wolverine's handler and endpoint code is generated ahead of time and committed (Internal/Generated), as the
/// Wolverine and Marten authors recommend for production: a node loads those types at start instead of generating
/// and compiling them with Roslyn, which took most of the start-up time and memory. Outside Development a type that
/// is missing is an error at start (the tests run so, and a test checks the files are current); in Development a
/// missing type is generated, compiled and written next to the others, to be committed.
/// Regenerate after changing an endpoint or a handler:
/// <c>dotnet run --project src/Samenwerkingsafspraken.Api -- codegen write</c>.
/// </summary>
public static class VoorgegenereerdeCode
{
    /// <summary>Where <c>codegen write</c> writes (configuration key), for the test that compares with the committed files.</summary>
    public const string UitvoerSleutel = "Codegeneratie:Uitvoer";

    public static IServiceCollection AddVoorgegenereerdeCode(this IServiceCollection services, IConfiguration configuration)
    {
        services.CritterStackDefaults(defaults =>
        {
            defaults.Production.GeneratedCodeMode = TypeLoadMode.Static;
            defaults.Development.GeneratedCodeMode = TypeLoadMode.Auto;
            if (configuration[UitvoerSleutel] is { Length: > 0 } uitvoer)
            {
                defaults.GeneratedCodeOutputPath = uitvoer;
            }
        });
        return services;
    }
}
