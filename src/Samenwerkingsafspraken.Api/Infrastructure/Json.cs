using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Samenwerkingsafspraken.Infrastructure;

/// <summary>
/// One set of JSON conventions for the API: camelCase properties and enum values, nulls left out; numbers are JSON
/// numbers (never read from strings, and described so in the OpenAPI document); a key that occurs twice in an object
/// is refused, not "last one wins". The edge (<see cref="Http.JsonControle"/>) checks the same before anything reads a body.
/// </summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}
