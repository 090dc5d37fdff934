using Samenwerkingsafspraken.Afspraken;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

/// <summary>Steps that many stories share: an employer, a concept in AM01, an active agreement.</summary>
public abstract partial class IntegratieTest
{
    protected const string Afspraken = "/v1/samenwerkingsafspraken";

    protected async Task WerkgeverGeregistreerd(string kvk = Testdata.Kvk)
    {
        var antwoord = await Post("/v1/werkgevers", Testdata.Werkgever(kvk), Tokens.Regiopartij());
        antwoord.Status.ShouldBe(201, antwoord.Tekst);
    }

    protected async Task<SamenwerkingsafspraakWeergave> Concept(string kvk = Testdata.Kvk)
    {
        await WerkgeverGeregistreerd(kvk);
        var antwoord = await Post(Afspraken, Testdata.Afspraak(kvk), Tokens.Regiopartij());
        antwoord.Status.ShouldBe(201, antwoord.Tekst);
        return antwoord.Als<SamenwerkingsafspraakWeergave>();
    }

    protected async Task<SamenwerkingsafspraakWeergave> Actief(string kvk = Testdata.Kvk)
    {
        var concept = await Concept(kvk);
        (await Post($"{Afspraken}/{concept.Id}/ondertekeningen", new { versie = 1 }, Tokens.Werkgever(kvk))).Status.ShouldBe(200);
        var antwoord = await Post($"{Afspraken}/{concept.Id}/ondertekeningen", new { versie = 2 }, Tokens.Regiopartij());
        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        return antwoord.Als<SamenwerkingsafspraakWeergave>();
    }

    protected async Task<SamenwerkingsafspraakWeergave> Lees(Guid id) =>
        (await Get($"{Afspraken}/{id}", Tokens.Auditor())).Als<SamenwerkingsafspraakWeergave>();

    protected static object Resultaten(string periode, int plaatsingen, long versie, int zes = 0, int twaalf = 0, int uitval = 0) =>
        new { periode, plaatsingen, naZesMaandenInWerk = zes, naTwaalfMaandenInWerk = twaalf, uitval, versie };
}
