namespace Samenwerkingsafspraken.Afspraken.Importeren;

/// <summary>One column of the import template: its header (the API's field name), whether it must be there, what it holds, an example.</summary>
public sealed record Importkolom(string Naam, bool Verplicht, string Omschrijving, string Voorbeeld);

/// <summary>
/// The template of an import: one row per agreement, one plain value per cell, so that a spreadsheet needs no
/// mini-language. What an agreement has several of (public parties, werkafspraken, lines of werkaanbod) is a numbered
/// group of columns (<c>regiopartij1Oin</c>, <c>regiopartij2Oin</c>, …); a group left empty is not there. The headers
/// are the API's own field names, so a problem names the column as the API would name the field.
/// </summary>
public static class Importkolommen
{
    public const int Regiopartijen = 3;
    public const int Werkafspraken = 5;
    public const int Werkaanbodregels = 3;

    public static readonly IReadOnlyList<Importkolom> Alle = Maak();

    private static readonly Dictionary<string, Importkolom> PerNaam = Alle.ToDictionary(k => k.Naam, StringComparer.OrdinalIgnoreCase);

    public static Importkolom? Vind(string naam) => PerNaam.GetValueOrDefault(naam.Trim());

    private static List<Importkolom> Maak()
    {
        var kolommen = new List<Importkolom>
        {
            new("kenmerk", false, "Uw eigen kenmerk van de afspraak; uniek in het bestand. Het register bewaart het bij de import.", "GR-2024-017"),
            new("werkgever", true, "Het KvK-nummer van de werkgever: 8 cijfers, als tekst (voorloopnullen tellen). De werkgever staat al in het register.", "01234567"),
            new("titel", true, "De titel van de afspraak.", "Samen naar werk in de bouw"),
            new("werkgeverContactrol", false, "De vaste contactpersoon (rol) bij de werkgever.", "Vaste contactpersoon HR"),
            new("startdatum", true, "De eerste dag van de looptijd: JJJJ-MM-DD (of D-M-JJJJ, of een Excel-datum).", "2025-01-01"),
            new("einddatum", true, "De laatste dag van de looptijd.", "2026-12-31"),
            new("doelgroepen", true, "De doelgroepen, gescheiden door komma's: banenafspraak, participatiewet, wajong, ww, wia, nugger, statushouders, jongeren, overig.",
                "banenafspraak, participatiewet"),
            new("beroepen", false, "Beroepen, gescheiden door komma's.", "timmerman, metselaar"),
            new("plaatsingenPerJaar", true, "Doel: plaatsingen per jaar (0 tot 10 000).", "8"),
            new("duurzamePlaatsingenPerJaar", true, "Doel: plaatsingen per jaar die na twaalf maanden nog in werk zijn (niet meer dan plaatsingenPerJaar).", "6"),
        };

        for (var n = 1; n <= Regiopartijen; n++)
        {
            var eerste = n == 1;
            kolommen.Add(new($"regiopartij{n}Oin", eerste, $"Regiopartij {n}: het OIN (20 cijfers, als tekst).", eerste ? "00000001001589623000" : ""));
            kolommen.Add(new($"regiopartij{n}Naam", eerste, $"Regiopartij {n}: de naam.", eerste ? "Gemeente Groningen" : ""));
            kolommen.Add(new($"regiopartij{n}Soort", eerste, $"Regiopartij {n}: gemeente, uwv, werkgeversservicepunt, werkcentrum, swBedrijf of anders.",
                eerste ? "gemeente" : ""));
            kolommen.Add(new($"regiopartij{n}Ondertekent", false, $"Regiopartij {n}: ondertekent zij de afspraak? ja of nee (leeg: nee). Ten minste één regiopartij ondertekent.",
                eerste ? "ja" : ""));
            kolommen.Add(new($"regiopartij{n}Contactrol", false, $"Regiopartij {n}: de vaste contactpersoon (rol).", eerste ? "Accountmanager werkgeversservicepunt" : ""));
        }

        for (var n = 1; n <= Werkafspraken; n++)
        {
            var eerste = n == 1;
            kolommen.Add(new($"werkafspraak{n}Variant", eerste, $"Werkafspraak {n}: de code van de variant uit de catalogus (GET /v1/varianten).",
                eerste ? "praktijkroute" : n == 2 ? "externe-jobcoaching" : ""));
            kolommen.Add(new($"werkafspraak{n}Parameters", false,
                $"Werkafspraak {n}: parameters als naam=waarde, gescheiden door puntkomma's of regels; wat ontbreekt, krijgt de standaardwaarde van de variant.",
                eerste ? "aantalPlaatsen=4; mboKwalificatie=Timmerman" : n == 2 ? "urenPerWeek=2.5" : ""));
            kolommen.Add(new($"werkafspraak{n}Maatwerk", false, $"Werkafspraak {n}: het lokale maatwerk in woorden.",
                n == 2 ? "Jobcoach van het SW-bedrijf in de eerste drie maanden." : ""));
        }

        for (var n = 1; n <= Werkaanbodregels; n++)
        {
            var eerste = n == 1;
            kolommen.Add(new($"werkaanbod{n}Sector", false, $"Werkaanbod {n}: de sector van het werk (GET /v1/sectoren). Leeg: geen werkaanbod {n}.", eerste ? "bouw" : ""));
            kolommen.Add(new($"werkaanbod{n}Functie", false, $"Werkaanbod {n}: de functie.", eerste ? "Timmerman" : ""));
            kolommen.Add(new($"werkaanbod{n}Variant", false, $"Werkaanbod {n}: via welke werkafspraak (variantcode) het werk wordt aangeboden.",
                eerste ? "praktijkroute" : ""));
            kolommen.Add(new($"werkaanbod{n}Plaatsen", false, $"Werkaanbod {n}: het aantal plaatsen.", eerste ? "4" : ""));
            kolommen.Add(new($"werkaanbod{n}Vanaf", false, $"Werkaanbod {n}: vanaf wanneer (binnen de looptijd).", eerste ? "2025-03-01" : ""));
        }

        return kolommen;
    }
}
