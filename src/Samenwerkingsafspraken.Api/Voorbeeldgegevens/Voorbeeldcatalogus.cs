using System.Text.Json;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Werkgevers;

namespace Samenwerkingsafspraken.Voorbeeldgegevens;

/// <summary>A made-up employer of the demo data: the KvK-nummers (9900…, and the three of the demo sign-in) and the names are invented.</summary>
public sealed record Voorbeeldwerkgever(string KvkNummer, string Naam, string Sector, Werkgeversoort Soort, IReadOnlyList<string> Netwerken,
    IReadOnlyList<string> Regios)
{
    public Gebruiker Gebruiker => new($"demo-werkgever-{KvkNummer}", Voorbeeldcatalogus.WerkgeverPersoon(KvkNummer), Rollen.Werkgever, KvkNummer, null,
        new HashSet<string>(), null);
}

/// <summary>The public parties of a region in the demo data: a gemeente (usually the centrumgemeente) and UWV.</summary>
public sealed record Voorbeeldregio(string Code, string Naam, string Gemeente, string GemeenteOin)
{
    /// <summary>UWV is one organisation with one OIN; it acts in each region through its office there.</summary>
    public const string UwvOin = "00000001003214345000";

    public string Uwvnaam => $"UWV {Naam}";

    public Gebruiker GemeenteGebruiker => new(
        Voorbeeldcatalogus.Demoid(Gemeente) ?? $"demo-gemeente-{Code.ToLowerInvariant()}", Voorbeeldcatalogus.GemeentePersoon(Gemeente),
        Rollen.Regiopartij, null, GemeenteOin, new HashSet<string> { Code }, Gemeente);

    public Gebruiker UwvGebruiker => new(
        Code == "AM01" ? "demo-uwv-groningen" : $"demo-uwv-{Code.ToLowerInvariant()}", "Adviseur werkgeversdienstverlening", Rollen.Regiopartij, null, UwvOin,
        new HashSet<string> { Code }, Uwvnaam);

    public RegiopartijVerzoek GemeentePartij(bool ondertekent = true) =>
        new(GemeenteOin, Gemeente, "gemeente", ondertekent, "Accountmanager werkgeversservicepunt");

    public RegiopartijVerzoek UwvPartij(bool ondertekent) => new(UwvOin, Uwvnaam, "uwv", ondertekent, "Adviseur werkgeversdienstverlening");
}

