using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Afspraken.Historie;
using Samenwerkingsafspraken.Afspraken.Opvragen;
using Samenwerkingsafspraken.Afspraken.Verschillen;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Afspraken;

/// <summary>
/// A form that acts on one agreement (sign, amend, results, evaluate, extend, end): the agreement as it is now, read
/// with the same check as its page, the version the form was opened at, and the outcome of the feature's command.
/// </summary>
public abstract class Afspraakactie(IQuerySession session) : Formulierpagina
{
    /// <summary>The version the form was opened at: a command for an older one is a conflict, never a silent overwrite.</summary>
    [BindProperty]
    public long Versie { get; set; }

    public Samenwerkingsafspraak Afspraak { get; private set; } = null!;

    protected IQuerySession Sessie => session;

    /// <summary>The breadcrumb and heading of the form: what it does, to which agreement.</summary>
    public (Samenwerkingsafspraak Afspraak, string Actie, string Pad) Kop => (Afspraak, Actienaam, $"/afspraken/{Afspraak.Id}/{Actiepad}");

    protected abstract string Actienaam { get; }

    protected abstract string Actiepad { get; }

    /// <summary>Reads the agreement for whoever may read it, or answers the refusal its page would give.</summary>
    protected async Task<IActionResult?> Laad(Guid id, CancellationToken cancellation)
    {
        var afspraak = await AfspraakOpvragen.Lees(id, null, null, Gebruiker, session, cancellation);
        if (afspraak.IsProbleem) return Weigering(afspraak.Probleem);
        Afspraak = afspraak.Waarde;
        return null;
    }

    /// <summary>The form is opened: the version it acts on, a fresh key for this display.</summary>
    protected void Geopend()
    {
        Versie = Afspraak.Version;
        NieuweFormuliersleutel();
    }

    /// <summary>The operation as the API names it, so that a key is remembered with the same operation.</summary>
    protected string Handeling(string deel) => $"POST /v1/samenwerkingsafspraken/{Afspraak.Id}/{deel}";

    /// <summary>
    /// Recorded: back to the agreement with a word of what happened. Refused: the form again, with the problems.
    /// Stale: the form again at the current version, with what changed in between.
    /// </summary>
    protected async Task<IActionResult> Uitkomst(Schrijfuitkomst uitkomst, IEnumerable<Veld> velden, string melding,
        IReadOnlyList<OngeldigeParameter>? eigenFouten = null, CancellationToken cancellation = default)
    {
        switch (uitkomst)
        {
            case Schrijfuitkomst.Gelukt:
                return Redirect($"/afspraken/{Afspraak.Id}?melding={melding}");
            case Schrijfuitkomst.Geweigerd geweigerd:
                return Geweigerd(geweigerd.Weigering, velden, eigenFouten);
            case Schrijfuitkomst.Versieconflict conflict:
                Conflict = await Afspraakconflict.Bouw(session, Afspraak.Id, Versie, conflict.ActueleVersie, cancellation);
                Versie = conflict.ActueleVersie;
                if (await session.LoadAsync<Samenwerkingsafspraak>(Afspraak.Id, cancellation) is { } actueel) Afspraak = actueel;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                throw new InvalidOperationException($"Unknown outcome {uitkomst.GetType().Name}.");
        }
    }
}

/// <summary>What happened to an agreement since a version, in words: its events after it, and how it differs now.</summary>
public static class Afspraakconflict
{
    public static async Task<Versieconflict> Bouw(IQuerySession session, Guid id, long van, long actueel, CancellationToken cancellation)
    {
        var gebeurtenissen = await session.Events.FetchStreamAsync(id, token: cancellation);
        var oud = van >= 1 ? await AfspraakAlsToen.OpVersie(session, id, van, cancellation) : null;
        var nu = Schrijver.Evolueer<Samenwerkingsafspraak>(null, gebeurtenissen.Select(e => e.Data).ToList(), 0);
        var regels = gebeurtenissen.Where(e => e.Version > van).Select(AfspraakHistorieEndpoint.Regel)
            .Select(r => $"{Tekst.Tijdstip(r.Tijdstip)}: {r.Omschrijving} (door {r.Door.Naam ?? r.Door.Gebruiker}{(r.Door.Rol is { } rol ? $", {rol}" : "")})")
            .ToList();
        return new Versieconflict(van, actueel, oud is null ? [] : Verschilregels.Van(Afspraakvergelijking.Tussen(oud, nu)), regels);
    }
}

