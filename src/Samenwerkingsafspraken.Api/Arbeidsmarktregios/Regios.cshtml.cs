using Marten;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;

namespace Samenwerkingsafspraken.Arbeidsmarktregios;

/// <summary>Every region, with its number of agreements, leading to its register and its inbox.</summary>
[Toegangssleutel("regiosPagina")]
public sealed class RegiosModel(IQuerySession session) : Webpagina
{
    public IReadOnlyList<Arbeidsmarktregio> Regios { get; private set; } = [];

    public IReadOnlyDictionary<string, int> Aantallen { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Regios = (await session.Query<Arbeidsmarktregio>().ToListAsync(cancellation)).Where(r => r.IsGeldig).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var regios = await session.Query<Samenwerkingsafspraak>().Select(a => a.Arbeidsmarktregio).ToListAsync(cancellation);
        Aantallen = regios.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
    }
}
