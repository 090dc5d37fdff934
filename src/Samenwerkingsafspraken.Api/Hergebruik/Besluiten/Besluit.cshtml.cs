using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Hergebruik.Besluiten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Varianten;

namespace Samenwerkingsafspraken.Hergebruik.Besluiten;

/// <summary>
/// The asked region decides on a reuse request: first the kind of decision, then its form. Accepting (as it is or
/// with maatwerk, each change with its reason) starts the new agreement in this region; declining needs a reason.
/// The same command as POST /v1/hergebruikverzoeken/{id}/besluit.
/// </summary>
[Toegangssleutel("hergebruikBesluitenPagina")]
public sealed class BesluitModel(IQuerySession session, Schrijver schrijver, Klok klok, Referentiecache referentiedata) : Formulierpagina
{
    [BindProperty(SupportsGet = true)] public string? Besluit { get; set; }
    [BindProperty] public long Versie { get; set; }
    [BindProperty] public string? Actie { get; set; }
    [BindProperty] public List<Regiopartijrij> Regiopartijen { get; set; } = [];
    [BindProperty] public Looptijdrij Looptijd { get; set; } = new();
    [BindProperty] public Maatwerkformulier Maatwerk { get; set; } = new();
    [BindProperty] public string? Reden { get; set; }
    [BindProperty] public string? Toelichting { get; set; }

    public Hergebruikverzoek Verzoek { get; private set; } = null!;

    public Samenwerkingsafspraak Bron { get; private set; } = null!;

    public IReadOnlyDictionary<string, Variant> Varianten { get; private set; } = new Dictionary<string, Variant>();

    public static IReadOnlyList<Optie> Soorten { get; } =
    [
        new(Besluitsoorten.Geaccepteerd, "Accepteren zoals zij is"),
        new(Besluitsoorten.GeaccepteerdMetMaatwerk, "Accepteren met maatwerk: een of meer werkafspraken anders, elk met een reden"),
        new(Besluitsoorten.Afgewezen, "Afwijzen, met een reden"),
    ];

    public static IReadOnlyList<Optie> Afwijzingsredenen { get; } = Besluitsoorten.Afwijzingsredenen.Select(r => new Optie(r.Key, r.Value)).ToList();

    public bool IsAccepteren => Besluit is Besluitsoorten.Geaccepteerd or Besluitsoorten.GeaccepteerdMetMaatwerk;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        Versie = Verzoek.Version;
        NieuweFormuliersleutel();
        if (Besluit is not null && !Besluitsoorten.Alle.Contains(Besluit))
        {
            Besluit = null;
            return Ongeldig([new OngeldigeParameter("besluit", "verplicht", "Kies wat u besluit.")], [new Veld("besluit", "Uw besluit")]);
        }

