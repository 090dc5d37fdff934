using System.Text.Json;
using System.Text.Json.Nodes;
using Samenwerkingsafspraken.Hergebruik;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

/// <summary>
/// A world in which every endpoint has something to act on: a proven agreement of <see cref="Testdata.Kvk"/> in AM01
/// (the Gemeente Groningen signs it), an open reuse request for it to AM02, and the employer's references shared with
/// AM05. Drenthe (AM03) has no relation to anything.
/// </summary>
public sealed partial record Wereld(Guid Afspraak, Guid Verzoek)
{
    /// <summary>A route parameter's constraint ({id:guid}), which a URL does not carry.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\w+):[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex Beperking();

    public const string GedeeldMet = "AM05";

    /// <summary>A gemeente of AM01 (Aa en Hunze), and the employer's location.</summary>
    public const string Gemeente = "GM1680";

    public const string Vestiging = "000012345678";

    public static async Task<Wereld> Bouw(IntegratieTest test) => await test.BouwWereld();

    /// <summary>A concrete URL for a route pattern: its path values filled in for this world, and a query where the lookup needs one.</summary>
    public string Url(string patroon)
    {
        var pad = Beperking().Replace(patroon.Replace("{documentName?}", "v1"), "{$1}");
        var id = pad.Contains("hergebruikverzoeken/{id}", StringComparison.Ordinal) ? Verzoek : Afspraak;
        var code = pad.StartsWith("/v1/varianten/", StringComparison.Ordinal) ? "praktijkroute"
            : pad.StartsWith("/v1/gemeenten/", StringComparison.Ordinal) ? Gemeente
            : pad.Contains("/referentiedelingen/", StringComparison.Ordinal) ? GedeeldMet
            : Testdata.Groningen;
        pad = pad.Replace("{id}", id.ToString()).Replace("{stroomId}", Afspraak.ToString()).Replace("{code}", code)
            .Replace("{kvkNummer}", Testdata.Kvk).Replace("{periode}", "2025-K1").Replace("{naam}", "Onbekend")
            .Replace("{vestigingsnummer}", Vestiging).Replace("{status}", "404");
        if (pad.EndsWith("/export", StringComparison.Ordinal)) pad += "?formaat=csv";
        if (pad.EndsWith("/verschillen", StringComparison.Ordinal)) pad += "?van=1&tot=2";
        if (pad.StartsWith("/v1/varianten/gebruik", StringComparison.Ordinal)) pad += (pad.Contains('?') ? "&" : "?") + "arbeidsmarktregio=AM01";
        return pad;
    }

