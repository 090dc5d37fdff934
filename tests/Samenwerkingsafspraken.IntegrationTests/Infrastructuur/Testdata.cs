using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Opstellen;
using Samenwerkingsafspraken.Werkgevers.Registreren;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

public static class Testdata
{
    public const string Kvk = "01234567";
    public const string AndereKvk = "76543210";
    public const string Groningen = "AM01";
    public const string Friesland = "AM02";
    public const string Drenthe = "AM03";
    public const string GemeenteGroningen = "00000001001589623000";
    public const string UwvGroningen = "00000001003214345000";
    public const string GemeenteLeeuwarden = "00000001001563891000";
    public const string GemeenteAssen = "00000001001598377000";

    public static WerkgeverRegistrerenVerzoek Werkgever(string kvk = Kvk, string naam = "Bouwbedrijf Noord B.V.", string sector = "bouw") =>
        new(kvk, naam, sector, "privaat", ["dnz"], [new VestigingVerzoek("000012345678", Groningen)]);

    public static AfspraakOpstellenVerzoek Afspraak(string kvk = Kvk, string regio = Groningen, string oin = GemeenteGroningen,
        DateOnly? start = null, DateOnly? eind = null) =>
        new(kvk, regio, "Samen naar werk in de bouw", "Vaste contactpersoon HR",
            [
                new RegiopartijVerzoek(oin, "Gemeente", "gemeente", true, "Accountmanager werkgeversservicepunt"),
                new RegiopartijVerzoek(UwvGroningen, "UWV", "uwv", false, null),
            ],
            [
                new WerkafspraakVerzoek("praktijkroute", new() { ["aantalPlaatsen"] = Json(4), ["mboKwalificatie"] = Json("Timmerman") }, null),
                new WerkafspraakVerzoek("externe-jobcoaching", new() { ["urenPerWeek"] = Json(2.5) }, "Jobcoach van het SW-bedrijf in de eerste drie maanden."),
            ],
            ["banenafspraak", "participatiewet"],
            ["timmerman"],
            new DoelstellingenVerzoek(8, 6),
            new LooptijdVerzoek(start ?? new DateOnly(2025, 1, 1), eind ?? new DateOnly(2026, 12, 31)));

    public static System.Text.Json.JsonElement Json<T>(T waarde) => System.Text.Json.JsonSerializer.SerializeToElement(waarde);
}
