namespace Samenwerkingsafspraken.Integriteit;

/// <summary>How a stream breaks. Strings, not an enum: <c>keten-gewijzigd</c> is not a camelCase name.</summary>
public static class Bevindingsoort
{
    /// <summary>The event's content differs from what was recorded.</summary>
    public const string Gewijzigd = "gewijzigd";

    /// <summary>A recorded event is gone.</summary>
    public const string Ontbreekt = "ontbreekt";

    /// <summary>Two events of a stream changed places (or their data did).</summary>
    public const string Verwisseld = "verwisseld";

    /// <summary>An event that was never recorded in the chain.</summary>
    public const string Ingevoegd = "ingevoegd";

    /// <summary>The hash table itself was altered.</summary>
    public const string KetenGewijzigd = "keten-gewijzigd";
}

public sealed record Bevinding(Guid StroomId, long Versie, string Soort, string Toelichting);

/// <param name="AnkerHash">A digest over the head of every chain in scope (docs/integriteit.md): record it, and a
/// later rewrite of anything before it no longer matches.</param>
/// <summary>
/// <paramref name="AantalStromen"/> and <paramref name="AantalGebeurtenissen"/> count what the history endpoints show;
/// <paramref name="AantalTombstones"/> the placeholders Marten writes for the sequence numbers of appends that failed
/// after taking them, which are hashed and checked too but belong to no stream of ours.
/// </summary>
public sealed record Integriteitsrapport(
    bool Intact, long AantalStromen, long AantalGebeurtenissen, string AnkerHash, IReadOnlyList<Bevinding> Bevindingen, long AantalTombstones = 0);

/// <summary>
/// One position of a stream (a version) where the verification query saw something out of order: what is there
/// (event row, hash row) and which of the recomputed hashes agree. Only such positions leave the database.
/// </summary>
/// <param name="VerwijzingKlopt">The hash row names the previous row's hash; null where that cannot be checked
/// because the previous position is itself missing or broken (and reported there).</param>
/// <param name="GebeurtenisPastInKeten">The event as it is now, chained to its predecessor, gives the stored hash.</param>
/// <param name="VolgendeVerwijstHiernaar">The next hash row names this row's stored hash; null without a next row.</param>
/// <param name="BevestigdDoorKeten">An event without hash row that the next row's link nevertheless confirms.</param>
/// <param name="OntbrekendDaarvoor">Versions directly before this one of which event and hash row are both gone.</param>
public sealed record Afwijking(
    Guid Stroom,
    long Versie,
    bool HeeftGebeurtenis,
    bool HeeftHash,
    bool IsTombstone,
    bool Ongeketend,
    long? GebeurtenisVolgnummer,
    long? HashVolgnummer,
    bool InhoudKlopt,
    bool GegevensKloppen,
    bool MetadataKlopt,
    bool SchakelKlopt,
    bool? VerwijzingKlopt,
    bool GebeurtenisPastInKeten,
    bool? VolgendeVerwijstHiernaar,
    bool BevestigdDoorKeten,
    long OntbrekendDaarvoor,
    byte[]? GebeurtenisInhoud = null,
    byte[]? GebeurtenisGegevens = null,
    byte[]? HashInhoud = null,
    byte[]? HashGegevens = null)
{
    /// <summary>A position past the last one, standing for versions that the stream table counts but nothing holds.</summary>
    public bool IsStaart => !HeeftGebeurtenis && !HeeftHash;
}

/// <summary>Turns what the query saw into findings: one per broken position, a swap once for both versions.</summary>
public static class Bevindingen
{
    /// <param name="afwijkingen">Ordered by stream and version, as the query returns them.</param>
    public static IEnumerable<Bevinding> Classificeer(IEnumerable<Afwijking> afwijkingen)
    {
        var stroom = new List<Afwijking>();
        foreach (var afwijking in afwijkingen)
        {
            if (stroom.Count > 0 && stroom[0].Stroom != afwijking.Stroom)
            {
                foreach (var bevinding in PerStroom(stroom)) yield return bevinding;
                stroom.Clear();
            }

            stroom.Add(afwijking);
        }

        foreach (var bevinding in PerStroom(stroom)) yield return bevinding;
    }

    private static IEnumerable<Bevinding> PerStroom(IReadOnlyList<Afwijking> stroom)
    {
        var bevindingen = new List<Bevinding>();
        var kandidaten = new List<Afwijking>();

        foreach (var a in stroom)
        {
            for (var versie = a.Versie - a.OntbrekendDaarvoor; versie < a.Versie; versie++)
            {
                bevindingen.Add(new(a.Stroom, versie, Bevindingsoort.Ontbreekt, a.IsStaart
                    ? $"De stroom staat op versie {a.Versie - 1}, maar de gebeurtenis en de hashregel van versie {versie} zijn allebei verwijderd."
                    : $"De gebeurtenis en haar hashregel zijn allebei verwijderd: de keten springt van versie {a.Versie - a.OntbrekendDaarvoor - 1} naar {a.Versie}."));
            }

            if (Positie(a) is { } bevinding) bevindingen.Add(bevinding);
            else if (a is { HeeftGebeurtenis: true, HeeftHash: true, SchakelKlopt: true, InhoudKlopt: false }) kandidaten.Add(a);
        }

        bevindingen.AddRange(Verwisselingen(kandidaten));
        return bevindingen.OrderBy(b => b.Versie);
    }

