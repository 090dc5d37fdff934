using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Http;

namespace Samenwerkingsafspraken.Infrastructure.OpenApi;

/// <summary>
/// Which fields of a request are required, as its validator says (a NotNull or NotEmpty rule without a condition):
/// the OpenAPI document lists exactly those under <c>required</c> and does not call them nullable. The request
/// records keep their fields nullable in C#, so that a missing field is reported with the other problems instead of
/// failing the read; what is required only in some cases (accepting, not declining) is said in the descriptions.
/// </summary>
public static class VerplichteVelden
{
    private static IReadOnlySet<Type>? _verzoektypen;

    public static Task Beschrijf(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellation)
    {
        var type = context.JsonTypeInfo.Type;
        if (!Verzoektypen(context.ApplicationServices).Contains(type) || schema.Properties is null) return Task.CompletedTask;

        var verplicht = Validatieregister.VerplichteVelden(type);
        schema.Required = new HashSet<string>(schema.Properties.Keys.Where(verplicht.Contains));
        foreach (var naam in schema.Required)
        {
            if (schema.Properties[naam] is OpenApiSchema { Type: { } soort } veld) veld.Type = soort & ~JsonSchemaType.Null;
        }

        return Task.CompletedTask;
    }

    /// <summary>The types a request body is read into, and every type inside them.</summary>
    private static IReadOnlySet<Type> Verzoektypen(IServiceProvider services) => _verzoektypen ??= Bepaal(services);

    private static HashSet<Type> Bepaal(IServiceProvider services)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var gevonden = new HashSet<Type>();
        var rand = new Stack<Type>(services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType).OfType<Type>());
        while (rand.TryPop(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsPrimitive || type == typeof(string) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType) continue;
            if (!gevonden.Add(type)) continue;
            var info = options.GetTypeInfo(type);
            foreach (var eigenschap in info.Properties) rand.Push(eigenschap.PropertyType);
            if (info.ElementType is { } element) rand.Push(element);
        }

        return gevonden;
    }
}
