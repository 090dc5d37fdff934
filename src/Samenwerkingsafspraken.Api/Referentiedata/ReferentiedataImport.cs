using System.Text.Json;
using Marten;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Referentiedata.Indeling;
using Samenwerkingsafspraken.Varianten;

namespace Samenwerkingsafspraken.Referentiedata;

/// <summary>
/// Loads the reference data shipped with the service (the labour market regions, their gemeenten and the standard set
/// of variants) into their event streams. Idempotent: what is already recorded is left alone, so a second start
/// appends nothing. A region whose starting name differs from the shipped file gets an ArbeidsmarktregioHernoemd
/// event for that starting date; renames and moves the beheerder recorded later stand.
/// </summary>
public sealed class ReferentiedataImport(IDocumentStore store, Klok klok, ILogger<ReferentiedataImport> logger)
{
    /// <summary>The date from which the shipped region delineation is recorded as valid in this registry.</summary>
    public static readonly DateOnly RegiosGeldigVanaf = new(2024, 1, 1);

    /// <summary>The gemeenten of CBS "Gebieden in Nederland 2026" (table 86247NED), as on 1 January 2026.</summary>
    public const string Gemeentebestand = "gemeenten-2026.csv";

    public async Task<int> VoerUit(CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = Gebruiker.Systeem.Id;
        session.SetHeader(Metadata.Rol, Gebruiker.Systeem.Rol);
        session.SetHeader(Metadata.Organisatie, Gebruiker.Systeem.Organisatie);
        session.SetHeader(Metadata.Reden, "referentiegegevens geladen");

        var aantal = await Regios(session, cancellation) + await Gemeenten(session, cancellation) + await Varianten(session, cancellation);
        if (aantal > 0)
        {
            await session.SaveChangesAsync(cancellation);
            logger.LogInformation("Reference data: {Count} events appended.", aantal);
        }

        return aantal;
    }

    private static async Task<int> Regios(IDocumentSession session, CancellationToken cancellation)
    {
        var bekend = (await session.Query<Arbeidsmarktregio>().ToListAsync(cancellation)).ToDictionary(r => r.Code);
        var aantal = 0;
        foreach (var (code, naam) in LeesRegios())
        {
            var id = Arbeidsmarktregio.StreamId(code);
            if (!bekend.TryGetValue(code, out var regio))
            {
                session.Events.StartStream<Arbeidsmarktregio>(id, new ArbeidsmarktregioVastgesteld(id, code, naam, RegiosGeldigVanaf, [], null));
                aantal++;
            }
            else if (regio.NaamOp(RegiosGeldigVanaf) != naam)
            {
                session.Events.Append(id, regio.Version + 1, new ArbeidsmarktregioHernoemd(id, naam, RegiosGeldigVanaf));
                aantal++;
            }
        }

        return aantal;
    }

    /// <summary>
    /// The shipped file describes 1 January 2026; the registry holds no earlier delineation, so, like the regions, it
    /// records it from its own starting date. A beheerder corrects the past with dated re-delineation events.
    /// </summary>
    private static async Task<int> Gemeenten(IDocumentSession session, CancellationToken cancellation)
    {
        var bekend = (await session.Query<Gemeente>().Select(g => g.Code).ToListAsync(cancellation)).ToHashSet();
        var regios = LeesRegios().Select(r => r.Code).ToHashSet();
        var aantal = 0;
        foreach (var g in LeesGemeenten().Gemeenten.Where(g => !bekend.Contains(g.Code)))
        {
            if (!regios.Contains(g.Arbeidsmarktregio))
                throw new InvalidOperationException($"Gemeente {g.Code} lies in region {g.Arbeidsmarktregio}, which the shipped regions lack.");
            var id = Gemeente.StreamId(g.Code);
            session.Events.StartStream<Gemeente>(id, new GemeenteVastgesteld(id, g.Code, g.Naam, g.Provincie, g.Arbeidsmarktregio, RegiosGeldigVanaf, []));
            aantal++;
        }

        return aantal;
    }

    public static CbsBestand LeesGemeenten()
    {
        using var reader = new StreamReader(Bron(Gemeentebestand));
        var (bestand, fouten) = CbsBestandLezer.Lees(reader, 2026);
        return bestand ?? throw new InvalidOperationException($"Embedded {Gemeentebestand} is invalid: {string.Join("; ", fouten.Select(f => $"{f.Name} {f.Reason}"))}");
    }

    private async Task<int> Varianten(IDocumentSession session, CancellationToken cancellation)
    {
        var bekend = (await session.Query<Variant>().Select(v => v.Code).ToListAsync(cancellation)).ToHashSet();
        var aantal = 0;
        foreach (var v in LeesVarianten().Where(v => !bekend.Contains(v.Code)))
        {
            var id = Variant.StreamId(v.Code);
            session.Events.StartStream<Variant>(id, new VariantToegevoegd(id, v.Code, v.Naam, v.Omschrijving, v.Pijler, v.Parameters, klok.GetUtcNow()));
            aantal++;
        }

        return aantal;
    }

    public static IReadOnlyList<(string Code, string Naam)> LeesRegios()
    {
        using var reader = new StreamReader(Bron("arbeidsmarktregios.csv"));
        var regels = new List<(string, string)>();
        reader.ReadLine();
        while (reader.ReadLine() is { } regel)
        {
            if (string.IsNullOrWhiteSpace(regel)) continue;
            var scheiding = regel.IndexOf(',');
            regels.Add((regel[..scheiding].Trim(), regel[(scheiding + 1)..].Trim().Trim('"')));
        }

        return regels;
    }

    public sealed record VariantBron(string Code, string Naam, string Omschrijving, Pijler Pijler, IReadOnlyList<VariantParameter> Parameters);

    private sealed record VariantenBestand(IReadOnlyList<VariantBron> Varianten);

    public static IReadOnlyList<VariantBron> LeesVarianten()
    {
        using var stream = Bron("varianten.json");
        return JsonSerializer.Deserialize<VariantenBestand>(stream, Json.Options)!.Varianten;
    }

    private static Stream Bron(string naam) =>
        typeof(ReferentiedataImport).Assembly.GetManifestResourceStream($"Samenwerkingsafspraken.Referentiedata.{naam}")
        ?? throw new InvalidOperationException($"Embedded reference data {naam} is missing.");
}
