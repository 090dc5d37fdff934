using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samenwerkingsafspraken.Infrastructure.MultiStreamWriting;

/// <summary>
/// An operation written by the <see cref="Meerstroomschrijver"/>: it keeps no Idempotency-Key record, because a repeat
/// cannot have its effect twice (the versions it read have moved on, or what it would change is already so) and
/// is answered 409 or, for a CBS file already in force, with nothing to record.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ZonderIdempotencyKeyAttribute : Attribute;

/// <summary>An operation whose body is a file of the given media type(s) rather than JSON.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class VerzoekbestandAttribute(string mediatype, string omschrijving, params string[] andereMediatypen) : Attribute
{
    public IReadOnlyList<string> Mediatypen { get; } = [mediatype, .. andereMediatypen];

    public string Omschrijving { get; } = omschrijving;
}

public static class MeerstroomOpenApi
{
    public static Task Beschrijf(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<ZonderIdempotencyKeyAttribute>().Any() && operation.Parameters is { } parameters)
        {
            foreach (var sleutel in parameters.Where(p => p.Name == Writing.HttpOpdracht.IdempotencyKeyHeader).ToList()) parameters.Remove(sleutel);
        }

        if (metadata.OfType<VerzoekbestandAttribute>().FirstOrDefault() is { } bestand)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = bestand.Omschrijving,
                Content = bestand.Mediatypen.ToDictionary(m => m, m => new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = m.StartsWith("text/", StringComparison.Ordinal) ? null : "binary" },
                }),
            };
        }

        return Task.CompletedTask;
    }
}
