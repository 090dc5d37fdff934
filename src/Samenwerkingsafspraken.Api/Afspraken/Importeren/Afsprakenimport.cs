using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Afspraken.Importeren;

/// <summary>One row of an import and the agreement it became.</summary>
public sealed record GeimporteerdeAfspraak(int Regel, string? Kenmerk, Guid AfspraakId, string KvkNummer, string Titel);

/// <summary>
/// A region loaded agreements from a file: which rows became which agreements. The stream is keyed by the region and
/// the fingerprint of the file's content, so the same file cannot be imported twice.
/// </summary>
public sealed record AfsprakenGeimporteerd(
    Guid ImportId, string Arbeidsmarktregio, string Vingerafdruk, string Bestandsformaat, IReadOnlyList<GeimporteerdeAfspraak> Afspraken, DateTimeOffset Op);

public sealed record Afsprakenimport(
    Guid Id,
    string Arbeidsmarktregio,
    string Vingerafdruk,
    string Bestandsformaat,
    IReadOnlyList<GeimporteerdeAfspraak> Afspraken,
    DateTimeOffset Op,
    long Version) : IAggregate<Afsprakenimport>
{
    public static Guid StreamId(string arbeidsmarktregio, string vingerafdruk) => StreamIds.Voor("afsprakenimport", $"{arbeidsmarktregio}|{vingerafdruk}");

    public static IReadOnlyList<Type> Gebeurtenistypen { get; } = [typeof(AfsprakenGeimporteerd)];

    public static Afsprakenimport Evolueer(Afsprakenimport? import, object @event, long version) => (@event switch
    {
        AfsprakenGeimporteerd e => new Afsprakenimport(e.ImportId, e.Arbeidsmarktregio, e.Vingerafdruk, e.Bestandsformaat, e.Afspraken, e.Op, 0),
        _ => import!,
    }) with { Version = version };
}
