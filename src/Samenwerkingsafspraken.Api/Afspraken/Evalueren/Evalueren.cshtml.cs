using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Afspraken.Evalueren;

/// <summary>A party's judgment of the agreement: the same command as POST …/evaluaties.</summary>
[Toegangssleutel("afspraakEvaluerenPagina")]
public sealed class EvaluerenModel(IQuerySession session, Schrijver schrijver, Klok klok) : Afspraakactie(session)
{
    [BindProperty] public string? Oordeel { get; set; }
    [BindProperty] public string? Lessen { get; set; }
    [BindProperty(Name = "aanbevolenVoorHergebruik")] public string? Aanbevolen { get; set; }

    protected override string Actienaam => "Evalueren";

    protected override string Actiepad => "evalueren";

    public static IReadOnlyList<Optie> Oordelen { get; } =
        Enum.GetValues<Afspraken.Oordeel>().Select(o => new Optie(Tekst.Sleutel(o), char.ToUpperInvariant(Tekst.Oordeel(o)[0]) + Tekst.Oordeel(o)[1..])).ToList();

    public IEnumerable<Veld> Velden =>
    [
        new("oordeel", "Uw oordeel", "Kies uw oordeel."),
        new("lessen", "Wat werkte en wat niet", "Beschrijf wat werkte en wat niet."),
        new("aanbevolenVoorHergebruik", "Aanbevolen voor hergebruik", "Zeg of u de afspraak aanbeveelt voor andere regio's."),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        Geopend();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        var verzoek = new EvaluatieVerzoek(Oordeel, Lessen, Aanbevolen switch { "true" => true, "false" => false, _ => null }, null);
        var uitkomst = await AfspraakEvalueren.Uitvoeren(schrijver, Opdracht(Handeling("evaluaties"), Versie), id, verzoek, klok);
        return await Uitkomst(uitkomst, Velden, "geevalueerd", cancellation: cancellation);
    }
}