    /// <summary>
    /// A body of the right shape for every write, that its endpoint nevertheless refuses after every check of the
    /// input: a version that is not current, or something that already exists. So a test can send it, and variations
    /// of it, without changing anything.
    /// </summary>
    public JsonObject? Lichaam(string operatie) => operatie switch
    {
        "werkgeverRegistreren" => Json(Testdata.Werkgever()),
        "samenwerkingsafspraakOpstellen" => Json(Testdata.Afspraak()),
        "samenwerkingsafspraakOndertekenen" => new JsonObject { ["versie"] = 999 },
        "samenwerkingsafspraakWijzigen" => Wijziging(),
        "resultatenRegistreren" => Json(new { periode = "2025-K2", plaatsingen = 2, naZesMaandenInWerk = 1, naTwaalfMaandenInWerk = 0, uitval = 0, versie = 999 }),
        "resultatenCorrigeren" => Json(new { reden = "Telfout", plaatsingen = 3, naZesMaandenInWerk = 1, naTwaalfMaandenInWerk = 0, uitval = 0, versie = 999 }),
        "samenwerkingsafspraakEvalueren" => Json(new { oordeel = "succesvol", lessen = "Korte lijnen.\nEen vaste jobcoach.", aanbevolenVoorHergebruik = true, versie = 999 }),
        "samenwerkingsafspraakVerlengen" => Json(new { nieuweEinddatum = "2027-12-31", reden = "Gaat goed", versie = 999 }),
        "samenwerkingsafspraakBeeindigen" => Json(new { reden = "anders", toelichting = "Vervangen door een nieuwe afspraak.", versie = 999 }),
        "hergebruikVerzoeken" => Json(new
        {
            bronAfspraak = Afspraak, arbeidsmarktregio = Testdata.Friesland, toelichting = "Graag ook in Friesland.",
            voorgesteldMaatwerk = new[] { new { variantCode = "externe-jobcoaching", soort = "parameter", parameter = "urenPerWeek", waarde = 4, reden = "Reistijd" } },
        }),
        "hergebruikBesluiten" => Json(new
        {
            besluit = "geaccepteerdMetMaatwerk",
            regiopartijen = new[] { new { oin = Testdata.GemeenteLeeuwarden, naam = "Gemeente Leeuwarden", soort = "gemeente", ondertekent = true, contactrol = "Accountmanager" } },
            looptijd = new { startdatum = "2026-03-01", einddatum = "2027-12-31" },
            maatwerk = new object[]
            {
                new { variantCode = "externe-jobcoaching", soort = "parameter", parameter = "urenPerWeek", waarde = 4, reden = "Langere reistijden" },
                new { variantCode = "praktijkroute", soort = "maatwerk", maatwerk = "Met het Friesland College.", reden = "Regionale mbo-partner" },
                new { variantCode = "basisbaan", soort = "toegevoegd", parameters = new { aantalBanen = 2 }, reden = "Vraag van de gemeente" },
            },
            versie = 999,
        }),
        "hergebruikverzoekIntrekken" => Json(new { toelichting = "Toch niet nodig.", versie = 999 }),
        "variantToevoegen" => Json(new
        {
            code = "praktijkroute", naam = "Praktijkroute", omschrijving = "Praktijkleren met een mbo-praktijkverklaring.", pijler = "scholing",
            parameters = new object[]
            {
                new { naam = "aantalPlaatsen", type = "geheelGetal", verplicht = true, omschrijving = "Plaatsen.", minimum = 1, maximum = 100, standaard = 1, eenheid = "plaatsen" },
                new { naam = "niveau", type = "keuze", verplicht = false, omschrijving = "Het mbo-niveau.", keuzes = new[] { "1", "2" } },
                new { naam = "vanaf", type = "datum", verplicht = false, omschrijving = "Vanaf wanneer.", standaard = "2025-01-01" },
            },
        }),
        "variantWijzigen" => Json(new
        {
            naam = "Praktijkroute", omschrijving = "Praktijkleren met een mbo-praktijkverklaring.", pijler = "scholing",
            parameters = new object[] { new { naam = "aantalPlaatsen", type = "decimaal", verplicht = true, omschrijving = "Plaatsen.", minimum = 1.5, maximum = 100 } },
            reden = "Decimalen toegestaan", versie = 999,
        }),
        "variantUitfaseren" => Json(new { reden = "Opgegaan in een andere variant.", versie = 999 }),
        "referentiesDelen" => Json(new { arbeidsmarktregio = Testdata.Drenthe, toelichting = "Nieuwe vestiging.", versie = 999 }),
        "referentiedelingIntrekken" => Json(new { toelichting = "Niet meer nodig.", versie = 999 }),
        "vindbaarheidVastleggen" => Json(new { vindbaar = true, reden = "Andere regio's mogen leren van onze afspraken.", versie = 999 }),
        "vervullingRegistreren" => Json(new { periode = "2025-K1", regels = new[] { new { sector = "bouw", functie = "Timmerman", vervuld = 1 } }, versie = 999 }),
        "vervullingCorrigeren" => Json(new { reden = "Telfout", regels = new[] { new { sector = "bouw", functie = "Timmerman", vervuld = 2 } }, versie = 999 }),

        // The employer's own data.
        "werkgeverWijzigen" => Json(new { naam = "Bouwbedrijf Noord-Oost B.V.", sector = "bouw", soort = "privaat", netwerken = new[] { "dnz", "slw" },
            reden = "Nieuwe naam", versie = 999 }),
        "vestigingToevoegen" => Json(new { vestigingsnummer = "000012345679", gemeente = "GM0014", versie = 999 }),
        "vestigingVerhuizen" => Json(new { gemeente = "GM0014", versie = 999 }),
        "vestigingSluiten" => Json(new { reden = "De vestiging sluit.", versie = 999 }),
        "werkgeverUitschrijven" => Json(new { datum = "2026-01-01", reden = "Gestopt", versie = 999 }),
        "werkgeverSamenvoegen" => Json(new { opgegaanIn = Testdata.AndereKvk, datum = "2026-01-01", reden = "Overgenomen", versie = 999 }),

        // The delineation: a stale version, an existing code, or a date before the gemeenten and regions existed.
        "arbeidsmarktregioVaststellen" => Json(new { code = Testdata.Groningen, naam = "Groningen", geldigVanaf = "2027-01-01", reden = "Nieuw" }),
        "arbeidsmarktregioHernoemen" => Json(new { naam = "Groningen-Noord", geldigVanaf = "2027-01-01", reden = "Nieuwe naam", versie = 999 }),
        "centrumgemeenteAanwijzen" => Json(new { gemeente = "GM0014", geldigVanaf = "2027-01-01", reden = "Aangewezen", versie = 999 }),
        "arbeidsmarktregioOpheffen" => Json(new { opvolger = Testdata.Friesland, geldigVanaf = "2027-01-01", reden = "Opgeheven", versie = 999 }),
        "arbeidsmarktregioSplitsen" => Json(new
        {
            delen = new object[] { new { arbeidsmarktregio = "AM98", naam = "Noord-Groningen", gemeenten = new[] { Gemeente } } },
            geldigVanaf = "2027-01-01", reden = "Gesplitst", versie = 999,
        }),
        "arbeidsmarktregiosSamenvoegen" => Json(new
            { regios = new[] { Testdata.Friesland }, arbeidsmarktregio = Testdata.Groningen, geldigVanaf = "2000-01-02", reden = "Samen" }),
        "gemeenteVerplaatsen" => Json(new { arbeidsmarktregio = Testdata.Friesland, geldigVanaf = "2027-01-01", reden = "Verplaatst", versie = 999 }),
        "gemeentenHerindelen" => Json(new { code = "GM0014", geldigVanaf = "2000-01-02", opgeheven = new[] { Gemeente }, reden = "Herindeling" }),
        _ => null,
    };

