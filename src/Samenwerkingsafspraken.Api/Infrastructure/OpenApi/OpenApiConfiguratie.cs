using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI 3 document at /v1/openapi.json, shaped to the API Design Rules: servers with /v1, a contact, the
/// API-Version header on every response, every error as problem+json with status, title and detail.
/// </summary>
public static class OpenApiConfiguratie
{
    public const string Document = "v1";

    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenApi(Document, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            options.ShouldInclude = description => description.RelativePath?.StartsWith("v1/", StringComparison.Ordinal) == true
                                                   && description.RelativePath != "v1/openapi.json";
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var statussen = metadata.OfType<ProblemenAttribute>().SelectMany(p => p.Statussen).ToHashSet();
                var regel = Toegangsbeleid.Voor(metadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName);
                var anoniem = regel?.Openbaar == true;
                operation.Description = Toegangstekst(operation.Description, regel);
                var lichaam = metadata.OfType<IAcceptsMetadata>().Any(a => a.RequestType is not null)
                              || metadata.OfType<MultiStreamWriting.VerzoekbestandAttribute>().Any();
                if (lichaam)
                {
                    statussen.Add(400);
                    statussen.Add(413);
                    statussen.Add(415);
                }

                if (!anoniem)
                {
                    statussen.Add(401);
                    var document = context.Document!;
                    document.Components ??= new OpenApiComponents();
                    document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                    document.Components.SecuritySchemes["bearer"] = BearerSchema;
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                }

                operation.Responses ??= new OpenApiResponses();

                // Only what the endpoint declares: Wolverine also infers a 200 and a 404 for every IResult endpoint.
                var verklaard = metadata.OfType<ProducesResponseTypeAttribute>().Select(p => p.StatusCode).Concat(statussen)
                    .Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
                foreach (var overbodig in operation.Responses.Keys.Where(k => !verklaard.Contains(k)).ToList())
                {
                    operation.Responses.Remove(overbodig);
                }

                foreach (var status in statussen.Order())
                {
                    var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (!operation.Responses.ContainsKey(key))
                    {
                        operation.Responses[key] = new OpenApiResponse { Description = Problemen.Titel(status) };
                    }
                }

                // The version as ETag: a lookup of one resource says so ([MetETag]) and answers If-None-Match with 304;
                // a write through the Schrijver answers with the resource and its new version.
                var metETag = metadata.OfType<MetETagAttribute>().Any();
                var schrijft = context.Description.HttpMethod == "POST" && (statussen.Contains(428) || verklaard.Contains("201"));
                foreach (var (status, antwoord) in operation.Responses)
                {
                    if ((metETag || schrijft) && status is "200" or "201" && antwoord is OpenApiResponse versie)
                    {
                        versie.Headers ??= new Dictionary<string, IOpenApiHeader>();
                        versie.Headers["ETag"] = new OpenApiHeader
                            { Description = "De versie van de bron (voor If-Match en If-None-Match).", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                    }
                }

                if (metETag)
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = "If-None-Match", In = ParameterLocation.Header, Required = false,
                        Description = "De ETag die u al heeft: is dat nog de actuele versie, dan is het antwoord 304 zonder inhoud.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
                    operation.Responses["304"] = new OpenApiResponse
                    {
                        Description = "Niet gewijzigd: de versie uit If-None-Match is de actuele.",
                        Headers = new Dictionary<string, IOpenApiHeader>
                        {
                            ["ETag"] = new OpenApiHeader { Description = "De actuele versie.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                        },
                    };
                }

                if (context.Description.HttpMethod is "POST" or "PUT" or "PATCH" or "DELETE")
                {
                    operation.Parameters ??= [];
                    if (statussen.Contains(428))
                    {
                        operation.Parameters.Add(new OpenApiParameter
                        {
                            Name = "If-Match", In = ParameterLocation.Header, Required = false,
                            Description = "De ETag (versie) van de bron die u wijzigt. Of geef 'versie' in de body.",
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                        });
                    }

                    if (context.Description.HttpMethod == "POST")
                    {
                        operation.Parameters.Add(new OpenApiParameter
                        {
                            Name = "Idempotency-Key", In = ParameterLocation.Header, Required = false,
                            Description = "Een unieke sleutel per verzoek: een herhaling met dezelfde sleutel heeft één keer effect en krijgt hetzelfde antwoord.",
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
                        });
                    }
                }

                return Task.CompletedTask;
            });

            options.AddOperationTransformer(Exports.ExportOpenApi.Beschrijf);
            options.AddOperationTransformer(Beheer.ProjectiesHerbouwenEndpoint.Beschrijf);
            options.AddSchemaTransformer(VerplichteVelden.Beschrijf);
            options.AddOperationTransformer(MultiStreamWriting.MeerstroomOpenApi.Beschrijf);

            options.AddDocumentTransformer((document, _, _) =>
            {
                Vorm(document, configuration);
                return Task.CompletedTask;
            });
        });
        return services;
    }

    private static void Vorm(OpenApiDocument document, IConfiguration configuration)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Samenwerkingsafspraken",
            Version = ApiConventies.Versie,
            Description = "Het landelijke register van samenwerkingsafspraken tussen werkgevers en de publieke partijen van de 35 arbeidsmarktregio's: " +
                          "vinden, vertrouwen en hergebruiken van bewezen afspraken, en auditeren welke varianten van de standaardset waar werken.",
            Contact = new OpenApiContact
            {
                Name = configuration["OpenApi:Contact:Naam"] ?? "Beheer Samenwerkingsafspraken",
                Email = configuration["OpenApi:Contact:Email"] ?? "beheer@samenwerkingsafspraken.example",
                Url = new Uri(configuration["OpenApi:Contact:Url"] ?? "https://samenwerkingsafspraken.example/contact"),
            },
        };
        document.Servers = [new OpenApiServer { Url = configuration["OpenApi:ServerUrl"] ?? "/v1", Description = "Deze omgeving" }];

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.Remove("IResult");
        document.Components.Schemas["Probleem"] = ProbleemSchema();
        document.Components.Schemas["OngeldigeParameter"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "name", "code", "reason" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["name"] = Tekst("Het veld (JSON-pad) of de parameter waar het om gaat."),
                ["code"] = Tekst("Een vaste code voor het soort fout."),
                ["reason"] = Tekst("Wat er mis is, in woorden."),
            },
        };
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        document.Components.Headers["API-Version"] = new OpenApiHeader
        {
            Description = "Het volledige versienummer van de API.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create(ApiConventies.Versie)] },
        };
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = BearerSchema;

        var paden = new OpenApiPaths();
        document.Tags = Onderwerpen.Select(o => new OpenApiTag { Name = o.Naam, Description = o.Omschrijving }).ToHashSet();
        foreach (var (pad, item) in document.Paths)
        {
            paden[pad.StartsWith(ApiConventies.Basispad + "/", StringComparison.Ordinal) ? pad[ApiConventies.Basispad.Length..] : pad] = item;
            foreach (var operation in item.Operations?.Values.ToList() ?? [])
            {
                operation.Tags = new HashSet<OpenApiTagReference> { new(Onderwerp(pad).Naam, document) };
                foreach (var (status, response) in operation.Responses?.ToList() ?? [])
                {
                    if (response is not OpenApiResponse antwoord) continue;
                    if (status.StartsWith('4') || status.StartsWith('5'))
                    {
                        antwoord.Content = new Dictionary<string, OpenApiMediaType>
                        {
                            [Problemen.ContentType] = new() { Schema = new OpenApiSchemaReference("Probleem", document) },
                        };
                    }
                    else
                    {
                        antwoord.Headers ??= new Dictionary<string, IOpenApiHeader>();
                        antwoord.Headers["API-Version"] = new OpenApiHeaderReference("API-Version", document);
                        if (status == "201")
                        {
                            antwoord.Headers["Location"] = new OpenApiHeader { Description = "Waar de nieuwe bron staat.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                        }

                    }
                }
            }
        }

        document.Paths = paden;
    }

    /// <summary>Who may call the operation, from the access policy, under its description.</summary>
    private static string? Toegangstekst(string? omschrijving, Toegangsregel? regel)
    {
        if (regel is null) return omschrijving;
        var toegang = regel.Openbaar
            ? "Toegang: openbaar, zonder token."
            : "Toegang: " + string.Join("; ", regel.Rollen.Select(r => $"{r.Key} ({Toegangsbeleid.Omschrijving(r.Value)})")) +
              ". Andere rollen krijgen 403, zonder geldig token 401.";
        return string.IsNullOrWhiteSpace(omschrijving) ? toegang : $"{omschrijving}\n\n{toegang}";
    }

    private sealed record Tagdefinitie(string Segment, string Naam, string Omschrijving);

    /// <summary>The API reference groups operations by resource, in the order a reader meets them.</summary>
    private static readonly IReadOnlyList<Tagdefinitie> Onderwerpen =
    [
        new("arbeidsmarktregios", "Arbeidsmarktregio's", "De 35 arbeidsmarktregio's, het register en de inbox van een regio."),
        new("gemeenten", "Gemeenten", "De gemeenten, tot welke arbeidsmarktregio zij horen op een datum, herindelingen en CBS-indelingsbestanden."),
        new("werkgevers", "Werkgevers", "Werkgevers, hun afspraken en hun referentiehistorie."),
        new("samenwerkingsafspraken", "Samenwerkingsafspraken", "Opstellen, de levenscyclus, historie, versies, verschillen en stamboom."),
        new("hergebruikverzoeken", "Hergebruik", "Een bewezen afspraak hergebruiken in een andere regio."),
        new("varianten", "Variantencatalogus", "De landelijke standaardset werkafspraken en het gebruik ervan (de variantmatrix)."),
        new("bewezen-afspraken", "Wat werkt", "De bewezen afspraken van het hele land doorzoeken (met toestemming van de werkgever)."),
        new("werkaanbod", "Werkaanbod", "Aangeboden en vervulde plaatsen per sector en variant, per regio en landelijk."),
        new("importsjabloon", "Import", "Het sjabloon om bestaande afspraken van een regio te importeren."),
        new("bewijsregel", "Bewijsregel", "Wanneer een afspraak bewezen is."),
        new("sectoren", "Sectoren", "De sectorcodes van werkgevers."),
        new("integriteit", "Integriteit", "De hashketen over alle gebeurtenissen controleren."),
        new("beheer", "Beheer", "Projecties herbouwen."),
    ];

    private static Tagdefinitie Onderwerp(string pad)
    {
        var segment = pad.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s == "v1").FirstOrDefault() ?? "";
        return Onderwerpen.FirstOrDefault(o => o.Segment == segment) ?? new Tagdefinitie(segment, segment, segment);
    }

    private static readonly OpenApiSecurityScheme BearerSchema = new()
    {
        Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
        Description = "Een JWT van een vertrouwde uitgever met de claims role, kvk (werkgever), oin en regio (regiopartij).",
    };

    private static OpenApiSchema ProbleemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Een fout volgens RFC 9457 (problem details), met een vaste code en, bij ongeldige invoer, elke fout per veld.",
        Required = new HashSet<string> { "status", "title", "detail" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Tekst("Het soort probleem (about:blank)."),
            ["title"] = Tekst("Korte omschrijving van het soort fout."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "De HTTP-statuscode." },
            ["detail"] = Tekst("Wat er in dit geval mis is."),
            ["instance"] = Tekst("Het pad van het verzoek."),
            ["code"] = Tekst("Een vaste code voor dit probleem, bijvoorbeeld versie-verouderd."),
            ["correlatieId"] = Tekst("Het correlatie-id van het verzoek, voor de logboeken."),
            ["actueleVersie"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Description = "Bij versie-verouderd: de actuele versie." },
            ["invalidParams"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference("OngeldigeParameter") },
        },
    };

    private static OpenApiSchema Tekst(string omschrijving) => new() { Type = JsonSchemaType.String, Description = omschrijving };
}