        var start = klok.Vandaag.AddDays(1 - klok.Vandaag.Day).AddMonths(1);
        var duur = Bron.Inhoud.Looptijd.Einddatum.DayNumber - Bron.Inhoud.Looptijd.Startdatum.DayNumber;
        Regiopartijen = [new Regiopartijrij { Oin = Gebruiker.Oin, Naam = Gebruiker.Organisatienaam, Soort = "gemeente", Ondertekent = true }];
        Looptijd = new Looptijdrij { Startdatum = Invoer.Datumtekst(start), Einddatum = Invoer.Datumtekst(DateOnly.FromDayNumber(start.DayNumber + duur)) };
        Maatwerk = Maatwerkformulier.Van(Bron.Inhoud.Werkafspraken, Verzoek.VoorgesteldMaatwerk);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellation)
    {
        if (await Laad(id, cancellation) is { } probleem) return probleem;
        if (Maatwerk.Bewerk(Actie, Varianten, out var bewerkfout))
        {
            return bewerkfout is null ? Page() : Ongeldig([new OngeldigeParameter("nieuweVariant", "verplicht", bewerkfout)], Velden);
        }

        if (Actie == "regiopartij-toevoegen")
        {
            Regiopartijen.Add(new Regiopartijrij { Soort = "gemeente", Ondertekent = true });
            return Page();
        }

        if (Actie?.StartsWith("regiopartij-verwijderen-", StringComparison.Ordinal) == true)
        {
            if (int.TryParse(Actie["regiopartij-verwijderen-".Length..], out var r) && r >= 0 && r < Regiopartijen.Count) Regiopartijen.RemoveAt(r);
            return Page();
        }

        var invoer = new Invoer();
        var (maatwerk, maatwerkfouten) = Besluit == Besluitsoorten.GeaccepteerdMetMaatwerk
            ? Maatwerk.NaarVerzoek(Bron.Inhoud.Werkafspraken, Varianten)
            : ([], []);
        var verzoek = new HergebruikBesluitVerzoek(
            Besluit,
            IsAccepteren ? Regiopartijen.Select(p => new RegiopartijVerzoek(p.Oin?.Trim(), p.Naam, p.Soort, p.Ondertekent, p.Contactrol)).ToList() : null,
            IsAccepteren ? new LooptijdVerzoek(invoer.Datum("looptijd.startdatum", Looptijd.Startdatum, "Startdatum"), invoer.Datum("looptijd.einddatum", Looptijd.Einddatum, "Einddatum")) : null,
            maatwerk,
            Besluit == Besluitsoorten.Afgewezen ? Reden : null,
            Besluit == Besluitsoorten.Afgewezen ? Toelichting : null,
            null);
        var uitkomst = await HergebruikBesluiten.Uitvoeren(schrijver, Opdracht($"POST /v1/hergebruikverzoeken/{id}/besluit", Versie), id, verzoek, klok);
        switch (uitkomst)
        {
            case Schrijfuitkomst.Gelukt:
                var besloten = await session.LoadAsync<Hergebruikverzoek>(id, cancellation);
                return besloten?.NieuweAfspraakId is { } nieuw ? Redirect($"/afspraken/{nieuw}?melding=overgenomen") : Redirect($"/hergebruikverzoeken/{id}?melding=besloten");
            case Schrijfuitkomst.Geweigerd geweigerd:
                var fouten = Maatwerk.NaarVelden(geweigerd.Fouten, "maatwerk", Bron.Inhoud.Werkafspraken, Varianten);
                return Geweigerd(geweigerd.Weigering with { Fouten = fouten }, Velden, [.. invoer.Fouten, .. maatwerkfouten]);
            case Schrijfuitkomst.Versieconflict conflict:
                Conflict = new Versieconflict(Versie, conflict.ActueleVersie, [$"Het verzoek heeft nu de status {Tekst.Verzoekstatus(Verzoek.Status).ToLowerInvariant()}."], []);
                Versie = conflict.ActueleVersie;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                throw new InvalidOperationException($"Unknown outcome {uitkomst.GetType().Name}.");
        }
    }

    public IEnumerable<Veld> Velden
    {
        get
        {
            yield return new Veld("besluit", "Uw besluit", "Kies wat u besluit.");
            yield return new Veld("regiopartijen", "Regiopartijen van de nieuwe afspraak", "Noem ten minste één regiopartij.");
            for (var i = 0; i < Regiopartijen.Count; i++)
            {
                yield return new Veld($"regiopartijen[{i}]", $"Regiopartij {i + 1}");
                yield return new Veld($"regiopartijen[{i}].oin", "OIN", "Vul het OIN van de regiopartij in (20 cijfers).");
                yield return new Veld($"regiopartijen[{i}].naam", "Naam", "Vul de naam van de regiopartij in.");
                yield return new Veld($"regiopartijen[{i}].soort", "Soort");
                yield return new Veld($"regiopartijen[{i}].contactrol", "Contactrol");
            }

            yield return new Veld("looptijd", "Looptijd");
            yield return new Veld("looptijd.startdatum", "Startdatum", "Vul de startdatum in.");
            yield return new Veld("looptijd.einddatum", "Einddatum", "Vul de einddatum in.");
            foreach (var veld in Maatwerk.Velden(Bron.Inhoud.Werkafspraken, Varianten)) yield return veld;
            yield return new Veld("reden", "Reden", "Kies de reden.");
            yield return new Veld("toelichting", "Toelichting", "Licht uw besluit toe.");
        }
    }

    private async Task<IActionResult?> Laad(Guid id, CancellationToken cancellation)
    {
        var verzoek = await session.LoadAsync<Hergebruikverzoek>(id, cancellation);
        if (verzoek is null) return Foutpagina(404, $"Hergebruikverzoek {id} bestaat niet.");
        if (!Gebruiker.IsRegiopartijVan(verzoek.DoelArbeidsmarktregio))
            return Foutpagina(403, $"Alleen een regiopartij van {verzoek.DoelArbeidsmarktregio} beslist over dit verzoek.");
        Verzoek = verzoek;
        Bron = await Bronafspraak.OpVersie(session, verzoek.BronAfspraakId, verzoek.BronVersie, cancellation);
        Varianten = (await referentiedata.Actueel(cancellation)).Varianten;
        return null;
    }
}
