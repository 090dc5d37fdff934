using System.Text.Json;
using CsCheck;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Werkgevers.Registreren;

namespace Samenwerkingsafspraken.Tests.Invoer;

public sealed class Tekstregels_en_formaten
{
    [Theory]
    [InlineData('\u0000')]
    [InlineData('\u0008')]
    [InlineData('\u001F')]
    [InlineData('\u007F')]
    [InlineData('\u0080')]
    [InlineData('\u0085')]
    [InlineData('\u009F')]
    [InlineData('\u202A')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2069')]
    [InlineData('\u200E')]
    [InlineData('\u200F')]
    [InlineData('\u061C')]
    [InlineData('\uD800')]
    public void verboden_tekens_worden_overal_geweigerd(char teken)
    {
        Tekstregels.Controleer("titel", $"a{teken}b", meerregelig: false, 200)!.Code.ShouldBe("ongeldig-teken");
        Tekstregels.Controleer("maatwerk", $"a{teken}b", meerregelig: true, 4000)!.Code.ShouldBe("ongeldig-teken");
    }

    [Theory]
    [InlineData("\t")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\u2028")]
    public void tabs_en_regeleinden_alleen_in_velden_van_meerdere_regels(string teken)
    {
        Tekstregels.Controleer("titel", $"a{teken}b", meerregelig: false, 200)!.Code.ShouldBe("ongeldig-teken");
        Tekstregels.Controleer("maatwerk", $"a{teken}b", meerregelig: true, 4000).ShouldBeNull();
    }

    [Fact]
    public void de_lengte_telt_na_nfc_en_emoji_en_accenten_mogen()
    {
        Tekstregels.Controleer("titel", new string('e', 199) + "e\u0301", false, 200).ShouldBeNull();
        Tekstregels.Controleer("titel", new string('e', 201), false, 200)!.Code.ShouldBe("te-lang");
        Tekstregels.Controleer("titel", "Werk voor iedereen 👩‍🔧 in Coöperatie Café", false, 200).ShouldBeNull();
        Tekstregels.Normaliseer("Cafe\u0301").ShouldBe("Caf\u00e9");
    }

    [Fact]
    public void elke_tekst_is_goed_of_krijgt_een_probleem_nooit_een_uitzondering()
    {
        Gen.String.Sample(tekst =>
        {
            var fout = Tekstregels.Controleer("veld", tekst, false, 50);
            if (fout is null) Tekstregels.Normaliseer(tekst).Length.ShouldBeLessThanOrEqualTo(50);
        }, iter: 5_000);
    }

    [Theory]
    [InlineData("01234567\n")]
    [InlineData("0123456\n7")]
    [InlineData("01234567 ")]
    [InlineData("٠١٢٣٤٥٦٧")]
    public void een_kvk_nummer_is_precies_acht_cijfers_zonder_regeleinde(string kvk) => Formaten.KvkNummer().IsMatch(kvk).ShouldBeFalse();

    [Fact]
    public void codes_en_perioden_eindigen_niet_op_een_regeleinde()
    {
        ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch("AM01\n").ShouldBeFalse();
        Formaten.Oin().IsMatch("00000001001589623000\n").ShouldBeFalse();
        Kwartaal.TryParse("2025-K1\n", out _).ShouldBeFalse();
    }

    [Fact]
    public void json_controle_noemt_elke_typefout_met_zijn_pad()
    {
        var controle = new JsonControle(Json.Options);
        using var document = JsonDocument.Parse("""
            {"periode": 2025, "plaatsingen": "3", "naZesMaandenInWerk": true, "naTwaalfMaandenInWerk": 99999999999, "uitval": 1.5, "versie": "x",
             "Plaatsingen": 4, "onbekend": 1}
            """);

        controle.Controleer(document.RootElement, typeof(Samenwerkingsafspraken.Afspraken.ResultatenRegistreren.ResultatenVerzoek));

        controle.Fouten.Select(f => (f.Name, f.Code)).ShouldBe(
        [
            ("periode", "verkeerd-type"), ("plaatsingen", "verkeerd-type"), ("naZesMaandenInWerk", "verkeerd-type"),
            ("naTwaalfMaandenInWerk", "buiten-bereik"), ("uitval", "verkeerd-type"), ("versie", "verkeerd-type"),
            ("plaatsingen", "dubbele-sleutel"), ("onbekend", "onbekend-veld"),
        ]);
        controle.Fouten.ShouldAllBe(f => !f.Reason.Contains("Int") && !f.Reason.Contains("System"));
    }

    [Fact]
    public void json_controle_normaliseert_tekst_en_sleutels_en_laat_de_rest_zoals_hij_was()
    {
        using var document = JsonDocument.Parse("{\"titel\":\"Cafe\\u0301\",\"getal\":1.50,\"lijst\":[true,null],\"caf\\u0065\\u0301\":1}");

        var genormaliseerd = System.Text.Encoding.UTF8.GetString(JsonControle.Genormaliseerd(document.RootElement));

        genormaliseerd.ShouldBe("{\"titel\":\"Caf\u00e9\",\"getal\":1.50,\"lijst\":[true,null],\"caf\u00e9\":1}");
    }
}