/// <summary>
/// The fixed material the demo data is made of: employers, regions and the content of agreements per sector. The
/// organisations of the demo sign-in (Infrastructure/Web/Aanmelden/Demoidentiteiten) are among them, so that a person
/// who signs in as one of them sees that organisation's own work.
/// </summary>
public static class Voorbeeldcatalogus
{
    public static readonly IReadOnlyList<Voorbeeldwerkgever> Werkgevers =
    [
        W(1, "Bouwbedrijf Noord B.V.", "bouw", ["dnz"], "AM01", "AM02", "AM03", "AM36"),
        W(2, "Zorggroep Oost", "zorg-en-welzijn", ["slw"], "AM05", "AM36", "AM01", "AM06"),
        W(3, "Landelijke Supermarkten N.V.", "handel", ["dnz", "slw"], "AM22", "AM13", "AM01", "AM21", "AM23", "AM18", "AM28", "AM07", "AM30", "AM25"),
        W(4, "Van der Heijden Logistiek B.V.", "logistiek", ["slw"], "AM22", "AM23", "AM25", "AM28", "AM29"),
        W(5, "Hollandse Schoonmaakgroep B.V.", "schoonmaak-en-facilitair", ["slw"], "AM18", "AM21", "AM22", "AM13", "AM19"),
        W(6, "Brouwerij De Lage Landen B.V.", "industrie", ["dnz"], "AM27", "AM28", "AM26"),
        W(7, "Groenrijk Hoveniers B.V.", "landbouw", ["dnz"], "AM38", "AM14", "AM07"),
        W(8, "Stichting Thuiszorg Midden", "zorg-en-welzijn", ["dnz"], "AM13", "AM14", "AM12"),
        W(9, "Techniek Unie Nederland B.V.", "industrie", ["slw"], "AM28", "AM32", "AM05", "AM08"),
        W(10, "Horecagroep Zuid B.V.", "horeca", ["dnz"], "AM30", "AM33", "AM29"),
        W(11, "Drukkerij Veenstra & Zonen B.V.", "industrie", [], "AM02"),
        W(12, "Rijwielfabriek Oostland B.V.", "industrie", ["dnz"], "AM08", "AM07", "AM09"),
        W(13, "Energiecoöperatie Noorderwind U.A.", "energie", ["dnz"], "AM01", "AM03", "AM02"),
        W(14, "Spaarbank Nederland N.V.", "financiele-dienstverlening", ["slw"], "AM18", "AM13", "AM22", "AM21"),
        W(15, "Verzekeraar De Zekerheid N.V.", "financiele-dienstverlening", ["slw"], "AM36", "AM13", "AM06"),
        W(16, "ICT Werkt B.V.", "ict", ["dnz"], "AM13", "AM18", "AM28", "AM01"),
        W(17, "Klantcontact Plus B.V.", "zakelijke-dienstverlening", ["dnz"], "AM30", "AM05", "AM02"),
        W(18, "Recreatiepark De Veluwse Bossen B.V.", "cultuur-en-recreatie", [], "AM06", "AM38"),
        W(19, "Kwekerij Westland Glas B.V.", "landbouw", ["slw"], "AM21", "AM22", "AM19"),
        W(20, "Stadsbus Midden B.V.", "logistiek", ["slw"], "AM13", "AM14", "AM07"),
        W(21, "Wasserij Schoon & Fris B.V.", "schoonmaak-en-facilitair", ["dnz"], "AM09", "AM05"),
        W(22, "Bouwmaterialen Delta B.V.", "handel", [], "AM24", "AM25"),
        W(23, "Hotelgroep Lage Landen B.V.", "horeca", ["slw"], "AM18", "AM21", "AM30", "AM15"),
        W(24, "Voedingsfabriek Maasland B.V.", "industrie", ["dnz"], "AM27", "AM29", "AM33"),
        W(25, "Warenhuis De Markt B.V.", "handel", ["dnz"], "AM22", "AM23", "AM20"),
        W(26, "Administratiekantoor Van Dijk & Partners", "zakelijke-dienstverlening", [], "AM19", "AM34"),
        W(27, "Tuincentrum Het Groene Hart B.V.", "handel", ["dnz"], "AM20", "AM34", "AM35"),
        W(28, "Installatiebedrijf Vonk & Buis B.V.", "bouw", ["slw"], "AM15", "AM17", "AM37"),
        W(29, "Gemeente Zuiderhaven (als werkgever)", "gemeenten", ["dnz"], "AM24"),
        W(30, "Provincie Middenland", "provincies", ["slw"], "AM13", "AM14"),
        W(31, "Waterschap De Drie Rivieren", "waterschappen", ["dnz"], "AM10", "AM35", "AM08"),
        W(32, "Ministerie van Voorbeeldzaken", "rijk", ["slw"], "AM21", "AM13", "AM01"),
        W(33, "Defensie Bedrijf Noordoost", "defensie", ["slw"], "AM36", "AM01", "AM03"),
        W(34, "Politie-eenheid Veluwe-IJssel", "politie", ["slw"], "AM06", "AM07"),
        W(35, "ROC De Maasoever", "mbo", ["dnz"], "AM22", "AM23"),
        W(36, "Hogeschool Noorderlicht", "hbo", ["dnz"], "AM01", "AM02"),
        W(37, "Universiteit van de Lage Landen", "wo", ["slw"], "AM13", "AM14"),
        W(38, "Universitair Medisch Centrum Achterland", "umc", ["slw"], "AM08", "AM09"),
        W(39, "Scholengroep Het Baken", "voortgezet-onderwijs", ["dnz"], "AM15", "AM37", "AM11"),
        W(40, "Omgevingsdienst Brabant-Midden", "overig-publiek", [], "AM26", "AM27"),
    ];

