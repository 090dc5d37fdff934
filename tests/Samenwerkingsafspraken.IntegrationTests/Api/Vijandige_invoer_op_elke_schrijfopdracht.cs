using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Api;

/// <summary>
/// Generated from the OpenAPI document: every write, sent a valid body (one its endpoint refuses only at the end, for
/// a stale version or something that already exists) and then hostile variations of it: control and bidi characters
/// in every text, every number at its extremes and as a string, every date at the calendar's ends, each field left
/// out and set to null, a key twice, wrong content types, an oversized and a deeply nested body. Never a 5xx, every
/// refusal problem+json, and nothing written.
/// </summary>
public sealed partial class Vijandige_invoer_op_elke_schrijfopdracht(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task geen_variatie_geeft_een_serverfout_of_schrijft_iets()
    {
        var wereld = await BouwWereld();
        var document = (await Get("/v1/openapi.json")).Json;
        var fouten = new List<string>();
        var aantal = 0;

        foreach (var (pad, item) in document["paths"]!.AsObject())
        {
            foreach (var (methode, operatie) in item!.AsObject())
            {
                // Bodies of JSON; a file body (an import, the CBS file) has its own walk, in the .Bestanden part.
                if (methode != "post" || operatie!["requestBody"]?["content"]?["application/json"] is null) continue;
                var sleutel = operatie["operationId"]!.GetValue<string>();
                var lichaam = wereld.Lichaam(sleutel);
                if (lichaam is null)
                {
                    fouten.Add($"POST {pad}: geen geldig voorbeeldlichaam voor '{sleutel}' in Voorbeeldverzoeken");
                    continue;
                }

                var url = wereld.Url("/v1" + pad);
                var token = Token(sleutel);
                var voor = await Opslag();
                foreach (var (naam, inhoud, contentType) in Variaties(lichaam))
                {
                    aantal++;
                    var antwoord = await VerstuurRuw(HttpMethod.Post, url, inhoud, contentType, token);
                    if (antwoord.Status is < 400 or >= 500 || !antwoord.ContentType.StartsWith(Problemen.ContentType, StringComparison.Ordinal))
                    {
                        fouten.Add($"POST {pad} [{naam}] → {antwoord.Status} {antwoord.ContentType} {Kort(antwoord.Tekst)}");
                    }

                    // The valid body passes every check of the input and is refused only by the state (a stale version,
                    // something that exists, another region's agreement), so every variation is a change of a valid body.
                    // The world's agreement offers no werk, so a correction of a quarter's vervulling finds none to correct:
                    // a 404 that the decide gives after every check of the input (the variations still meet those).
                    var staatsweigering = antwoord.Status is 403 or 409
                        || (sleutel == "vervullingCorrigeren" && antwoord.Status == 404 && antwoord.Tekst.Contains("periode-niet-geregistreerd"));
                    if (naam == "geldig" && !staatsweigering)
                    {
                        fouten.Add($"POST {pad}: het geldige lichaam gaf {antwoord.Status} in plaats van 403 of 409: {Kort(antwoord.Tekst)}");
                    }
                }

                var na = await Opslag();
                if (!na.Gelijk(voor)) fouten.Add($"POST {pad}: de opslag veranderde\n  voor: {voor}\n  na:   {na}");
            }
        }

        fouten.ShouldBeEmpty();
        aantal.ShouldBeGreaterThan(500);
    }

    /// <summary>A caller the policy admits, so that every variation reaches the checks of the input.</summary>
    private string Token(string operatie)
    {
        if (operatie == "samenwerkingsafspraakOpstellen") return Assen;
        if (operatie == "hergebruikBesluiten") return Leeuwarden;
        var rollen = Toegangsbeleid.Voor(operatie)!.Rollen.Keys;
        return rollen.First() switch
        {
            Rollen.Werkgever => Tokens.Werkgever(),
            Rollen.Regiopartij => Tokens.Regiopartij(),
            Rollen.Auditor => Tokens.Auditor(),
            _ => Tokens.Beheerder(),
        };
    }

    private static IEnumerable<(string Naam, byte[] Inhoud, string? ContentType)> Variaties(JsonObject geldig)
    {
        const string json = "application/json";
        var tekst = geldig.ToJsonString();
        yield return ("geldig", Utf8(tekst), json);

        foreach (var (pad, waarde) in Bladeren(geldig))
        {
            if (waarde is JsonValue v && v.TryGetValue<string>(out var s))
            {
                foreach (var (naam, ander) in Teksten(s)) yield return ($"{pad} {naam}", Utf8(Met(geldig, pad, ander)), json);
            }
            else if (waarde is JsonValue getal && getal.GetValueKind() == System.Text.Json.JsonValueKind.Number)
            {
                foreach (var uiterst in new[] { "2147483648", "-2147483649", "9223372036854775808", "1e400", "-1", "0", "0.5", "\"7\"" })
                    yield return ($"{pad} = {uiterst}", Utf8(Met(geldig, pad, JsonNode.Parse(uiterst))), json);
            }
            else if (waarde is JsonValue jaNee && jaNee.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)
            {
                yield return ($"{pad} als tekst", Utf8(Met(geldig, pad, JsonValue.Create("true"))), json);
                yield return ($"{pad} als getal", Utf8(Met(geldig, pad, JsonValue.Create(1))), json);
            }

            yield return ($"{pad} weggelaten", Utf8(Zonder(geldig, pad)), json);
            yield return ($"{pad} = null", Utf8(Met(geldig, pad, null)), json);
            if (waarde is JsonArray) yield return ($"{pad} met null", Utf8(Met(geldig, pad, new JsonArray(null, null))), json);
        }

        var eerste = geldig.First().Key;
        yield return ("dubbele sleutel", Utf8("{" + $"\"{eerste}\":null," + tekst[1..]), json);
        yield return ("dubbele sleutel met hoofdletter", Utf8("{" + $"\"{char.ToUpperInvariant(eerste[0])}{eerste[1..]}\":null," + tekst[1..]), json);
        yield return ("onbekend veld", Utf8("{\"onbekend\":1," + tekst[1..]), json);
        yield return ("zonder content-type", Utf8(tekst), null);
        yield return ("text/plain", Utf8(tekst), "text/plain");
        yield return ("xml", Utf8(tekst), "application/xml");
        yield return ("latin-1", Utf8(tekst), "application/json; charset=iso-8859-1");
        yield return ("leeg", [], json);
        yield return ("null", Utf8("null"), json);
        yield return ("lijst", Utf8("[" + tekst + "]"), json);
        yield return ("afgebroken", Utf8(tekst[..(tekst.Length / 2)]), json);
        yield return ("ongeldige utf-8", [.. Utf8(tekst[..^1]), 0xC3, 0x28, .. Utf8("}")], json);
        yield return ("diep genest", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200)), json);
        yield return ("te groot", Utf8("{\"" + eerste + "\":\"" + new string('x', StrikteInvoer.MaximaleGrootte) + "\"}"), json);
    }

    private static IEnumerable<(string Naam, JsonNode Waarde)> Teksten(string s)
    {
        foreach (var teken in new[] { "\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u202E", "\u2066", "\u200F", "\u061C", "\t", "\n", "\uD800" })
            yield return ($"+U+{(int)teken[0]:X4}", JsonValue.Create(s + teken)!);
        yield return ("te lang", JsonValue.Create(new string('x', 5000))!);
        yield return ("leeg", JsonValue.Create("")!);
        yield return ("als getal", JsonValue.Create(12)!);
        yield return ("als lijst", new JsonArray(JsonValue.Create(s)));
        if (Datum().IsMatch(s))
        {
            foreach (var datum in new[] { "0001-01-01", "9999-12-31", "1999-12-31", "2101-01-01", "2025-02-30", "2025-13-01" })
                yield return ($"= {datum}", JsonValue.Create(datum)!);
        }
    }

    /// <summary>Every position in the body (objects' fields and arrays' items), with its JSON path.</summary>
    private static IEnumerable<(string Pad, JsonNode? Waarde)> Bladeren(JsonNode knoop, string pad = "")
    {
        switch (knoop)
        {
            case JsonObject o:
                foreach (var (naam, waarde) in o)
                {
                    var hier = pad.Length == 0 ? naam : $"{pad}.{naam}";
                    yield return (hier, waarde);
                    if (waarde is not null) foreach (var dieper in Bladeren(waarde, hier)) yield return dieper;
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var hier = $"{pad}[{i}]";
                    yield return (hier, a[i]);
                    if (a[i] is not null) foreach (var dieper in Bladeren(a[i]!, hier)) yield return dieper;
                }

                break;
        }
    }

    private static string Met(JsonObject geldig, string pad, JsonNode? nieuw)
    {
        var kopie = geldig.DeepClone();
        var (ouder, laatste) = Zoek(kopie, pad);
        if (ouder is JsonObject o) o[laatste] = nieuw;
        else if (ouder is JsonArray a) a[int.Parse(laatste)] = nieuw;
        return kopie.ToJsonString();
    }

    private static string Zonder(JsonObject geldig, string pad)
    {
        var kopie = geldig.DeepClone();
        var (ouder, laatste) = Zoek(kopie, pad);
        if (ouder is JsonObject o) o.Remove(laatste);
        else if (ouder is JsonArray a) a.RemoveAt(int.Parse(laatste));
        return kopie.ToJsonString();
    }

    private static (JsonNode Ouder, string Laatste) Zoek(JsonNode wortel, string pad)
    {
        var delen = Delen().Matches(pad).Select(m => m.Value.Trim('.', '[', ']')).ToList();
        var knoop = wortel;
        foreach (var deel in delen[..^1]) knoop = knoop is JsonArray a ? a[int.Parse(deel)]! : knoop[deel]!;
        return (knoop, delen[^1]);
    }

    private static byte[] Utf8(string tekst) => Encoding.UTF8.GetBytes(tekst);

    private static string Kort(string tekst) => tekst.Length > 300 ? tekst[..300] : tekst;

    [GeneratedRegex(@"\[\d+\]|\.?[^.\[]+")]
    private static partial Regex Delen();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex Datum();
}
