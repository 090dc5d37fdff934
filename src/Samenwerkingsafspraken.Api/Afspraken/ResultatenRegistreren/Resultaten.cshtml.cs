using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Afspraken.ResultatenRegistreren;

/// <summary>Results per quarter: register a quarter that has begun, or go to the correction of one already registered.</summary>
[Toegangssleutel("resultatenRegistrerenPagina")]
public sealed class ResultatenModel(IQuerySession session, Schrijver schrijver, Klok klok) : Afspraakactie(session)
{
    [BindProperty]
    public string? Periode { get; set; }

    [BindProperty]
    public Tellingen Invoer { get; set; } = new();

    protected override string Actienaam => "Resultaten per kwartaal";

    protected override string Actiepad => "resultaten";

    /// <summary>The quarters within the term that have begun and have no results yet, the latest first.</summary>
    public IReadOnlyList<string> OpenKwartalen
    {
        get
        {
            var looptijd = Afspraak.Inhoud.Looptijd with { Einddatum = Afspraak.Beeindiging?.Einddatum ?? Afspraak.Inhoud.Looptijd.Einddatum };
            var geregistreerd = Afspraak.Resultaten.Select(r => r.Periode).ToHashSet();
            var kwartalen = new List<string>();
            for (var k = new Kwartaal(looptijd.Startdatum.Year, (looptijd.Startdatum.Month - 1) / 3 + 1); k.Start <= looptijd.Einddatum && k.Start <= klok.Vandaag;
                 k = k.Nummer == 4 ? new Kwartaal(k.Jaar + 1, 1) : k with { Nummer = k.Nummer + 1 })
            {
                if (!geregistreerd.Contains(k.ToString())) kwartalen.Add(k.ToString());
            }

            kwartalen.Reverse();
            return kwartalen;
        }
    }

    public IEnumerable<Veld> Velden => Tellingen.Velden.Prepend(new Veld("periode", "Kwartaal", "Kies het kwartaal."));

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
        var invoer = new Infrastructure.Web.Formulieren.Invoer();
        var (plaatsingen, zes, twaalf, uitval) = Invoer.Lees(invoer);
        var uitkomst = await ResultatenRegistreren.Uitvoeren(schrijver, Opdracht(Handeling("resultaten"), Versie), id,
            new ResultatenVerzoek(Periode, plaatsingen, zes, twaalf, uitval, null), klok);
        return await Uitkomst(uitkomst, Velden, "resultaten", invoer.Fouten, cancellation);
    }
}