    /// <summary>
    /// The regions with the gemeente that acts for each. The gemeenten of the demo sign-in carry their OIN; the others
    /// have made-up OINs (with 999 after the prefix).
    /// </summary>
    public static readonly IReadOnlyList<Voorbeeldregio> Regios =
    [
        new("AM01", "Groningen", "Gemeente Groningen", "00000001001589623000"),
        new("AM02", "Friesland", "Gemeente Leeuwarden", "00000001001563891000"),
        new("AM03", "Drenthe", "Gemeente Assen", "00000001001598377000"),
        R("AM05", "Twente", "Enschede"), R("AM06", "Stedendriehoek", "Apeldoorn"), R("AM07", "Midden-Gelderland", "Arnhem"),
        R("AM08", "Rijk van Nijmegen", "Nijmegen"), R("AM09", "Achterhoek", "Doetinchem"), R("AM10", "Rivierenland", "Tiel"),
        R("AM11", "Flevoland", "Almere"), R("AM12", "Gooi en Vechtstreek", "Hilversum"),
        new("AM13", "Midden-Utrecht", "Gemeente Utrecht", "00000001002220647000"),
        R("AM14", "Amersfoort", "Amersfoort"), R("AM15", "Noord-Holland Noord", "Alkmaar"), R("AM17", "Zaanstreek/Waterland", "Zaanstad"),
        R("AM18", "Groot Amsterdam", "Amsterdam"), R("AM19", "Holland Rijnland", "Leiden"), R("AM20", "Midden-Holland", "Gouda"),
        R("AM21", "Haaglanden", "Den Haag"), R("AM22", "Rijnmond", "Rotterdam"), R("AM23", "Drechtsteden", "Dordrecht"),
        R("AM24", "Zeeland", "Middelburg"), R("AM25", "West-Brabant", "Breda"), R("AM26", "Midden-Brabant", "Tilburg"),
        R("AM27", "Noordoost-Brabant", "'s-Hertogenbosch"), R("AM28", "Zuidoost-Brabant", "Eindhoven"), R("AM29", "Noord-Limburg", "Venlo"),
        R("AM30", "Zuid-Limburg", "Heerlen"), R("AM32", "Helmond-De Peel", "Helmond"), R("AM33", "Midden-Limburg", "Roermond"),
        R("AM34", "Zuid-Holland Centraal", "Zoetermeer"), R("AM35", "Gorinchem", "Gorinchem"), R("AM36", "Regio Zwolle", "Zwolle"),
        R("AM37", "Zuid-Kennemerland en IJmond", "Haarlem"), R("AM38", "Food Valley", "Ede"),
    ];

    public static Voorbeeldregio Regio(string code) => Regios.First(r => r.Code == code);

    public static Voorbeeldwerkgever Werkgever(int nummer) => Werkgevers[nummer - 1];

    /// <summary>The demo sign-in's person for an organisation of the demo data, so that events name the person who signs in.</summary>
    public static string? Demoid(string organisatie) => organisatie switch
    {
        "Gemeente Groningen" => "demo-gemeente-groningen",
        "Gemeente Leeuwarden" => "demo-gemeente-leeuwarden",
        "Gemeente Assen" => "demo-gemeente-assen",
        "Gemeente Utrecht" => "demo-gemeente-utrecht",
        _ => null,
    };

    public static string GemeentePersoon(string gemeente) => gemeente switch
    {
        "Gemeente Leeuwarden" => "Accountmanager Werkgeversservicepunt Fryslân",
        "Gemeente Assen" => "Accountmanager Werkplein Drentsche Aa",
        "Gemeente Utrecht" => "Accountmanager Werkgeversservicepunt Midden-Utrecht",
        _ => "Accountmanager werkgeversdienstverlening",
    };

    public static string WerkgeverPersoon(string kvk) => kvk switch
    {
        "76543210" => "Manager inclusie",
        "11223344" => "Coördinator inclusief werkgeverschap",
        _ => "HR-adviseur",
    };

    public static Gebruiker Beheerder { get; } = new("demo-beheerder", "Functioneel beheerder", Rollen.Beheerder, null, null, new HashSet<string>(),
        "Beheer Samenwerkingsafspraken");

    /// <summary>What an agreement in a sector is about: its title, occupations, werkafspraken and target groups.</summary>
    public sealed record Sjabloon(string Titel, IReadOnlyList<string> Beroepen, Func<Random, IReadOnlyList<WerkafspraakVerzoek>> Werkafspraken,
        IReadOnlyList<string> Doelgroepen);

