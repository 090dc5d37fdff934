using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Infrastructure.Http;

namespace Samenwerkingsafspraken.Referentiedata.Indeling;

/// <summary>One row of a CBS file: a gemeente of that year, its province and its labour market region.</summary>
public sealed record CbsGemeente(int Regel, string Code, string Naam, Provincie Provincie, string Arbeidsmarktregio, string Regionaam);

/// <summary>The gemeenten of one year of a CBS "Gebieden in Nederland" file.</summary>
public sealed record CbsBestand(int Jaar, IReadOnlyList<CbsGemeente> Gemeenten)
{
    public IReadOnlyDictionary<string, string> Regionamen =>
        Gemeenten.GroupBy(g => g.Arbeidsmarktregio).ToDictionary(g => g.Key, g => g.First().Regionaam);
}

/// <summary>
/// Reads a file in the shape of CBS "Gebieden in Nederland" extracts: a header with at least name, code, year,
/// region_code, region, province_code and province (other columns are ignored), one row per gemeente per year. Every
/// problem is reported, by line and column, at once.
/// </summary>
public static partial class CbsBestandLezer
{
    public const int MaximaalAantalRegels = 20_000;

    private static readonly string[] Kolommen = ["name", "code", "year", "region_code", "region", "province_code", "province"];

    [GeneratedRegex("^PV[0-9]{2}$")]
    private static partial Regex Provinciecode();

    public static (CbsBestand? Bestand, IReadOnlyList<OngeldigeParameter> Fouten) Lees(TextReader tekst, int? jaar)
    {
        try
        {
            return LeesRegels(tekst, jaar);
        }
        catch (CsvFormatException fout)
        {
            return (null, [new OngeldigeParameter("bestand", "ongeldig-formaat", $"Het bestand is geen leesbare CSV: {fout.Message}")]);
        }
    }

    private static (CbsBestand? Bestand, IReadOnlyList<OngeldigeParameter> Fouten) LeesRegels(TextReader tekst, int? jaar)
    {
        var fouten = new List<OngeldigeParameter>();
        using var csv = CsvReader.Create(tekst, CsvReaderOptions.Default with { TrimWhitespace = true, TrackLineNumbers = true }, leaveOpen: true);
        var koppen = csv.Headers.Select(k => k.Trim().TrimStart('\uFEFF')).ToList();
        if (koppen.Count == 0)
        {
            return (null, [new OngeldigeParameter("bestand", "leeg", "Het bestand heeft geen kopregel.")]);
        }

        var ontbrekend = Kolommen.Where(k => !koppen.Contains(k)).ToList();
        if (ontbrekend.Count > 0)
        {
            return (null, ontbrekend.Select(k => new OngeldigeParameter($"bestand.{k}", "kolom-ontbreekt",
                $"De kolom '{k}' ontbreekt. Nodig zijn: {string.Join(", ", Kolommen)}.")).ToList());
        }

        var rijen = new List<(int Regel, int? Jaar, string Code, string Naam, string Regio, string Regionaam, string Provinciecode, string Provincienaam)>();
        while (csv.Read())
        {
            var regel = (int)csv.LineNumber;
            if (rijen.Count >= MaximaalAantalRegels)
            {
                fouten.Add(new OngeldigeParameter("bestand", "te-groot", $"Ten hoogste {MaximaalAantalRegels} regels."));
                break;
            }

            string Veld(string kolom) => csv.GetString(kolom).Trim();

            // Also the columns the registry does not keep (corop, …): no cell of a CBS file comes near this.
            for (var i = 0; i < csv.FieldCount && i < koppen.Count; i++)
            {
                if (csv.GetString(i).Length > Infrastructure.Http.Tekstregels.Standaardgrens)
                    fouten.Add(new OngeldigeParameter($"regels[{regel}].{koppen[i]}", "te-lang",
                        $"Een cel is ten hoogste {Infrastructure.Http.Tekstregels.Standaardgrens} tekens."));
            }

            var jaartekst = Veld("year");
            int? rijjaar = int.TryParse(jaartekst, NumberStyles.None, CultureInfo.InvariantCulture, out var j) && j >= Infrastructure.Datumvenster.Vroegst.Year && j <= Infrastructure.Datumvenster.Laatst.Year ? j : null;
            if (rijjaar is null) fouten.Add(new OngeldigeParameter($"regels[{regel}].year", "ongeldig-formaat", "Het jaar is een jaartal, bijvoorbeeld 2026."));
            rijen.Add((regel, rijjaar, Veld("code"), Veld("name"), Veld("region_code"), Veld("region"), Veld("province_code"), Veld("province")));
        }

        var gekozen = jaar ?? rijen.Where(r => r.Jaar is not null).Select(r => r.Jaar!.Value).DefaultIfEmpty(0).Max();
        var vanHetJaar = rijen.Where(r => r.Jaar == gekozen).ToList();
        if (vanHetJaar.Count == 0 && fouten.Count == 0)
        {
            fouten.Add(new OngeldigeParameter(jaar is null ? "bestand" : "jaar", "geen-gemeenten",
                jaar is null ? "Het bestand bevat geen gemeenten." : $"Het bestand bevat geen gemeenten van {jaar}."));
        }

        var gemeenten = new List<CbsGemeente>();
        foreach (var r in vanHetJaar)
        {
            void Fout(string kolom, string code, string reden) => fouten.Add(new OngeldigeParameter($"regels[{r.Regel}].{kolom}", code, reden));

            if (!Gemeente.CodeFormaat().IsMatch(r.Code)) Fout("code", "ongeldig-formaat", "Een gemeentecode is GM gevolgd door vier cijfers.");
            if (r.Naam.Length is 0 or > 100) Fout("name", "ongeldige-lengte", "Een gemeentenaam is 1 tot 100 tekens.");
            if (!ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(r.Regio))
                Fout("region_code", "ongeldig-formaat", "Elke gemeente hoort bij een arbeidsmarktregio: AM gevolgd door twee cijfers.");
            if (r.Regionaam.Length is 0 or > 100) Fout("region", "ongeldige-lengte", "Een regionaam is 1 tot 100 tekens.");
            if (!Provinciecode().IsMatch(r.Provinciecode)) Fout("province_code", "ongeldig-formaat", "Een provinciecode is PV gevolgd door twee cijfers.");
            if (r.Provincienaam.Length is 0 or > 100) Fout("province", "ongeldige-lengte", "Een provincienaam is 1 tot 100 tekens.");
            gemeenten.Add(new CbsGemeente(r.Regel, r.Code, r.Naam, new Provincie(r.Provinciecode, r.Provincienaam), r.Regio, r.Regionaam));
        }

        foreach (var dubbel in gemeenten.GroupBy(g => g.Code).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
        {
            fouten.Add(new OngeldigeParameter($"regels[{dubbel.Regel}].code", "dubbel", $"Gemeente {dubbel.Code} staat meer dan eens in {gekozen}."));
        }

        return fouten.Count > 0 ? (null, fouten) : (new CbsBestand(gekozen, gemeenten), []);
    }
}
