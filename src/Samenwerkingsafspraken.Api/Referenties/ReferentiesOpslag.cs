using System.Reflection;
using Marten;
using Samenwerkingsafspraken.Afspraken;

namespace Samenwerkingsafspraken.Referenties;

/// <summary>
/// An employer's references are listed oldest agreement first, a page at a time. The date the list is ordered by is a
/// column of its own, and its index leads with the employer: a page is a short range of that index, so an employer with
/// hundreds of agreements does not have all its documents read (and their JSON unpacked) to sort them for every page.
/// </summary>
public static class ReferentiesOpslag
{
    public const string VolgordeIndex = "mt_doc_referentie_werkgever_volgorde";

    public static void ConfigureerReferenties(this StoreOptions opts)
    {
        // The employer's column carries the list's index (employer, date, id), ascending like the list: the index is read
        // forwards for the oldest first and backwards for the newest, and every other lookup by employer uses it too.
        // One index per column that a command writes: each costs every insert of a reference (a command, and each row of
        // a rebuild), so no column gets a second index that this one already serves.
        opts.Schema.For<Referentie>()
            .Duplicate(r => r.KvkNummer, configure: index =>
            {
                index.Name = VolgordeIndex;
                index.Mask = $"?, {DatumKolom}, id";
            })
            // Where an agreement was reused: the adopted agreements are found by their source (Hergebruiken). Marten
            // fills a new duplicated column for the existing rows when it adds it (from the same JSON path). Most
            // agreements are not adoptions: the index holds only those that are, so an agreement drawn up anew adds
            // nothing to it.
            .Duplicate(r => r.Afspraak.Herkomst!.BronAfspraakId, configure: index =>
                index.Predicate = $"{Hergebruiken.BronKolom} is not null");

        // The date is a column only for the index above. Marten's Duplicate always gives a column an index of its own; the
        // document mapping's DuplicateField does not.
        var datum = new MemberInfo[] { typeof(Referentie).GetProperty(nameof(Referentie.Afspraak))!, typeof(Samenwerkingsafspraak).GetProperty(nameof(Samenwerkingsafspraak.OpgesteldOp))! };
        opts.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType == typeof(Referentie)) mapping.DuplicateField(datum);
        });
    }

    /// <summary>The column Marten names after <c>Afspraak.OpgesteldOp</c>.</summary>
    public const string DatumKolom = "afspraakopgesteld_op";
}
