using System.Globalization;
using System.Text.Json;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Varianten;

namespace Samenwerkingsafspraken.Afspraken;

public sealed class Regiopartijrij
{
    public string? Oin { get; set; }
    public string? Naam { get; set; }
    public string? Soort { get; set; }
    public bool Ondertekent { get; set; }
    public string? Contactrol { get; set; }
}

public sealed class Werkafspraakrij
{
    public string? VariantCode { get; set; }
    public Dictionary<string, string?> Parameters { get; set; } = new();
    public string? Maatwerk { get; set; }
}

public sealed class Doelstellingenrij
{
    public string? PlaatsingenPerJaar { get; set; }
    public string? DuurzamePlaatsingenPerJaar { get; set; }
}

/// <summary>A line of werkaanbod: the work the employer offers, whose filled places are recorded per quarter.</summary>
public sealed class Werkaanbodinvoer
{
    public string? Sector { get; set; }
    public string? Functie { get; set; }
    public string? VariantCode { get; set; }
    public string? AantalPlaatsen { get; set; }
    public string? Vanaf { get; set; }
}

public sealed class Looptijdrij
{
    public string? Startdatum { get; set; }
    public string? Einddatum { get; set; }
}

/// <summary>
/// The content of an agreement as a form holds it, for drawing up and for amending: text as the person typed it, its
/// fields named by the JSON paths of the API's request (<c>werkafspraken[0].parameters[urenPerWeek]</c>), so that the
/// command's problems find their fields. A werkafspraak's parameter fields follow its variant's definition.
/// </summary>
public sealed class Afspraakformulier
{
    public string? Titel { get; set; }
    public string? WerkgeverContactrol { get; set; }
    public List<Regiopartijrij> Regiopartijen { get; set; } = [];
    public List<Werkafspraakrij> Werkafspraken { get; set; } = [];
    public List<string> Doelgroepen { get; set; } = [];

    /// <summary>One occupation per line.</summary>
    public string? Beroepen { get; set; }

    public Doelstellingenrij Doelstellingen { get; set; } = new();
    public Looptijdrij Looptijd { get; set; } = new();
    public List<Werkaanbodinvoer> Werkaanbod { get; set; } = [];

    /// <summary>The variant chosen to add as a werkafspraak (not part of the agreement).</summary>
    public string? NieuweVariant { get; set; }

    public static Afspraakformulier Leeg(Gebruiker gebruiker) => new()
    {
        Regiopartijen = [new Regiopartijrij { Oin = gebruiker.Oin, Naam = gebruiker.Organisatienaam, Soort = Soortvan(gebruiker.Organisatienaam), Ondertekent = true }],
    };

    public static Afspraakformulier Van(Afspraakinhoud inhoud) => new()
    {
        Titel = inhoud.Titel,
        WerkgeverContactrol = inhoud.WerkgeverContactrol,
        Regiopartijen = inhoud.Regiopartijen.Select(p => new Regiopartijrij
        {
            Oin = p.Oin, Naam = p.Naam, Soort = Tekst.Sleutel(p.Soort), Ondertekent = p.Ondertekent, Contactrol = p.Contactrol,
        }).ToList(),
        Werkafspraken = inhoud.Werkafspraken.Select(w => new Werkafspraakrij
        {
            VariantCode = w.VariantCode, Parameters = w.Parameters.ToDictionary(p => p.Key, p => Invoer.AlsTekst(p.Value)), Maatwerk = w.Maatwerk,
        }).ToList(),
        Doelgroepen = inhoud.Doelgroepen.Select(Tekst.Sleutel).ToList(),
        Beroepen = string.Join("\n", inhoud.Beroepen),
        Doelstellingen = new Doelstellingenrij
        {
            PlaatsingenPerJaar = inhoud.Doelstellingen.PlaatsingenPerJaar.ToString(CultureInfo.InvariantCulture),
            DuurzamePlaatsingenPerJaar = inhoud.Doelstellingen.DuurzamePlaatsingenPerJaar.ToString(CultureInfo.InvariantCulture),
        },
        Looptijd = new Looptijdrij { Startdatum = Invoer.Datumtekst(inhoud.Looptijd.Startdatum), Einddatum = Invoer.Datumtekst(inhoud.Looptijd.Einddatum) },
        Werkaanbod = inhoud.Werkaanbod.Select(w => new Werkaanbodinvoer
        {
            Sector = w.Sector, Functie = w.Functie, VariantCode = w.VariantCode,
            AantalPlaatsen = w.AantalPlaatsen.ToString(CultureInfo.InvariantCulture), Vanaf = Invoer.Datumtekst(w.Vanaf),
        }).ToList(),
    };

