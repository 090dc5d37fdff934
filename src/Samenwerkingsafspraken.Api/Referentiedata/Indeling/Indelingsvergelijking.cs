using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.MultiStreamWriting;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Referentiedata.Indeling;

/// <summary>
/// The events that bring the registry's delineation on a date in line with a CBS file, and what a person should know
/// about it: differences the file cannot express (a herindeling's lineage, a region's name) are remarks, not events.
/// </summary>
public sealed record Indelingsplan(Meerstroombesluit Besluit, IReadOnlyList<string> Opmerkingen)
{
    /// <summary>A fingerprint of the planned events: apply a plan with the fingerprint its dry run showed (If-Match).</summary>
    public string Vingerafdruk
    {
        get
        {
            var tekst = new StringBuilder();
            foreach (var w in Besluit.Wijzigingen)
            {
                tekst.Append(w.Id).Append('|').Append(w.VerwachteVersie).Append('\n');
                foreach (var e in w.Gebeurtenissen) tekst.Append(e.GetType().Name).Append(JsonSerializer.Serialize(e, e.GetType(), Json.Options)).Append('\n');
            }

            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(tekst.ToString())))[..16].ToLowerInvariant();
        }
    }

    public int AantalGebeurtenissen => Besluit.Wijzigingen.Sum(w => w.Gebeurtenissen.Count);
}

public static class Indelingsvergelijking
{
    /// <param name="geldigVanaf">The date the file describes (1 January of its year): changes apply from then.</param>
    public static Indelingsplan Vergelijk(CbsBestand bestand, DateOnly geldigVanaf, IReadOnlyCollection<Gemeente> gemeenten,
        IReadOnlyCollection<Arbeidsmarktregio> regios)
    {
        var d = geldigVanaf;
        var datum = d.ToString("yyyy-MM-dd");
        var gemeentePerCode = gemeenten.ToDictionary(g => g.Code);
        var regioPerCode = regios.ToDictionary(r => r.Code);
        var inBestand = bestand.Gemeenten.ToDictionary(g => g.Code);
        var opmerkingen = new List<string>();
        var conflicten = new List<string>();
        var wijzigingen = new List<Stroomwijziging>();

        foreach (var (code, naam) in bestand.Regionamen.OrderBy(r => r.Key))
        {
            if (regioPerCode.TryGetValue(code, out var regio))
            {
                if (!regio.IsGeldigOp(d))
                {
                    conflicten.Add($"Arbeidsmarktregio {code} bestaat in het register niet op {datum}, maar staat in het bestand.");
                }
                else if (Zoeknaam.Normaliseer(regio.NaamOp(d)).Replace(" ", "").Replace("-", "") != Zoeknaam.Normaliseer(naam).Replace(" ", "").Replace("-", ""))
                {
                    opmerkingen.Add($"Arbeidsmarktregio {code} heet in het register '{regio.NaamOp(d)}' en in het bestand '{naam}'. Niet gewijzigd: " +
                                    "hernoem de regio (POST /v1/arbeidsmarktregios/{code}/hernoemingen) als zij werkelijk een andere naam kreeg.");
                }

                continue;
            }

            var id = Arbeidsmarktregio.StreamId(code);
            var voorgangers = bestand.Gemeenten.Where(g => g.Arbeidsmarktregio == code)
                .Select(g => gemeentePerCode.TryGetValue(g.Code, out var bekend) ? bekend.RegioOp(d.AddDays(-1)) : null)
                .OfType<string>().Distinct().Order().ToList();
            wijzigingen.Add(Stroomwijziging.Nieuw<Arbeidsmarktregio>(id, new ArbeidsmarktregioVastgesteld(id, code, naam, d, [], null, voorgangers)));
        }

        foreach (var rij in bestand.Gemeenten.OrderBy(g => g.Code))
        {
            if (!gemeentePerCode.TryGetValue(rij.Code, out var gemeente))
            {
                var id = Gemeente.StreamId(rij.Code);
                wijzigingen.Add(Stroomwijziging.Nieuw<Gemeente>(id, new GemeenteVastgesteld(id, rij.Code, rij.Naam, rij.Provincie, rij.Arbeidsmarktregio, d, [])));
                continue;
            }

            if (!gemeente.IsGeldigOp(d))
            {
                conflicten.Add($"Gemeente {rij.Code} ({gemeente.Naam}) bestaat in het register niet op {datum}, maar staat in het bestand.");
                continue;
            }

            var gebeurtenissen = new List<object>();
            if (gemeente.NaamOp(d) != rij.Naam) gebeurtenissen.Add(new GemeenteHernoemd(gemeente.Id, rij.Naam, d));
            if (gemeente.ProvincieOp(d) != rij.Provincie) gebeurtenissen.Add(new GemeenteProvincieGewijzigd(gemeente.Id, rij.Provincie, d));
            if (gemeente.RegioOp(d) is { } regio && regio != rij.Arbeidsmarktregio)
                gebeurtenissen.Add(new GemeenteVerplaatst(gemeente.Id, regio, rij.Arbeidsmarktregio, d));
            if (gebeurtenissen.Count > 0) wijzigingen.Add(Stroomwijziging.Bij(gemeente, gebeurtenissen.ToArray()));
        }

        foreach (var gemeente in gemeenten.Where(g => g.IsGeldigOp(d) && !inBestand.ContainsKey(g.Code)).OrderBy(g => g.Code))
        {
            wijzigingen.Add(Stroomwijziging.Bij(gemeente, new GemeenteOpgeheven(gemeente.Id, d, null)));
            opmerkingen.Add($"Gemeente {gemeente.Code} ({gemeente.NaamOp(d)}) staat niet in het bestand: opgeheven per {datum}, zonder bekende opvolger. " +
                            "Was het een herindeling, leg die dan eerst vast (POST /v1/gemeenten/herindelingen); dan bevestigt het bestand haar alleen.");
        }

        foreach (var regio in regios.Where(r => r.IsGeldigOp(d) && !bestand.Regionamen.ContainsKey(r.Code)).OrderBy(r => r.Code))
        {
            var opvolgers = gemeenten.Where(g => g.RegioOp(d) == regio.Code && inBestand.ContainsKey(g.Code))
                .Select(g => inBestand[g.Code].Arbeidsmarktregio).Distinct().Order().ToList();
            wijzigingen.Add(Stroomwijziging.Bij(regio, new ArbeidsmarktregioOpgeheven(regio.Id, d, opvolgers.Count == 1 ? opvolgers[0] : null, opvolgers)));
        }

        if (conflicten.Count > 0)
        {
            return new Indelingsplan(Weigering.Conflict("bestand-botst-met-register", string.Join(" ", conflicten)), opmerkingen);
        }

        return new Indelingsplan(Meerstroombesluit.Met(wijzigingen), opmerkingen);
    }
}
