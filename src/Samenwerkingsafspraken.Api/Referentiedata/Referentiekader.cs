using Marten;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Varianten;
using Samenwerkingsafspraken.Werkgevers;
using Samenwerkingsafspraken.Werkgevers.Registreren;

namespace Samenwerkingsafspraken.Referentiedata;

/// <summary>
/// The reference data one request is checked against, loaded once: the valid regions, the variant catalogue and,
/// when the request names one, the employer. The validator and the decide function both read from it.
/// </summary>
public sealed record Referentiekader(
    IReadOnlyDictionary<string, Arbeidsmarktregio> Regios,
    IReadOnlyDictionary<string, Variant> Varianten,
    Werkgever? Werkgever)
{
    public bool IsGeldigeRegio(string? code) => code is not null && Regios.TryGetValue(code, out var regio) && regio.IsGeldig;

    /// <summary>One round trip: the regions, the catalogue and the employer in one batch.</summary>
    public static async Task<Referentiekader> Laad(IQuerySession session, string? kvkNummer = null, CancellationToken cancellation = default)
    {
        var batch = session.CreateBatchQuery();
        var regios = batch.Query<Arbeidsmarktregio>().ToList();
        var varianten = batch.Query<Variant>().ToList();
        var werkgever = kvkNummer is not null && Formaten.KvkNummer().IsMatch(kvkNummer)
            ? batch.Load<Werkgever>(Werkgever.StreamId(kvkNummer))
            : Task.FromResult<Werkgever?>(null);
        await batch.Execute(cancellation);
        return new Referentiekader((await regios).ToDictionary(r => r.Code), (await varianten).ToDictionary(v => v.Code), await werkgever);
    }
}
