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

    public static async Task<Referentiekader> Laad(IQuerySession session, string? kvkNummer = null, CancellationToken cancellation = default)
    {
        var regios = await session.Query<Arbeidsmarktregio>().ToListAsync(cancellation);
        var varianten = await session.Query<Variant>().ToListAsync(cancellation);
        var werkgever = kvkNummer is not null && Formaten.KvkNummer().IsMatch(kvkNummer)
            ? await session.LoadAsync<Werkgever>(Werkgever.StreamId(kvkNummer), cancellation)
            : null;
        return new Referentiekader(regios.ToDictionary(r => r.Code), varianten.ToDictionary(v => v.Code), werkgever);
    }
}
