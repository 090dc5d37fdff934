using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Afspraken.Vervullen;

/// <summary>
/// Correcting the filled places of a registered quarter, with a reason: the same command as
/// POST …/vervullingen/{periode}/correcties. The places offered stay those of the quarter; only the counts change.
/// </summary>
[Toegangssleutel("vervullingCorrigerenPagina")]
public sealed class VervullingCorrectieModel(IQuerySession session, Schrijver schrijver, Klok klok) : Afspraakactie(session)
{
    /// <summary>The filled places typed per registered line, in the order of the registration.</summary>
    [BindProperty] public List<Vervuldinvoer> Regels { get; set; } = [];

    [BindProperty] public string? Reden { get; set; }

    public string Periode { get; private set; } = "";

    public Periodevervulling? Geregistreerd => Afspraak.Vervullingen.FirstOrDefault(v => v.Periode == Periode);

    protected override string Actienaam => $"Vervulling over {Periode} corrigeren";

    protected override string Actiepad => $"vervulling/{Periode}/correctie";

    public IEnumerable<Veld> Velden =>
        (Geregistreerd?.Regels ?? []).SelectMany((r, i) => new[]
        {
            new Veld($"regels[{i}].vervuld", Regellabel(r), $"Vul in hoeveel plaatsen vervuld waren (0 als geen)."),
            new Veld($"regels[{i}]", Regellabel(r)),
        }).Prepend(new Veld("regels", "Vervulde plaatsen")).Append(new Veld("reden", "Reden van de correctie", "Geef de reden van de correctie."));

    public static string Regellabel(Vervulling r) =>
        $"{Werkgevers.Sectoren.Vind(r.Sector)?.Naam ?? r.Sector}{(r.Functie is { } f ? $", {f}" : "")}: vervuld van {r.Aangeboden}";

    public async Task<IActionResult> OnGetAsync(Guid id, string periode, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        Periode = periode;
        if (Geregistreerd is not { } geregistreerd) return Foutpagina(404, $"Over {periode} is geen vervulling geregistreerd.");
        Geopend();
        Regels = geregistreerd.Regels.Select(r => new Vervuldinvoer { Vervuld = r.Vervuld.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string periode, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        Periode = periode;
        var invoer = new Invoer();
        var geregistreerd = Geregistreerd?.Regels ?? [];
        var regels = geregistreerd.Select((r, i) => new VervuldeRegelVerzoek(r.Sector, r.Functie,
            invoer.GeheelGetal($"regels[{i}].vervuld", i < Regels.Count ? Regels[i].Vervuld : null, "Vervuld"))).ToList();
        var uitkomst = await VervullingRegistreren.Corrigeren(schrijver, Opdracht(Handeling($"vervullingen/{periode}/correcties"), Versie), id, periode,
            new VervullingCorrectieVerzoek(Reden, regels, null), klok);
        return await Uitkomst(uitkomst, Velden, "vervulling-gecorrigeerd", invoer.Fouten, cancellation);
    }

    public string? Getypt(int index) => index < Regels.Count ? Regels[index].Vervuld : null;
}