/// <summary>A difference between two versions as sentences a person reads.</summary>
public static class Verschilregels
{
    private static readonly IReadOnlyDictionary<string, string> Veldnamen = new Dictionary<string, string>
    {
        ["status"] = "Status",
        ["titel"] = "Titel",
        ["werkgeverContactrol"] = "Vaste contactpersoon bij de werkgever",
        ["doelstellingen.plaatsingenPerJaar"] = "Plaatsingen per jaar",
        ["doelstellingen.duurzamePlaatsingenPerJaar"] = "Duurzame plaatsingen per jaar",
        ["looptijd.startdatum"] = "Startdatum",
        ["looptijd.einddatum"] = "Einddatum",
        ["doelgroepen"] = "Doelgroepen",
        ["beroepen"] = "Beroepen",
        ["actiefVanaf"] = "Actief vanaf",
        ["ondertekening.inhoudVersie"] = "Versie van de inhoud die wordt ondertekend",
        ["ondertekening.gezet"] = "Ondertekeningen",
        ["evaluaties.aantal"] = "Aantal evaluaties",
        ["beeindiging"] = "Beëindiging",
        ["verlopenOp"] = "Verlopen op",
    };

    public static IReadOnlyList<string> Van(Afspraakverschillen d, IReadOnlyDictionary<string, Varianten.Variant>? varianten = null)
    {
        string Variant(string code) => varianten?.GetValueOrDefault(code)?.Naam ?? code;
        string Parameter(string code, string naam) =>
            varianten?.GetValueOrDefault(code)?.Parameters.FirstOrDefault(p => p.Naam == naam) is { } p ? Infrastructure.Web.Formulieren.Invoer.Parameterlabel(p) : naam;

        var regels = new List<string>();
        foreach (var veld in d.Velden)
        {
            regels.Add($"{Veldnamen.GetValueOrDefault(veld.Veld, veld.Veld)}: van {Waarde(veld.Oud)} naar {Waarde(veld.Nieuw)}");
        }

        foreach (var w in d.Werkafspraken.Toegevoegd) regels.Add($"Werkafspraak toegevoegd: {Variant(w.VariantCode)}");
        foreach (var w in d.Werkafspraken.Verwijderd) regels.Add($"Werkafspraak verwijderd: {Variant(w.VariantCode)}");
        foreach (var w in d.Werkafspraken.Gewijzigd)
        {
            foreach (var veld in w.Velden)
            {
                var naam = veld.Veld.StartsWith("parameters.", StringComparison.Ordinal) ? Parameter(w.VariantCode, veld.Veld["parameters.".Length..]) : "lokaal maatwerk";
                regels.Add($"{Variant(w.VariantCode)}{(w.Volgnummer > 1 ? $" ({w.Volgnummer})" : "")}, {naam}: van {Waarde(veld.Oud)} naar {Waarde(veld.Nieuw)}");
            }
        }

        foreach (var p in d.Regiopartijen.Toegevoegd) regels.Add($"Regiopartij toegevoegd: {p.Naam}");
        foreach (var p in d.Regiopartijen.Verwijderd) regels.Add($"Regiopartij verwijderd: {p.Naam}");
        foreach (var veld in d.Regiopartijen.Gewijzigd) regels.Add($"Regiopartij {veld.Veld["regiopartijen[".Length..].TrimEnd(']')} gewijzigd");
        foreach (var veld in d.Resultaten)
        {
            var periode = veld.Veld["resultaten[".Length..].TrimEnd(']');
            regels.Add($"Resultaten over {periode} {(veld.Oud is null ? "geregistreerd" : veld.Nieuw is null ? "verwijderd" : "gecorrigeerd")}");
        }

        return regels;
    }

    private static string Waarde(System.Text.Json.JsonElement? waarde) => waarde switch
    {
        null => "(leeg)",
        { ValueKind: System.Text.Json.JsonValueKind.Array } lijst => lijst.GetArrayLength() == 0 ? "(leeg)" : string.Join(", ", lijst.EnumerateArray().Select(e => Tekst.Waarde(e))),
        { ValueKind: System.Text.Json.JsonValueKind.String } w when DateOnly.TryParseExact(w.GetString(), "yyyy-MM-dd", out var datum) => Tekst.Datum(datum),
        { } w => Tekst.Waarde(w),
    };
}
