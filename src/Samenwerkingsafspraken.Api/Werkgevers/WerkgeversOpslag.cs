using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Samenwerkingsafspraken.Werkgevers;

public static class WerkgeversOpslag
{
    /// <summary>
    /// Employers are searched by name and by the start of their KvK-nummer. The name search and the duplicate warning
    /// find their candidates through the name's trigrams (stored with the document) in a GIN index with jsonb's own
    /// operator class, which answers "shares any of these trigrams" (<c>?|</c>) and "has all of them" (<c>?&amp;</c>);
    /// the KvK prefix a pattern index. Both stay indexed as the register grows, and the schema needs no extension.
    /// </summary>
    public static void ConfigureerWerkgevers(this StoreOptions opts)
    {
        opts.Schema.For<Werkgever>()
            .GinIndexJsonDataMember(w => w.Trigrammen, index =>
            {
                index.Name = "mt_doc_werkgever_idx_trigrammen";
                // Marten's default is jsonb_path_ops, which answers containment only; jsonb's default class answers ?| too.
                index.Mask = "(? -> 'trigrammen')";
            })
            .Index(w => w.KvkNummer, index =>
            {
                index.Name = "mt_doc_werkgever_idx_kvknummer_prefix";
                index.Mask = "? text_pattern_ops";
            });
    }
}
