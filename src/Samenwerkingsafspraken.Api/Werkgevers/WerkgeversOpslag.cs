using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Samenwerkingsafspraken.Werkgevers;

public static class WerkgeversOpslag
{
    /// <summary>
    /// Employers are searched by name and by the start of their KvK-nummer. The name search and the duplicate warning
    /// use pg_trgm (in PostgreSQL's contrib, which Debian's postgresql package and the managed services ship), with a
    /// trigram GIN index; the KvK prefix a pattern index. Both stay indexed as the register grows.
    /// </summary>
    public static void ConfigureerWerkgevers(this StoreOptions opts)
    {
        opts.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
        opts.Schema.For<Werkgever>()
            .Index(w => w.Vergelijknaam, index =>
            {
                index.Name = "mt_doc_werkgever_idx_vergelijknaam_trgm";
                index.Method = IndexMethod.gin;
                index.Mask = "? gin_trgm_ops";
            })
            .Index(w => w.KvkNummer, index =>
            {
                index.Name = "mt_doc_werkgever_idx_kvknummer_prefix";
                index.Mask = "? text_pattern_ops";
            });
    }
}
