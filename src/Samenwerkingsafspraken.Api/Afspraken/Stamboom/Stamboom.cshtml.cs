using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Grafieken;

namespace Samenwerkingsafspraken.Afspraken.Stamboom;

/// <summary>The lineage of an agreement across regions: a graph with the differences on each edge, and the same as a table.</summary>
[Toegangssleutel("stamboomPagina")]
public sealed class StamboomModel(IQuerySession session) : Webpagina
{
    public AfspraakStamboom Stamboom { get; private set; } = null!;

    public IReadOnlyList<(Stamboomknoop Knoop, Stamboomknoop? Bron)> Knopen { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        var stamboom = await AfspraakStamboomEndpoint.Bouw(id, Gebruiker, session, cancellation);
        if (stamboom.IsProbleem) return Weigering(stamboom.Probleem);

        Stamboom = stamboom.Waarde;
        var knopen = new List<(Stamboomknoop, Stamboomknoop?)>();
        void Voeg(Stamboomknoop knoop, Stamboomknoop? bron)
        {
            knopen.Add((knoop, bron));
            foreach (var kind in knoop.Afgeleid) Voeg(kind, knoop);
        }

        Voeg(Stamboom.Wortel, null);
        Knopen = knopen;
        return Page();
    }

    public Stamboomknooppunt Grafiek(Stamboomknoop knoop) => new(
        knoop.AfspraakId, knoop.Arbeidsmarktregio, $"{Tekst.Status(knoop.Status)}{(knoop.Bewezen ? ", bewezen" : "")}", knoop.Bewezen,
        knoop.BronVersie is { } versie ? $"versie {versie}, {Verschiltekst(knoop.Verschillen.Count)}" : null,
        knoop.Afgeleid.Select(Grafiek).ToList());

    public static string Verschiltekst(int aantal) => aantal == 0 ? "ongewijzigd" : $"{aantal} verschil{(aantal == 1 ? "" : "len")}";
}