    /// <summary>
    /// The buttons that change the form itself and send nothing: add or remove a row. Answers whether the action was
    /// one of those (the page then shows the form again), and a problem when a variant to add was not chosen.
    /// </summary>
    public bool Bewerk(string? actie, IReadOnlyDictionary<string, Variant> varianten, out string? fout)
    {
        fout = null;
        switch (actie)
        {
            case "regiopartij-toevoegen":
                Regiopartijen.Add(new Regiopartijrij { Soort = "gemeente", Ondertekent = true });
                return true;
            case { } a when a.StartsWith("regiopartij-verwijderen-", StringComparison.Ordinal):
                if (int.TryParse(a["regiopartij-verwijderen-".Length..], out var r) && r >= 0 && r < Regiopartijen.Count) Regiopartijen.RemoveAt(r);
                return true;
            case "werkaanbod-toevoegen":
                Werkaanbod.Add(new Werkaanbodinvoer());
                return true;
            case { } a when a.StartsWith("werkaanbod-verwijderen-", StringComparison.Ordinal):
                if (int.TryParse(a["werkaanbod-verwijderen-".Length..], out var o) && o >= 0 && o < Werkaanbod.Count) Werkaanbod.RemoveAt(o);
                return true;
            case "werkafspraak-toevoegen":
                if (NieuweVariant is null || !varianten.TryGetValue(NieuweVariant, out var variant) || !variant.IsActief)
                {
                    fout = "Kies de variant van de werkafspraak die u wilt toevoegen.";
                    return true;
                }

                Werkafspraken.Add(new Werkafspraakrij
                {
                    VariantCode = variant.Code, Parameters = variant.Parameters.ToDictionary(p => p.Naam, p => Invoer.AlsTekst(p.Standaard)),
                });
                NieuweVariant = null;
                return true;
            case { } a when a.StartsWith("werkafspraak-verwijderen-", StringComparison.Ordinal):
                if (int.TryParse(a["werkafspraak-verwijderen-".Length..], out var w) && w >= 0 && w < Werkafspraken.Count) Werkafspraken.RemoveAt(w);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The content as the API's request carries it, with the problems of text that is no number or date.</summary>
    public (IAfspraakinhoudVerzoek Inhoud, IReadOnlyList<Infrastructure.Http.OngeldigeParameter> Fouten) NaarVerzoek(IReadOnlyDictionary<string, Variant> varianten)
    {
        var invoer = new Invoer();
        var werkafspraken = Werkafspraken.Select((w, i) =>
        {
            var parameters = new Dictionary<string, JsonElement>();
            var variant = w.VariantCode is not null && varianten.TryGetValue(w.VariantCode, out var v) ? v : null;
            foreach (var (naam, tekst) in w.Parameters)
            {
                var definitie = variant?.Parameters.FirstOrDefault(p => p.Naam == naam);
                var waarde = definitie is null
                    ? string.IsNullOrWhiteSpace(tekst) ? (JsonElement?)null : JsonSerializer.SerializeToElement(tekst.Trim())
                    : invoer.Parameter($"werkafspraken[{i}].parameters.{naam}", definitie, tekst);
                if (waarde is { } gegeven) parameters[naam] = gegeven;
            }

            return new WerkafspraakVerzoek(w.VariantCode, parameters, string.IsNullOrWhiteSpace(w.Maatwerk) ? null : w.Maatwerk);
        }).ToList();

        var inhoud = new Inhoudverzoek(
            Titel,
            WerkgeverContactrol,
            Regiopartijen.Select(p => new RegiopartijVerzoek(Leeg(p.Oin)?.Replace(" ", ""), Leeg(p.Naam), p.Soort, p.Ondertekent, Leeg(p.Contactrol))).ToList(),
            werkafspraken,
            Doelgroepen.Where(d => !string.IsNullOrWhiteSpace(d)).ToList(),
            (Beroepen ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            new DoelstellingenVerzoek(
                invoer.GeheelGetal("doelstellingen.plaatsingenPerJaar", Doelstellingen.PlaatsingenPerJaar, "Plaatsingen per jaar"),
                invoer.GeheelGetal("doelstellingen.duurzamePlaatsingenPerJaar", Doelstellingen.DuurzamePlaatsingenPerJaar, "Duurzame plaatsingen per jaar")),
            new LooptijdVerzoek(invoer.Datum("looptijd.startdatum", Looptijd.Startdatum, "Startdatum"), invoer.Datum("looptijd.einddatum", Looptijd.Einddatum, "Einddatum")),
            Werkaanbod.Select((w, i) => new WerkaanbodVerzoek(Leeg(w.Sector), Leeg(w.Functie), Leeg(w.VariantCode),
                invoer.GeheelGetal($"werkaanbod[{i}].aantalPlaatsen", w.AantalPlaatsen, "Aantal plaatsen"),
                invoer.Datum($"werkaanbod[{i}].vanaf", w.Vanaf, "Vanaf"))).ToList());
        return (inhoud, invoer.Fouten);
    }

    /// <summary>Every field and group the form shows, by JSON path, with its label: where each problem of the command goes.</summary>
    public IEnumerable<Veld> Velden(IReadOnlyDictionary<string, Variant> varianten)
    {
        yield return new Veld("titel", "Titel", "Geef de afspraak een titel.");
        yield return new Veld("werkgeverContactrol", "Vaste contactpersoon bij de werkgever");
        yield return new Veld("regiopartijen", "Regiopartijen", "Noem ten minste één regiopartij.");
        for (var i = 0; i < Regiopartijen.Count; i++)
        {
            yield return new Veld($"regiopartijen[{i}]", $"Regiopartij {i + 1}");
            yield return new Veld($"regiopartijen[{i}].oin", "OIN", "Vul het OIN van de regiopartij in (20 cijfers).");
            yield return new Veld($"regiopartijen[{i}].naam", "Naam", "Vul de naam van de regiopartij in.");
            yield return new Veld($"regiopartijen[{i}].soort", "Soort", "Kies de soort regiopartij.");
            yield return new Veld($"regiopartijen[{i}].contactrol", "Contactrol");
        }

        yield return new Veld("werkafspraken", "Werkafspraken", "Voeg ten minste één werkafspraak toe.");
        for (var i = 0; i < Werkafspraken.Count; i++)
        {
            yield return new Veld($"werkafspraken[{i}]", $"Werkafspraak {i + 1}");
            if (Werkafspraken[i].VariantCode is { } code && varianten.TryGetValue(code, out var variant))
            {
                foreach (var p in variant.Parameters) yield return new Veld($"werkafspraken[{i}].parameters.{p.Naam}", Invoer.Parameterlabel(p));
            }

            yield return new Veld($"werkafspraken[{i}].maatwerk", "Lokaal maatwerk");
        }

        yield return new Veld("nieuweVariant", "Variant");
        yield return new Veld("doelgroepen", "Doelgroepen", "Kies ten minste één doelgroep.");
        yield return new Veld("beroepen", "Beroepen");
        yield return new Veld("doelstellingen", "Doelstellingen");
        yield return new Veld("doelstellingen.plaatsingenPerJaar", "Plaatsingen per jaar", "Vul het aantal plaatsingen per jaar in.");
        yield return new Veld("doelstellingen.duurzamePlaatsingenPerJaar", "Duurzame plaatsingen per jaar",
            "Vul het aantal duurzame plaatsingen per jaar in (na twaalf maanden nog in werk).");
        yield return new Veld("looptijd", "Looptijd");
        yield return new Veld("looptijd.startdatum", "Startdatum", "Vul de startdatum in.");
        yield return new Veld("looptijd.einddatum", "Einddatum", "Vul de einddatum in.");
        yield return new Veld("werkaanbod", "Werkaanbod");
        for (var i = 0; i < Werkaanbod.Count; i++)
        {
            yield return new Veld($"werkaanbod[{i}]", $"Werkaanbod {i + 1}");
            yield return new Veld($"werkaanbod[{i}].sector", "Sector", "Kies de sector van het werk.");
            yield return new Veld($"werkaanbod[{i}].functie", "Functie");
            yield return new Veld($"werkaanbod[{i}].variantCode", "Via werkafspraak");
            yield return new Veld($"werkaanbod[{i}].aantalPlaatsen", "Aantal plaatsen", "Vul het aantal plaatsen in.");
            yield return new Veld($"werkaanbod[{i}].vanaf", "Vanaf", "Vul in vanaf wanneer het werk er is.");
        }
    }

    /// <summary>The whole form as hidden fields: carried through a step that only shows (the differences before saving).</summary>
    public IEnumerable<(string Naam, string? Waarde)> AlsVerborgenVelden()
    {
        yield return ("titel", Titel);
        yield return ("werkgeverContactrol", WerkgeverContactrol);
        for (var i = 0; i < Regiopartijen.Count; i++)
        {
            var p = Regiopartijen[i];
            yield return ($"regiopartijen[{i}].oin", p.Oin);
            yield return ($"regiopartijen[{i}].naam", p.Naam);
            yield return ($"regiopartijen[{i}].soort", p.Soort);
            if (p.Ondertekent) yield return ($"regiopartijen[{i}].ondertekent", "true");
            yield return ($"regiopartijen[{i}].contactrol", p.Contactrol);
        }

        for (var i = 0; i < Werkafspraken.Count; i++)
        {
            var w = Werkafspraken[i];
            yield return ($"werkafspraken[{i}].variantCode", w.VariantCode);
            foreach (var (naam, waarde) in w.Parameters) yield return ($"werkafspraken[{i}].parameters[{naam}]", waarde);
            yield return ($"werkafspraken[{i}].maatwerk", w.Maatwerk);
        }

        foreach (var d in Doelgroepen) yield return ("doelgroepen", d);
        yield return ("beroepen", Beroepen);
        yield return ("doelstellingen.plaatsingenPerJaar", Doelstellingen.PlaatsingenPerJaar);
        yield return ("doelstellingen.duurzamePlaatsingenPerJaar", Doelstellingen.DuurzamePlaatsingenPerJaar);
        yield return ("looptijd.startdatum", Looptijd.Startdatum);
        yield return ("looptijd.einddatum", Looptijd.Einddatum);
        for (var i = 0; i < Werkaanbod.Count; i++)
        {
            var w = Werkaanbod[i];
            yield return ($"werkaanbod[{i}].sector", w.Sector);
            yield return ($"werkaanbod[{i}].functie", w.Functie);
            yield return ($"werkaanbod[{i}].variantCode", w.VariantCode);
            yield return ($"werkaanbod[{i}].aantalPlaatsen", w.AantalPlaatsen);
            yield return ($"werkaanbod[{i}].vanaf", w.Vanaf);
        }
    }

    public static IReadOnlyList<Optie> Sectoropties { get; } = Werkgevers.Sectoren.Alle.Select(s => new Optie(s.Code, s.Naam)).ToList();

    public static IReadOnlyList<Optie> Partijsoorten { get; } =
        Enum.GetValues<Partijsoort>().Select(s => new Optie(Tekst.Sleutel(s), Eerste(Tekst.Partijsoort(s)))).ToList();

    public static IReadOnlyList<Optie> Doelgroepopties { get; } =
        Enum.GetValues<Doelgroep>().Select(d => new Optie(Tekst.Sleutel(d), Tekst.Doelgroep(d))).ToList();

    private static string Eerste(string tekst) => tekst.Length == 0 || char.IsUpper(tekst[0]) ? tekst : char.ToUpperInvariant(tekst[0]) + tekst[1..];

    private static string? Leeg(string? tekst) => string.IsNullOrWhiteSpace(tekst) ? null : tekst.Trim();

    private static string Soortvan(string? organisatie) => organisatie switch
    {
        { } o when o.StartsWith("UWV", StringComparison.OrdinalIgnoreCase) => "uwv",
        { } o when o.Contains("werkgeversservicepunt", StringComparison.OrdinalIgnoreCase) => "werkgeversservicepunt",
        { } o when o.Contains("werkcentrum", StringComparison.OrdinalIgnoreCase) => "werkcentrum",
        _ => "gemeente",
    };

    /// <summary>The content part of a request, whatever the command (drawing up or amending) adds around it.</summary>
    public sealed record Inhoudverzoek(
        string? Titel,
        string? WerkgeverContactrol,
        IReadOnlyList<RegiopartijVerzoek>? Regiopartijen,
        IReadOnlyList<WerkafspraakVerzoek>? Werkafspraken,
        IReadOnlyList<string>? Doelgroepen,
        IReadOnlyList<string>? Beroepen,
        DoelstellingenVerzoek? Doelstellingen,
        LooptijdVerzoek? Looptijd,
        IReadOnlyList<WerkaanbodVerzoek>? Werkaanbod) : IAfspraakinhoudVerzoek;
}

/// <summary>What the content fields' partial view shows: the form, its problems, and the catalogue its werkafspraken come from.</summary>
public sealed record Afspraakinhoudweergave(Afspraakformulier Formulier, Formulierfouten Fouten, IReadOnlyDictionary<string, Variant> Varianten);
