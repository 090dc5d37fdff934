using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samenwerkingsafspraken.Exports;

/// <summary>
/// Marks an export endpoint and declares its 200 answer: a file, CSV or XLSX. A <see cref="ProducesResponseTypeAttribute"/>,
/// so the OpenAPI document keeps the 200 as declared like every other; <see cref="ExportOpenApi"/> completes the description.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ExportbestandAttribute() : ProducesResponseTypeAttribute(typeof(string), StatusCodes.Status200OK, "text/csv", Exportformaten.XlsxType);

/// <summary>What the generator cannot infer about an export: the required <c>formaat</c>, binary XLSX, Content-Disposition.</summary>
public static class ExportOpenApi
{
    public static Task Beschrijf(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<ExportbestandAttribute>().Any()) return Task.CompletedTask;

        if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == "formaat") is { } formaat)
        {
            formaat.Required = true;
            formaat.Description = "Het formaat van het bestand: csv (puntkomma's, UTF-8 met BOM) of xlsx (Excel).";
            formaat.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("csv"), JsonValue.Create("xlsx")] };
        }

        if (operation.Responses?.TryGetValue("200", out var antwoord) == true && antwoord is OpenApiResponse bestand)
        {
            bestand.Description = "Het bestand, met een kopregel en een rij per item.";
            bestand.Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                [Exportformaten.XlsxType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
            };
            bestand.Headers ??= new Dictionary<string, IOpenApiHeader>();
            bestand.Headers["Content-Disposition"] = new OpenApiHeader
            {
                Description = "attachment, met de bestandsnaam: {soort}-{sleutel}-{datum}.{csv|xlsx}.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }

        return Task.CompletedTask;
    }
}