    private static Bevinding? Positie(Afwijking a)
    {
        Bevinding Met(string soort, string toelichting) => new(a.Stroom, a.Versie, soort, toelichting);

        if (a.IsStaart) return null;

        if (!a.HeeftHash)
        {
            return a.BevestigdDoorKeten
                ? Met(Bevindingsoort.KetenGewijzigd, "De hashregel van deze gebeurtenis is verwijderd; de gebeurtenis zelf past nog in de keten.")
                : Met(Bevindingsoort.Ingevoegd, "Deze gebeurtenis staat niet in de hashketen: zij is buiten de vastlegging om toegevoegd.");
        }

        if (!a.HeeftGebeurtenis)
        {
            return Met(Bevindingsoort.Ontbreekt, "De gebeurtenis is verwijderd; haar hashregel is er nog.");
        }

        if (!a.SchakelKlopt)
        {
            return Met(Bevindingsoort.KetenGewijzigd, (a.GebeurtenisPastInKeten, a.InhoudKlopt, a.VolgendeVerwijstHiernaar) switch
            {
                (true, _, _) => "De hashregel is gewijzigd (inhoudshash, vorige hash of volgnummer); de gebeurtenis zelf klopt nog met de keten.",
                (false, true, false) => "De hash in de hashregel is gewijzigd: zij volgt niet uit de vorige hash en de inhoud, en de volgende regel verwijst er niet naar.",
                (false, true, true) => "De gebeurtenis en de inhoudshash in haar hashregel zijn samen gewijzigd: de hash van de regel volgt er niet uit.",
                (false, true, null) => "De hash in de hashregel, of de gebeurtenis samen met haar inhoudshash, is gewijzigd: de hash volgt niet uit de vorige hash en de inhoud.",
                _ => "De hashregel is gewijzigd en de gebeurtenis past er niet bij: haar hash volgt niet uit de vorige hash en de inhoud.",
            });
        }

        if (a.VerwijzingKlopt == false)
        {
            return Met(Bevindingsoort.KetenGewijzigd,
                $"De verwijzing naar versie {a.Versie - 1} klopt niet: de keten is tussen versie {a.Versie - 1} en {a.Versie} herschreven.");
        }

        if (a.Ongeketend && !a.IsTombstone)
        {
            return Met(Bevindingsoort.KetenGewijzigd, "Deze gebeurtenis is bij het vastleggen niet aan een voorganger geketend: de keten was daar al onderbroken.");
        }

        if (a.InhoudKlopt && a.GebeurtenisVolgnummer != a.HashVolgnummer)
        {
            return Met(Bevindingsoort.Gewijzigd,
                $"Het volgnummer (seq_id) is gewijzigd: {a.GebeurtenisVolgnummer} in plaats van {a.HashVolgnummer}.");
        }

        return null;
    }

    private static IEnumerable<Bevinding> Verwisselingen(List<Afwijking> kandidaten)
    {
        var gekoppeld = new HashSet<Afwijking>(ReferenceEqualityComparer.Instance);
        foreach (var v in kandidaten)
        {
            if (gekoppeld.Contains(v)) continue;
            foreach (var w in kandidaten.Where(w => w.Versie > v.Versie && !gekoppeld.Contains(w)))
            {
                if (Gelijk(v.GebeurtenisInhoud, w.HashInhoud) && Gelijk(w.GebeurtenisInhoud, v.HashInhoud))
                {
                    gekoppeld.UnionWith([v, w]);
                    yield return new(v.Stroom, v.Versie, Bevindingsoort.Verwisseld,
                        $"De gebeurtenissen van versie {v.Versie} en {w.Versie} zijn van plaats verwisseld.");
                    break;
                }

                if (Gelijk(v.GebeurtenisGegevens, w.HashGegevens) && Gelijk(w.GebeurtenisGegevens, v.HashGegevens))
                {
                    gekoppeld.UnionWith([v, w]);
                    var metadata = v.MetadataKlopt && w.MetadataKlopt ? "" : " Ook het type of de metadata wijkt af van wat is vastgelegd.";
                    yield return new(v.Stroom, v.Versie, Bevindingsoort.Verwisseld,
                        $"De gegevens van versie {v.Versie} en {w.Versie} zijn verwisseld.{metadata}");
                    break;
                }
            }
        }

        foreach (var a in kandidaten.Where(a => !gekoppeld.Contains(a)))
        {
            yield return new(a.Stroom, a.Versie, Bevindingsoort.Gewijzigd, (a.GegevensKloppen, a.MetadataKlopt) switch
            {
                (false, true) => "De gegevens (data) van de gebeurtenis zijn gewijzigd.",
                (true, false) => "Het type of de metadata (tijdstip, gebruiker, headers, correlatie, event-id) is gewijzigd.",
                _ => "De gegevens en de metadata van de gebeurtenis zijn gewijzigd.",
            });
        }
    }

    private static bool Gelijk(byte[]? a, byte[]? b) => a is not null && b is not null && a.AsSpan().SequenceEqual(b);
}
