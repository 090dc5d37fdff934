using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Samenwerkingsafspraken.Afspraken.Bewijs;
using Samenwerkingsafspraken.Afspraken.Historie;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Varianten;

namespace Samenwerkingsafspraken.Afspraken.Opvragen;

/// <summary>One agreement: now, at a version or on a date, with its parties, werkafspraken, results, proof and every event.</summary>
[Toegangssleutel("samenwerkingsafspraakPagina")]
public sealed class AfspraakModel(IQuerySession session, IOptions<Bewijsregel> regel) : Webpagina
{
    [BindProperty(SupportsGet = true)]
    public string? Peildatum { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Versie { get; set; }

    /// <summary>What a form that sent the user here just recorded (post-redirect-get).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Melding { get; set; }

    public string? Meldingtekst => Melding is not null && Afspraakacties.Meldingen.TryGetValue(Melding, out var tekst) ? tekst : null;

    public IReadOnlyList<Afspraakacties.Actie> Acties => IsHistorisch ? [] : Afspraakacties.Voor(Afspraak, Gebruiker, Bewijs.Bewezen);

    public Samenwerkingsafspraak Afspraak { get; private set; } = null!;

    public AfspraakHistorie Historie { get; private set; } = null!;

    public Bewijs.Bewijs Bewijs { get; private set; } = null!;

    public string Regel => regel.Value.Omschrijving;

    public string Regionaam { get; private set; } = "";

    public IReadOnlyDictionary<string, Variant> Varianten { get; private set; } = new Dictionary<string, Variant>();

    public long ActueleVersie => Historie.Gebeurtenissen.Count == 0 ? Afspraak.Version : Historie.Gebeurtenissen[^1].Versie;

    public bool IsHistorisch => Peildatum is not null || Versie is not null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        var afspraak = await AfspraakOpvragen.Lees(id, Leeg(Peildatum), Leeg(Versie), Gebruiker, session, cancellation);
        if (afspraak.IsProbleem) return Weigering(afspraak.Probleem);

        var historie = await AfspraakHistorieEndpoint.Lees(id, Gebruiker, session, cancellation);
        if (historie.IsProbleem) return Weigering(historie.Probleem);

        Afspraak = afspraak.Waarde;
        Historie = historie.Waarde;
        Bewijs = Bewijsvoering.Beoordeel(Afspraak, regel.Value);
        Regionaam = (await session.LoadAsync<Arbeidsmarktregio>(Arbeidsmarktregio.StreamId(Afspraak.Arbeidsmarktregio), cancellation))?.Naam ?? "";
        var codes = Afspraak.Inhoud.Werkafspraken.Select(w => w.VariantCode).Distinct().ToList();
        Varianten = (await session.Query<Variant>().Where(v => codes.Contains(v.Code)).ToListAsync(cancellation)).ToDictionary(v => v.Code);
        return Page();
    }

    /// <summary>Who acted, by name: the event metadata names the organisation by its OIN or KvK-nummer.</summary>
    public string Organisatie(string? identificatie) =>
        identificatie is null ? ""
        : identificatie == Afspraak.Werkgever.KvkNummer ? $"{Afspraak.Werkgever.Naam} (KvK {identificatie})"
        : Afspraak.Inhoud.Regiopartijen.FirstOrDefault(p => p.Oin == identificatie) is { } partij ? $"{partij.Naam} (OIN {identificatie})"
        : identificatie;

    public Kwartaalresultaten Resultaten => Kwartaalresultaten.Van("resultaten", Afspraak);

    public string Variantnaam(string code) => Varianten.TryGetValue(code, out var v) ? v.Naam : code;

    public string? Parameteromschrijving(string code, string parameter) =>
        Varianten.TryGetValue(code, out var v) ? v.Parameters.FirstOrDefault(p => p.Naam == parameter) is { } p ? $"{p.Omschrijving}{(p.Eenheid is { } e ? $" ({e})" : "")}" : parameter : parameter;

    public Ondertekening? HandtekeningVan(string identificatie) => Afspraak.Ondertekeningen.FirstOrDefault(o => o.Partij.Identificatie == identificatie);

    private static string? Leeg(string? waarde) => string.IsNullOrWhiteSpace(waarde) ? null : waarde.Trim();
}
