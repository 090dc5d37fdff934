using Marten;

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
        // Ascending, like the list: the index is read forwards for the oldest first and backwards for the newest.
        opts.Schema.For<Referentie>()
            .Duplicate(r => r.Afspraak.OpgesteldOp, configure: index =>
            {
                index.Name = VolgordeIndex;
                index.Mask = "kvk_nummer, ?, id";
            })
            // Where an agreement was reused: the adopted agreements are found by their source (Hergebruiken). Marten
            // fills a new duplicated column for the existing rows when it adds it (from the same JSON path).
            .Duplicate(r => r.Afspraak.Herkomst!.BronAfspraakId);
    }
}
