using Marten;

namespace Samenwerkingsafspraken.Werkaanbod;

public static class WerkaanbodOpslag
{
    /// <summary>The overview reads the agreements of one quarter (and region): by their term, among those that offer work.</summary>
    public static void ConfigureerWerkaanbod(this StoreOptions opts)
    {
        opts.Schema.For<Werkaanbodfeiten>()
            .Duplicate(f => f.Arbeidsmarktregio)
            .Duplicate(f => f.Einddatum, configure: index =>
            {
                index.Name = "mt_doc_werkaanbodfeiten_looptijd";
                index.Mask = "?, startdatum";
                index.Predicate = "heeft_werkaanbod";
            })
            .Duplicate(f => f.Startdatum)
            .Duplicate(f => f.HeeftWerkaanbod);
    }
}
