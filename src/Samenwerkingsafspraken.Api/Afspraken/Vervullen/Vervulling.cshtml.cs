using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Werkaanbod;

namespace Samenwerkingsafspraken.Afspraken.Vervullen;

/// <summary>How many offered places of a quarter were filled: the same command as POST …/vervullingen, by a party of the agreement.</summary>
[Toegangssleutel("vervullingRegistrerenPagina")]
public sealed partial class VervullingModel(IQuerySession session, Schrijver schrijver, Klok klok) : Afspraakactie(session)
{
    [BindProperty] public string? Periode { get; set; }

    /// <summary>The filled places typed per line of the werkaanbod, in the order of the werkaanbod; an empty field is not reported.</summary>
    [BindProperty] public List<Vervuldinvoer> Regels { get; set; } = [];

    protected override string Actienaam => "Vervulling van het werkaanbod";

    protected override string Actiepad => "vervulling";

    /// <summary>The quarters within the term that have ended and have no filled places registered yet, the latest first.</summary>
    public IReadOnlyList<string> OpenKwartalen
    {
        get
        {
            var looptijd = Afspraak.Inhoud.Looptijd with { Einddatum = Afspraak.Beeindiging?.Einddatum ?? Afspraak.Inhoud.Looptijd.Einddatum };
            var geregistreerd = Afspraak.Vervullingen.Select(v => v.Periode).ToHashSet();
            var kwartalen = new List<string>();
            for (var k = Werkaanbodtelling.LaatsteAfgelopen(klok.Vandaag); k.Eind >= looptijd.Startdatum && kwartalen.Count < 12;
                 k = k.Nummer == 1 ? new Kwartaal(k.Jaar - 1, 4) : k with { Nummer = k.Nummer - 1 })
            {
                if (k.Overlapt(looptijd) && !geregistreerd.Contains(k.ToString())) kwartalen.Add(k.ToString());
            }

            return kwartalen;
        }
    }

    public IEnumerable<Veld> Velden =>
        Afspraak.Inhoud.Werkaanbod.SelectMany((w, i) => new[]
        {
            new Veld($"regels[{i}].vervuld", Regellabel(w), $"Vul in hoeveel plaatsen '{w}' vervuld waren (0 als geen)."),
            new Veld($"regels[{i}]", Regellabel(w)),
        }).Prepend(new Veld("regels", "Vervulde plaatsen")).Prepend(new Veld("periode", "Kwartaal", "Kies het kwartaal."));

    public static string Regellabel(Werkaanbodregel w) =>
        $"{Werkgevers.Sectoren.Vind(w.Sector)?.Naam ?? w.Sector}{(w.Functie is { } f ? $", {f}" : "")}: vervuld van {w.AantalPlaatsen} (aangeboden vanaf {Tekst.Datum(w.Vanaf)})";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        Geopend();
        Periode = OpenKwartalen.FirstOrDefault();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        var invoer = new Invoer();
        var werkaanbod = Afspraak.Inhoud.Werkaanbod;
        var gemeld = new List<(int Index, VervuldeRegelVerzoek Regel)>();
        for (var i = 0; i < werkaanbod.Count; i++)
        {
            var tekst = i < Regels.Count ? Regels[i].Vervuld : null;
            if (string.IsNullOrWhiteSpace(tekst)) continue;
            gemeld.Add((i, new VervuldeRegelVerzoek(werkaanbod[i].Sector, werkaanbod[i].Functie, invoer.GeheelGetal($"regels[{i}].vervuld", tekst, "Vervuld"))));
        }

        var uitkomst = await VervullingRegistreren.Uitvoeren(schrijver, Opdracht(Handeling("vervullingen"), Versie), id,
            new VervullingVerzoek(Periode, gemeld.Select(g => g.Regel).ToList(), null), klok);
        if (uitkomst is Schrijfuitkomst.Geweigerd { Weigering: { Fouten.Count: > 0 } weigering })
        {
            // The command names the reported lines by their place in what was sent; the form shows every line of the werkaanbod.
            var fouten = weigering.Fouten!.Select(f => f with { Name = Regelpad().Replace(f.Name, m => $"regels[{gemeld[int.Parse(m.Groups[1].Value)].Index}]", 1) }).ToList();
            uitkomst = new Schrijfuitkomst.Geweigerd(weigering with { Fouten = fouten });
        }

        return await Uitkomst(uitkomst, Velden, "vervulling", invoer.Fouten, cancellation);
    }

    public string? Getypt(int index) => index < Regels.Count ? Regels[index].Vervuld : null;

    [GeneratedRegex(@"^regels\[(\d+)\]")]
    private static partial Regex Regelpad();
}

/// <summary>What was typed for one line of the werkaanbod (named <c>regels[i].vervuld</c>, as the API names the count).</summary>
public sealed class Vervuldinvoer
{
    public string? Vervuld { get; set; }
}
