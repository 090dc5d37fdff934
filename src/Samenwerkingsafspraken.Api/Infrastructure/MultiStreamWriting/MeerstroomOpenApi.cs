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

/// <summary>An operation whose body is a file of the given media type rather than JSON.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class VerzoekbestandAttribute(string mediatype, string omschrijving) : Attribute
{
    public string Mediatype { get; } = mediatype;

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
                Content = new Dictionary<string, OpenApiMediaType> { [bestand.Mediatype] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
            };
        }

        return Task.CompletedTask;
    }
}