    public static IReadOnlyList<Sjabloon> Sjablonen(string sector) => sector switch
    {
        "bouw" =>
        [
            new("Samen naar werk in de bouw", ["timmerman", "metselaar"], r =>
                [Praktijkroute(r, "Timmerman"), Jobcoaching(r, "Jobcoach van het SW-bedrijf in de eerste drie maanden."), Wa("no-riskpolis")], ["banenafspraak", "participatiewet"]),
            new("Vakmanschap in de bouw: leren en werken", ["stratenmaker", "grondwerker"], r =>
                [Praktijkroute(r, "Stratenmaker"), Wa("loonkostensubsidie", ("methode", "op-de-werkplek"))], ["participatiewet", "jongeren"]),
        ],
        "zorg-en-welzijn" =>
        [
            new("Zorgbanen voor iedereen", ["helpende zorg en welzijn"], r =>
                [Praktijkroute(r, "Helpende zorg en welzijn"), Wa("jobcarving", ("aantalFuncties", r.Next(2, 8))), Wa("interne-jobcoaching", ("urenPerWeek", 2m))], ["banenafspraak"]),
            new("Ondersteunende functies in de zorg", ["facilitair medewerker", "gastvrouw"], r =>
                [Wa("jobcarving", ("aantalFuncties", r.Next(3, 10)), ("methode", "inclusief-herontwerp-van-werk")), Wa("proefplaatsing", ("duurInWeken", 8))], ["banenafspraak", "wajong"]),
        ],
        "handel" =>
        [
            new("Vakkenvullen met een jobcoach", ["vakkenvuller"], r =>
                [Jobcoaching(r, null), Wa("proefplaatsing", ("duurInWeken", 6)), Wa("vast-contactpersoon", ("voor", "beide"))], ["banenafspraak", "participatiewet"]),
            new("Werken in de winkel", ["verkoopmedewerker", "magazijnmedewerker"], r =>
                [Wa("basisbaan", ("aantalBanen", r.Next(2, 10)), ("urenPerWeek", 24m)), Wa("nazorg", ("duurInMaanden", 6))], ["participatiewet", "statushouders"]),
        ],
        "logistiek" =>
        [
            new("Orderpicken met begeleiding", ["orderpicker", "heftruckchauffeur"], r =>
                [Wa("leerwerkplek", ("aantalPlaatsen", r.Next(2, 12))), Wa("detachering-sw", ("aantalPlaatsen", r.Next(2, 8)), ("detacheerder", "Werkbedrijf Regio")), Jobcoaching(r, null)],
                ["banenafspraak", "participatiewet"]),
            new("Chauffeurs van morgen", ["buschauffeur"], r =>
                [Wa("opleidingstraject", ("aantalPlaatsen", r.Next(2, 8)), ("opleiding", "Rijbewijs D en code 95")), Wa("proefplaatsing", ("duurInWeken", 8))], ["ww", "participatiewet"]),
        ],
        "schoonmaak-en-facilitair" =>
        [
            new("Schoon werk", ["schoonmaker"], r =>
                [Wa("detachering-sw", ("aantalPlaatsen", r.Next(3, 15)), ("detacheerder", "Werkbedrijf Regio")), Wa("basisbaan", ("aantalBanen", r.Next(2, 8))), Wa("nazorg")],
                ["banenafspraak"]),
        ],
        "industrie" =>
        [
            new("Productiewerk op maat", ["productiemedewerker", "operator"], r =>
                [Wa("jobcarving", ("aantalFuncties", r.Next(2, 10)), ("methode", "jobcarving")), Praktijkroute(r, "Operator C"), Wa("interne-jobcoaching", ("urenPerWeek", 3m))],
                ["banenafspraak", "participatiewet"]),
            new("Leren in de fabriek", ["inpakker", "machinebediener"], r =>
                [Wa("leerwerkplek", ("aantalPlaatsen", r.Next(2, 10))), Wa("loonkostensubsidie"), Wa("no-riskpolis")], ["wajong", "banenafspraak"]),
        ],
        "horeca" =>
        [
            new("Aan de slag in de horeca", ["medewerker bediening", "keukenhulp"], r =>
                [Praktijkroute(r, "Medewerker bediening"), Wa("leerwerkplek", ("aantalPlaatsen", r.Next(2, 8)))], ["jongeren", "statushouders"]),
        ],
        "ict" =>
        [
            new("Digitaal talent", ["servicedeskmedewerker", "testmedewerker"], r =>
                [Wa("opleidingstraject", ("aantalPlaatsen", r.Next(2, 6)), ("opleiding", "Servicedesk medewerker")), Wa("interne-jobcoaching", ("urenPerWeek", 2m))],
                ["banenafspraak", "wajong"]),
        ],
        "financiele-dienstverlening" or "zakelijke-dienstverlening" =>
        [
            new("Administratieve ondersteuning", ["administratief medewerker", "documentverwerker"], r =>
                [Wa("jobcarving", ("aantalFuncties", r.Next(2, 12))), Wa("werkervaringsplaats", ("aantalPlaatsen", r.Next(2, 6))), Wa("interne-jobcoaching", ("urenPerWeek", 2.5m))],
                ["banenafspraak", "participatiewet"]),
            new("Klantcontact met begeleiding", ["klantenservicemedewerker"], r =>
                [Wa("proefplaatsing", ("duurInWeken", 8)), Jobcoaching(r, null), Wa("vast-contactpersoon", ("voor", "werkgever"))], ["participatiewet", "ww"]),
        ],
        "landbouw" =>
        [
            new("Groen werk", ["medewerker groene ruimte", "tuinder"], r =>
                [Wa("leerwerkplek", ("aantalPlaatsen", r.Next(2, 10))), Praktijkroute(r, "Medewerker groene ruimte"), Wa("detachering-sw", ("aantalPlaatsen", r.Next(2, 6)), ("detacheerder", "Groenbedrijf Regio"))],
                ["banenafspraak", "participatiewet"]),
        ],
        "energie" or "cultuur-en-recreatie" =>
        [
            new("Werken aan de slag", ["medewerker onderhoud", "gastheer"], r =>
                [Wa("werkervaringsplaats", ("aantalPlaatsen", r.Next(2, 6))), Wa("proefplaatsing", ("duurInWeken", 6)), Wa("nazorg", ("duurInMaanden", 12))],
                ["participatiewet", "jongeren"]),
        ],
        "mbo" or "hbo" or "wo" or "primair-onderwijs" or "voortgezet-onderwijs" =>
        [
            new("Ondersteuning in het onderwijs", ["onderwijsassistent", "conciërge"], r =>
                [Wa("jobcarving", ("aantalFuncties", r.Next(2, 8))), Wa("loonkostensubsidie"), Wa("vast-contactpersoon")], ["banenafspraak"]),
        ],
        _ =>
        [
            new("Banenafspraak bij de overheid", ["medewerker facilitaire dienst", "archiefmedewerker"], r =>
                [Wa("jobcarving", ("aantalFuncties", r.Next(3, 12)), ("methode", "inclusief-herontwerp-van-werk")), Wa("no-riskpolis"), Wa("vast-contactpersoon", ("voor", "beide"))],
                ["banenafspraak", "wajong"]),
            new("Werkervaring bij de overheid", ["administratief medewerker"], r =>
                [Wa("werkervaringsplaats", ("aantalPlaatsen", r.Next(2, 8))), Wa("interne-jobcoaching", ("urenPerWeek", 2m))], ["participatiewet", "statushouders"]),
        ],
    };

