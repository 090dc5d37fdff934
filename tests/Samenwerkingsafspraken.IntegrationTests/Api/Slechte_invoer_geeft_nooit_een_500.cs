using System.Text.RegularExpressions;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Api;

/// <summary>
/// Every operation in the OpenAPI document, called with malformed bodies and odd path values under every role:
/// the answer is never a 5xx, every error is problem+json, and nothing is recorded.
/// </summary>
public sealed partial class Slechte_invoer_geeft_nooit_een_500(ApiFixture fixture) : IntegratieTest(fixture)
{
    private static readonly string[] Lichamen =
    [
        "", "null", "[]", "\"tekst\"", "42", "{}", "{\"versie\": \"drie\"}", "{\"versie\": -1}", "{\"a\":", "{\"besluit\": null, \"regiopartijen\": [null]}",
        "{\"werkafspraken\": [null, {}], \"regiopartijen\": [{}], \"looptijd\": {}}", "{\"parameters\": [{\"naam\": null}]}",
        "{\"titel\": \"" + new string('x', 100_000) + "\"}", "{\"bronAfspraak\": \"geen-guid\"}",
        "{\"maatwerk\": [{\"variantCode\": \"praktijkroute\", \"soort\": \"parameter\"}], \"besluit\": \"geaccepteerdMetMaatwerk\"}",
        "{\"maatwerk\": [null], \"voorgesteldMaatwerk\": [null], \"besluit\": \"geaccepteerdMetMaatwerk\", \"bronAfspraak\": \"00000000-0000-0000-0000-000000000001\"}",
        "{\"vestigingen\": [null], \"netwerken\": [null], \"doelgroepen\": [null], \"beroepen\": [null], \"parameters\": [null]}",
        "{\"regiopartijen\": [{\"oin\": null, \"ondertekent\": \"ja\"}]}",
    ];

    [Fact]
    public async Task geen_enkele_operatie_antwoordt_met_een_serverfout()
    {
        var actief = await Actief();
        var document = (await Get("/v1/openapi.json")).Json;
        var tokens = new[] { Tokens.Werkgever(), Tokens.Regiopartij(), Tokens.Auditor(), Tokens.Beheerder() };
        var waarden = new Dictionary<string, string[]>
        {
            ["id"] = [actief.Id.ToString(), Guid.NewGuid().ToString(), Guid.Empty.ToString(), "geen-guid"],
            ["code"] = ["AM01", "praktijkroute", "GM0014", "x y"],
            ["kvkNummer"] = [Testdata.Kvk, "abc"],
            ["periode"] = ["2025-K1", "2025-Q9"],
            ["naam"] = ["Onbekend"],
            ["stroomId"] = [Guid.NewGuid().ToString(), Guid.Empty.ToString(), "geen-guid"],
            ["vestigingsnummer"] = ["000012345678", "12"],
        };
        var fouten = new List<string>();

        foreach (var (pad, item) in document["paths"]!.AsObject())
        {
            foreach (var (methode, _) in item!.AsObject())
            {
                foreach (var url in Urls("/v1" + pad, waarden))
                {
                    if (url.EndsWith("/herbouw", StringComparison.Ordinal)) continue;
                    foreach (var token in tokens)
                    {
                        var lichamen = methode == "post" ? Lichamen : new string?[] { null };
                        foreach (var lichaam in lichamen)
                        {
                            var antwoord = await Verstuur(new HttpMethod(methode.ToUpperInvariant()), url + "?versie=x&pagina=-1", lichaam, token);
                            if (antwoord.Status >= 500 || (antwoord.Status >= 400 && !antwoord.ContentType.StartsWith("application/problem+json")))
                            {
                                fouten.Add($"{methode.ToUpperInvariant()} {url} [{lichaam?[..Math.Min(lichaam.Length, 40)]}] → {antwoord.Status} {antwoord.ContentType}");
                            }
                        }
                    }
                }
            }
        }

        fouten.ShouldBeEmpty();
        (await Lees(actief.Id)).Versie.ShouldBe(actief.Versie);
    }

    private static IEnumerable<string> Urls(string sjabloon, IReadOnlyDictionary<string, string[]> waarden)
    {
        var match = Parameter().Match(sjabloon);
        if (!match.Success)
        {
            yield return sjabloon;
            yield break;
        }

        foreach (var waarde in waarden[match.Groups[1].Value])
        {
            foreach (var rest in Urls(sjabloon[..match.Index] + Uri.EscapeDataString(waarde) + sjabloon[(match.Index + match.Length)..], waarden))
            {
                yield return rest;
            }
        }
    }

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Parameter();
}
