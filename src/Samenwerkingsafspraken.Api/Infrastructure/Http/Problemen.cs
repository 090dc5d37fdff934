using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Samenwerkingsafspraken.Infrastructure.Http;

/// <summary>One field-level problem, as the Dutch API strategy's problem details extension names it.</summary>
public sealed record OngeldigeParameter(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>Every error leaves the API as application/problem+json with status, title, detail, a code and, for invalid input, invalidParams.</summary>
public static class Problemen
{
    public const string ContentType = "application/problem+json";

    public static string Titel(int status) => status switch
    {
        400 => "Ongeldige invoer",
        401 => "Niet geauthenticeerd",
        403 => "Geen toegang",
        404 => "Niet gevonden",
        405 => "Methode niet toegestaan",
        406 => "Antwoordformaat niet beschikbaar",
        409 => "Conflict met de huidige toestand",
        412 => "Voorwaarde niet vervuld",
        413 => "Verzoek te groot",
        415 => "Mediatype niet ondersteund",
        422 => "Verzoek niet verwerkbaar",
        428 => "Voorwaarde vereist",
        429 => "Te veel verzoeken",
        500 => "Interne fout",
        503 => "Dienst niet beschikbaar",
        _ => "Fout",
    };

    public static string StandaardDetail(int status) => status switch
    {
        400 => "Het verzoek is ongeldig.",
        401 => "Dit verzoek vereist een geldig bearer-token.",
        403 => "U heeft geen toegang tot deze bron of handeling.",
        404 => "De gevraagde bron bestaat niet.",
        405 => "Deze HTTP-methode is voor deze bron niet toegestaan.",
        406 => "Deze API antwoordt alleen in JSON (application/json of application/problem+json).",
        409 => "Het verzoek botst met de huidige toestand van de bron.",
        413 => "Het verzoek is te groot.",
        415 => "Stuur de inhoud als JSON in UTF-8, met Content-Type: application/json.",
        422 => "Het verzoek kan niet worden verwerkt.",
        428 => "Dit verzoek vereist een voorwaarde.",
        500 => "Er ging aan onze kant iets mis. Probeer het later opnieuw; de fout is gelogd.",
        503 => "De dienst is tijdelijk niet beschikbaar.",
        _ => "Het verzoek kon niet worden uitgevoerd.",
    };

    public static string Code(int status) => status switch
    {
        400 => "ongeldige-invoer",
        401 => "niet-geauthenticeerd",
        403 => "geen-toegang",
        404 => "niet-gevonden",
        405 => "methode-niet-toegestaan",
        406 => "niet-aanvaardbaar",
        409 => "conflict",
        413 => "verzoek-te-groot",
        415 => "mediatype-niet-ondersteund",
        500 => "interne-fout",
        _ => "fout",
    };

    public static ProblemDetails Maak(int status, string code, string detail, IReadOnlyList<OngeldigeParameter>? fouten = null,
        IDictionary<string, object?>? extra = null)
    {
        var problem = new ProblemDetails { Status = status, Title = Titel(status), Detail = detail, Type = "about:blank" };
        problem.Extensions["code"] = code;
        if (fouten is { Count: > 0 }) problem.Extensions["invalidParams"] = fouten;
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>()) problem.Extensions[key] = value;
        return problem;
    }

    public static IResult Als(ProblemDetails problem) => Results.Problem(problem);

    public static IResult Probleem(int status, string code, string detail, IReadOnlyList<OngeldigeParameter>? fouten = null,
        IDictionary<string, object?>? extra = null) => Als(Maak(status, code, detail, fouten, extra));

    public static IResult Ongeldig(IReadOnlyList<OngeldigeParameter> fouten, string? detail = null) =>
        Probleem(400, "ongeldige-invoer",
            detail ?? (fouten.Count == 1 ? "Het verzoek bevat 1 fout." : $"Het verzoek bevat {fouten.Count} fouten."), fouten);

    public static IResult NietGevonden(string detail) => Probleem(404, "niet-gevonden", detail);

    public static IResult GeenToegang(string detail) => Probleem(403, "geen-toegang", detail);
}
