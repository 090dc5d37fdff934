using System.Text.Json;

namespace Samenwerkingsafspraken.Tests.Gemeenten;

/// <summary>
/// Events compared by type and content: a record's equality compares its lists by reference, so events that carry
/// lists (OntstaanUit, Opvolgers, Voorgangers) are compared as what they are stored as.
/// </summary>
public static class GebeurtenisVergelijking
{
    private static string Tekst(object gebeurtenis) =>
        $"{gebeurtenis.GetType().Name} {JsonSerializer.Serialize(gebeurtenis, gebeurtenis.GetType(), Samenwerkingsafspraken.Infrastructure.Json.Options)}";

    public static void ShouldBeEvents(this IEnumerable<object> werkelijk, params object[] verwacht) =>
        werkelijk.Select(Tekst).ToList().ShouldBe(verwacht.Select(Tekst).ToList());
}
