using CsCheck;
using Microsoft.AspNetCore.Http;
using Samenwerkingsafspraken.Infrastructure.Http;

namespace Samenwerkingsafspraken.Tests.Infrastructuur;

/// <summary>Reading the Prefer header (RFC 7240): respond-async and wait are honoured, anything else is ignored without an error.</summary>
public sealed class Voorkeur_uit_Prefer_lezen
{
    [Theory]
    [InlineData(new string[0], false, null)]
    [InlineData(new[] { "respond-async" }, true, null)]
    [InlineData(new[] { "RESPOND-ASYNC" }, true, null)]
    [InlineData(new[] { "wait=5" }, false, 5)]
    [InlineData(new[] { "wait=\"7\"" }, false, 7)]
    [InlineData(new[] { "respond-async, wait=10" }, true, 10)]
    [InlineData(new[] { " wait = 3 ;foo=bar , respond-async" }, true, 3)]
    [InlineData(new[] { "wait=4", "wait=9" }, false, 4)]
    [InlineData(new[] { "wait=4, wait=9" }, false, 4)]
    [InlineData(new[] { "return=minimal", "respond-async" }, true, null)]
    public void de_voorkeuren_die_de_api_kent_worden_gelezen(string[] koppen, bool asynchroon, int? wachten)
    {
        var voorkeur = Voorkeur.Van(Verzoek(koppen));

        voorkeur.ShouldBe(new Voorkeur(asynchroon, wachten));
    }

    [Theory]
    [InlineData("wait=abc")]
    [InlineData("wait=-1")]
    [InlineData("wait=+2")]
    [InlineData("wait=1.5")]
    [InlineData("wait=99999999999999999999")]
    [InlineData("wait")]
    [InlineData("wait=")]
    [InlineData("respond-async=ja")]
    [InlineData("respondasync")]
    [InlineData(";;,,==")]
    [InlineData("\"wait=5\"")]
    [InlineData("wait=5 5")]
    [InlineData("\u0000wait=5")]
    public void een_onbekende_of_onleesbare_voorkeur_telt_niet(string kop)
    {
        Voorkeur.Van(Verzoek([kop])).ShouldBe(new Voorkeur(false, null));
    }

    [Fact]
    public void willekeurige_koppen_geven_nooit_een_fout_en_nooit_een_negatieve_wachttijd()
    {
        var teken = Gen.Char["waitrespond-async=,;\" 0123456789\t\u00e9"];
        Gen.String[teken, 0, 40].Array[0, 3].Sample(koppen =>
        {
            var voorkeur = Voorkeur.Van(Verzoek(koppen));
            (voorkeur.WachtSeconden ?? 0).ShouldBeGreaterThanOrEqualTo(0);
        });
        Gen.String.Array[0, 3].Sample(koppen => Voorkeur.Van(Verzoek(koppen)).ShouldNotBeNull());
    }

    private static HttpRequest Verzoek(string[] koppen)
    {
        var context = new DefaultHttpContext();
        if (koppen.Length > 0) context.Request.Headers[Voorkeur.Kop] = koppen;
        return context.Request;
    }
}
