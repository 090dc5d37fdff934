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

    /// <summary>Results are recorded for a quarter that has ended: domain time moves to just after the first quarter of 2025.</summary>
    protected void NaHetEersteKwartaal() => Tijd.Zet(new DateTimeOffset(2025, 4, 2, 10, 0, 0, TimeSpan.FromHours(2)));

    protected async Task<SamenwerkingsafspraakWeergave> Lees(Guid id) =>
        (await Get($"{Afspraken}/{id}", Tokens.Auditor())).Als<SamenwerkingsafspraakWeergave>();

    protected static object Resultaten(string periode, int plaatsingen, long versie, int zes = 0, int twaalf = 0, int uitval = 0) =>
        new { periode, plaatsingen, naZesMaandenInWerk = zes, naTwaalfMaandenInWerk = twaalf, uitval, versie };
}

public abstract partial class IntegratieTest
{
    protected static readonly DateTimeOffset NaEenJaar = new(2026, 1, 15, 10, 0, 0, TimeSpan.FromHours(1));

    /// <summary>
    /// An agreement in AM01 that becomes proven over simulated time: a year of quarterly results on target (2 of 8 a
    /// year each quarter), then a positive evaluation by the employer and by the gemeente.
    /// </summary>
    protected async Task<SamenwerkingsafspraakWeergave> Bewezen(string kvk = Testdata.Kvk, IAlbaHost? op = null)
    {
        var host = op ?? Host;
        (await Verstuur(host, HttpMethod.Post, "/v1/werkgevers", Testdata.Werkgever(kvk), Tokens.Regiopartij())).Status.ShouldBe(201);
        var id = (await Verstuur(host, HttpMethod.Post, Afspraken, Testdata.Afspraak(kvk), Tokens.Regiopartij())).Als<SamenwerkingsafspraakWeergave>().Id;
        (await Verstuur(host, HttpMethod.Post, $"{Afspraken}/{id}/ondertekeningen", new { versie = 1 }, Tokens.Werkgever(kvk))).Status.ShouldBe(200);
        var versie = (await Verstuur(host, HttpMethod.Post, $"{Afspraken}/{id}/ondertekeningen", new { versie = 2 }, Tokens.Regiopartij())).Versie;
        foreach (var (kwartaal, maand) in new[] { ("2025-K1", 4), ("2025-K2", 7), ("2025-K3", 10), ("2025-K4", 13) })
        {
            Tijd.Zet(new DateTimeOffset(2025 + (maand - 1) / 12, (maand - 1) % 12 + 1, 5, 10, 0, 0, TimeSpan.FromHours(1)));
            var gemeten = await Verstuur(host, HttpMethod.Post, $"{Afspraken}/{id}/resultaten", Resultaten(kwartaal, 2, versie, zes: 2, twaalf: 1),
                Tokens.Regiopartij());
            gemeten.Status.ShouldBe(200, gemeten.Tekst);
            versie = gemeten.Versie;
        }

        Tijd.Zet(NaEenJaar);
        foreach (var token in new[] { Tokens.Werkgever(kvk), Tokens.Regiopartij() })
        {
            var evaluatie = await Verstuur(host, HttpMethod.Post, $"{Afspraken}/{id}/evaluaties",
                new { oordeel = "succesvol", lessen = "Een vaste jobcoach en korte lijnen werkten.", aanbevolenVoorHergebruik = true, versie }, token);
            evaluatie.Status.ShouldBe(200, evaluatie.Tekst);
            versie = evaluatie.Versie;
        }

        return (await Verstuur(host, HttpMethod.Get, $"{Afspraken}/{id}", null, Tokens.Auditor())).Als<SamenwerkingsafspraakWeergave>();
    }

    protected Task<Antwoord> VraagHergebruik(Guid bron, string regio = Testdata.Friesland, object? maatwerk = null, string kvk = Testdata.Kvk) =>
        Post("/v1/hergebruikverzoeken", new { bronAfspraak = bron, arbeidsmarktregio = regio, toelichting = "Werkt in Groningen, graag ook in Friesland.",
            voorgesteldMaatwerk = maatwerk }, Tokens.Werkgever(kvk));

    protected string Leeuwarden => Tokens.Regiopartij(Testdata.GemeenteLeeuwarden, Testdata.Friesland);

    protected string Assen => Tokens.Regiopartij(Testdata.GemeenteAssen, Testdata.Drenthe);

    protected static object Accepteren(long versie, object? maatwerk = null) => new
    {
        besluit = maatwerk is null ? "geaccepteerd" : "geaccepteerdMetMaatwerk",
        regiopartijen = new[] { new { oin = Testdata.GemeenteLeeuwarden, naam = "Gemeente Leeuwarden", soort = "gemeente", ondertekent = true } },
        looptijd = new { startdatum = "2026-03-01", einddatum = "2027-12-31" },
        maatwerk,
        versie,
    };
}
