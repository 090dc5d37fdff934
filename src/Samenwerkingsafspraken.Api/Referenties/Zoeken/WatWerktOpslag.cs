using Marten;
using Samenwerkingsafspraken.Werkgevers;
using Weasel.Postgresql.Tables;

namespace Samenwerkingsafspraken.Referenties.Zoeken;

/// <summary>
/// The national search reads the <see cref="Referentie"/> documents, which already judge every agreement by the proof
/// rule. Only proven ones are searched, so every index here starts with (or is limited to) <c>bewezen</c>: a page in
/// the order of the results is a short range of one index, the words go through a GIN index on the Dutch tsvector of
/// title and maatwerk, and the employers that consent are an index of their own.
/// </summary>
public static class WatWerktOpslag
{
    public const string TekstIndex = "mt_doc_referentie_zoektekst_nl";
    public const string BewezenIndex = "mt_doc_referentie_bewezen";
    public const string RegioIndex = "mt_doc_referentie_regio_bewezen";
    public const string VindbaarIndex = "mt_doc_werkgever_vindbaar";

    /// <summary>The text search configuration: Dutch stemming and stop words ("jobcoaches" finds "jobcoach").</summary>
    public const string Taal = "dutch";

    public static void ConfigureerWatWerkt(this StoreOptions opts)
    {
        opts.Schema.For<Referentie>()
            .Duplicate(r => r.Bewezen, configure: index =>
            {
                index.Name = BewezenIndex;
                index.Mask = "?, id";
            })
            .Duplicate(r => r.Arbeidsmarktregio, configure: index =>
            {
                index.Name = RegioIndex;
                index.Mask = "?, bewezen, id";
            })
            .Index(r => r.Zoektekst, index =>
            {
                index.Name = TekstIndex;
                index.Method = IndexMethod.gin;
                index.Mask = $"to_tsvector('{Taal}', ?)";
                index.Predicate = "bewezen";
            });

        // A column rather than an expression on the JSON: the schema comparison reads plain column predicates back reliably.
        // Partial: only the consenting employers, so that it serves "which are findable" and nothing else (a full index
        // led with this column is a cheap scan the planner takes for any lookup of KvK-nummers, in place of their own).
        opts.Schema.For<Werkgever>()
            .Duplicate(w => w.Vindbaar, configure: index =>
            {
                index.Name = VindbaarIndex;
                index.Mask = "(data ->> 'kvkNummer')";
                index.Predicate = "vindbaar";
            });
    }
}
