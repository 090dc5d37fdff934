using System.Globalization;
using Marten;
using Samenwerkingsafspraken.Infrastructure.Http;

namespace Samenwerkingsafspraken.Exports;

/// <summary>
/// Turns rows and an <see cref="Exportdefinitie{T}"/> into a downloadable CSV or XLSX file. An export endpoint does
/// what its JSON lookup does (the same checks and query, shared, not copied), adds the required query key
/// <c>formaat</c> to its input checks, reads its rows with <see cref="Lees{T}"/> and answers with <see cref="Bestand{T}"/>.
/// </summary>
public static class Export
{
    /// <summary>
    /// An export has no pages, so it has a ceiling instead: beyond it the caller narrows the filter rather than the
    /// service building a file of unbounded size in memory. Well above any region's or employer's register today.
    /// </summary>
    public const int MaximaalAantalRijen = 10_000;

    /// <summary>Reads at most one row more than the ceiling: enough to know that it was passed, never the whole table.</summary>
    public static async Task<IReadOnlyList<T>> Lees<T>(IQueryable<T> query, CancellationToken cancellation) where T : notnull =>
        await query.Take(MaximaalAantalRijen + 1).ToListAsync(cancellation);

    /// <summary>
    /// The file as an attachment named <c>{soort}-{sleutel}-{datum}.{csv|xlsx}</c>, or a 400 problem
    /// (<c>export-te-groot</c>) above <see cref="MaximaalAantalRijen"/>. Built in memory before the first byte is sent,
    /// so a failure is still a problem response and never a truncated file.
    /// </summary>
    public static IResult Bestand<T>(Exportdefinitie<T> definitie, IReadOnlyList<T> rijen, Exportformaat formaat, string soort, string sleutel,
        DateOnly datum)
    {
        if (rijen.Count > MaximaalAantalRijen)
        {
            return Problemen.Probleem(400, "export-te-groot",
                $"De export zou meer dan {MaximaalAantalRijen} rijen tellen. Beperk de selectie met de filters.");
        }

        var inhoud = formaat == Exportformaat.Csv ? CsvSchrijver.Schrijf(definitie, rijen) : XlsxSchrijver.Schrijf(definitie, rijen);
        return Results.File(inhoud, formaat.ContentType(), Bestandsnaam(soort, sleutel, datum, formaat));
    }

    public static string Bestandsnaam(string soort, string sleutel, DateOnly datum, Exportformaat formaat) =>
        $"{soort}-{sleutel}-{datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{formaat.Extensie()}";
}