    public static WerkafspraakVerzoek Praktijkroute(Random r, string kwalificatie) =>
        Wa("praktijkroute", ("aantalPlaatsen", r.Next(2, 9)), ("mboKwalificatie", kwalificatie));

    public static WerkafspraakVerzoek Jobcoaching(Random r, string? maatwerk) =>
        Wa("externe-jobcoaching", ("urenPerWeek", r.Next(2, 9) / 2m), ("duurInMaanden", 12)) with { Maatwerk = maatwerk };

    public static WerkafspraakVerzoek Wa(string variant, params (string Naam, object Waarde)[] parameters) =>
        new(variant, parameters.ToDictionary(p => p.Naam, p => JsonSerializer.SerializeToElement(p.Waarde)), null);

    public static readonly IReadOnlyList<string> Lessen =
    [
        "Een vaste jobcoach en korte lijnen met de leidinggevende werkten goed.",
        "De praktijkverklaring gaf medewerkers erkenning en motivatie.",
        "Taken opnieuw verdelen leverde passende functies op die blijven.",
        "Een proefplaatsing vooraf voorkwam uitval in de eerste maanden.",
        "Een vast aanspreekpunt bij de gemeente maakte het verschil voor de werkgever.",
        "Begeleiding na plaatsing bleek nodig; die is nu vast onderdeel.",
    ];

    public static readonly IReadOnlyList<string> MindereLessen =
    [
        "De begeleiding kwam te laat op gang; we starten voortaan met een jobcoach.",
        "Te weinig kandidaten uit de doelgroep vonden de weg naar deze functies.",
        "De functies vroegen meer dan gedacht; jobcarving had eerder gemoeten.",
    ];

    private static Voorbeeldwerkgever W(int nummer, string naam, string sector, string[] netwerken, params string[] regios) =>
        new(Kvk(nummer), naam, sector, Sectoren.Vind(sector)!.Soort, netwerken, regios);

    /// <summary>The first three are the employers of the demo sign-in, with its KvK-nummers, so that signing in as one shows its own references.</summary>
    private static string Kvk(int nummer) => nummer switch
    {
        1 => "01234567",
        2 => "76543210",
        3 => "11223344",
        _ => $"99{nummer:000000}",
    };

    private static Voorbeeldregio R(string code, string naam, string gemeente) =>
        new(code, naam, $"Gemeente {gemeente}", $"00000001999{code[2..]}0000000");
}