    /// <summary>Writes without a JSON body: a rebuild, a CBS file and an import of agreements (text/csv or xlsx), which have tests of their own.</summary>
    public static readonly IReadOnlySet<string> ZonderLichaam = new HashSet<string> { "projectieHerbouwen", "indelingsbestandLaden", "afsprakenImporteren" };

    private static JsonObject Wijziging()
    {
        var inhoud = Json(Testdata.Afspraak());
        inhoud.Remove("werkgever");
        inhoud.Remove("arbeidsmarktregio");
        inhoud["reden"] = "Meer plaatsen afgesproken";
        inhoud["versie"] = 999;
        return inhoud;
    }

    private static JsonObject Json(object waarde) => JsonSerializer.SerializeToNode(waarde, Infrastructure.Json.Options)!.AsObject();
}

public abstract partial class IntegratieTest
{
    public async Task<Wereld> BouwWereld()
    {
        (await Post("/v1/werkgevers", Testdata.Werkgever(Testdata.AndereKvk, "Installatiebedrijf Zuid B.V."), Tokens.Regiopartij())).Status.ShouldBe(201);
        var bron = await Bewezen();
        var verzoek = await VraagHergebruik(bron.Id);
        verzoek.Status.ShouldBe(201, verzoek.Tekst);
        var gedeeld = await Post($"/v1/werkgevers/{Testdata.Kvk}/referentiedelingen", new { arbeidsmarktregio = Wereld.GedeeldMet }, Tokens.Werkgever());
        gedeeld.Status.ShouldBe(201, gedeeld.Tekst);
        return new Wereld(bron.Id, verzoek.Als<HergebruikverzoekWeergave>().Id);
    }
}
