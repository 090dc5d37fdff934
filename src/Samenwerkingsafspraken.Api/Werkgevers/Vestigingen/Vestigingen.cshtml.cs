using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Werkgevers.Wijzigen;

namespace Samenwerkingsafspraken.Werkgevers.Vestigingen;

/// <summary>
/// An employer's locations, with the form to add one: the same command as POST /v1/werkgevers/{kvk}/vestigingen. The
/// region is not asked: it follows from the gemeente, on today's date.
/// </summary>
[Toegangssleutel("vestigingenPagina")]
public sealed class VestigingenModel(IQuerySession session, Schrijver schrijver, Klok klok) : Formulierpagina
{
    [BindProperty] public long Versie { get; set; }
    [BindProperty] public string? Vestigingsnummer { get; set; }
    [BindProperty] public string? Gemeente { get; set; }

    public Werkgever Werkgever { get; private set; } = null!;

    /// <summary>The gemeenten of today, by name, to choose from; and every gemeente the locations name, for their names.</summary>
    public IReadOnlyList<Optie> Gemeenteopties { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Gemeentenamen { get; private set; } = new Dictionary<string, string>();

    public string? Gelukt { get; private set; }

    public static IEnumerable<Veld> Velden =>
    [
        new("vestigingsnummer", "Vestigingsnummer", "Vul het vestigingsnummer in (12 cijfers)."),
        new("gemeente", "Gemeente", "Kies de gemeente waar de vestiging ligt."),
        new("body", "Vestiging"),
    ];

    public async Task<IActionResult> OnGetAsync(string kvkNummer, string? melding, CancellationToken cancellation)
    {
        if (await Laad(kvkNummer, cancellation) is { } probleem) return probleem;
        Versie = Werkgever.Version;
        NieuweFormuliersleutel();
        Gelukt = Vestigingmeldingen.Tekst(melding);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kvkNummer, CancellationToken cancellation)
    {
        if (await Laad(kvkNummer, cancellation) is { } probleem) return probleem;
        var verzoek = new VestigingToevoegenVerzoek(Vestigingsnummer?.Trim(), Gemeente, null);
        var uitkomst = await VestigingenBeheren.ToevoegenUitvoeren(schrijver, Opdracht($"POST /v1/werkgevers/{kvkNummer}/vestigingen", Versie), session,
            kvkNummer, verzoek, klok);
        switch (uitkomst)
        {
            case Schrijfuitkomst.Gelukt:
                return Redirect($"/werkgevers/{kvkNummer}/vestigingen?melding=toegevoegd");
            case Schrijfuitkomst.Geweigerd geweigerd:
                return Geweigerd(geweigerd.Weigering, Velden);
            case Schrijfuitkomst.Versieconflict conflict:
                Conflict = new Versieconflict(Versie, conflict.ActueleVersie, [],
                    ["De werkgever is intussen gewijzigd (zie de lijst hieronder en de historie). Controleer de vestiging en voeg haar opnieuw toe."]);
                Versie = conflict.ActueleVersie;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                throw new InvalidOperationException($"Unknown outcome {uitkomst.GetType().Name}.");
        }
    }

    public string Gemeentenaam(string? code) => code is null ? "–" : Gemeentenamen.TryGetValue(code, out var naam) ? $"{naam} ({code})" : code;

    /// <summary>The same rule as the command: the employer itself or the beheerder; the list shows the employer as it is now.</summary>
    private async Task<IActionResult?> Laad(string kvkNummer, CancellationToken cancellation)
    {
        if (Werkgeverregels.Kvkfout(kvkNummer) is { } fout) return Weigering(fout);
        var werkgever = await session.LoadAsync<Werkgever>(Werkgever.StreamId(kvkNummer), cancellation);
        if (werkgever is null) return Foutpagina(404, $"Er is geen werkgever met KvK-nummer {kvkNummer}.");
        if (Werkgeverregels.MagWijzigen(werkgever, Gebruiker) is { } weigering) return Foutpagina(403, weigering.Detail);
        Werkgever = werkgever;
        (Gemeenteopties, Gemeentenamen) = await Vestigingmeldingen.Gemeenten(session, klok.Vandaag, cancellation);
        return null;
    }
}

public static class Vestigingmeldingen
{
    public static string? Tekst(string? melding) => melding switch
    {
        "toegevoegd" => "De vestiging is toegevoegd.",
        "verhuisd" => "De verhuizing is vastgelegd.",
        "gesloten" => "De vestiging is gesloten.",
        _ => null,
    };

    /// <summary>The gemeenten valid today as options (name and code, by name), and the names of all of them by code.</summary>
    public static async Task<(IReadOnlyList<Optie> Opties, IReadOnlyDictionary<string, string> Namen)> Gemeenten(IQuerySession session, DateOnly vandaag,
        CancellationToken cancellation)
    {
        var alle = await session.Query<Gemeente>().ToListAsync(cancellation);
        var opties = alle.Where(g => g.RegioOp(vandaag) is not null)
            .Select(g => (g.Code, Naam: g.NaamOp(vandaag) ?? g.Naam, Regio: g.RegioOp(vandaag)!))
            .OrderBy(g => g.Naam, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true))
            .Select(g => new Optie(g.Code, $"{g.Naam} ({g.Code}, {g.Regio})")).ToList();
        return (opties, alle.ToDictionary(g => g.Code, g => g.Naam));
    }
}
