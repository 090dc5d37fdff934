using Marten;

namespace Samenwerkingsafspraken.Gemeenten;

public static class GemeentenOpslag
{
    /// <summary>
    /// A region finds its gemeenten, and a name its gemeente, through a GIN index: Marten asks "contains" of an array
    /// member as containment in the whole document (data @> '{"regios":["AM01"]}'), which a GIN index on the document
    /// serves, so neither lookup reads every gemeente.
    /// </summary>
    public static void ConfigureerGemeenten(this StoreOptions opts)
    {
        opts.Schema.For<Gemeente>().GinIndexJsonData();
    }
}
