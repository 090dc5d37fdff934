using System.Text;

namespace Samenwerkingsafspraken.Infrastructure.Security;

/// <summary>
/// The organisation scope with which a role is admitted to an endpoint. The policy admits the role; the handler
/// checks the scope against the data, because only the data knows whose it is.
/// </summary>
public enum Bereik
{
    /// <summary>Every organisation's data.</summary>
    Alles,

    /// <summary>The employer in the token's <c>kvk</c> claim: its own record, agreements, references, requests.</summary>
    EigenWerkgever,

    /// <summary>A region in the token's <c>regio</c> claims: the region in the path, or the region of the agreement or request.</summary>
    EigenRegio,

    /// <summary>A party named in the agreement: its employer (KvK-nummer), or a public party of its region named by its OIN.</summary>
    PartijBijAfspraak,

    /// <summary>A region with a relation to the employer: an agreement there, a reuse request to it, or a reference history shared with it.</summary>
    RelatieMetWerkgever,

    /// <summary>
    /// The proven agreements of employers that consented to national findability, and every agreement of a region in
    /// the token's <c>regio</c> claims.
    /// </summary>
    VindbaarOfEigenRegio,
}

/// <summary>One endpoint's row: open to everyone, or the roles it admits and the scope of each.</summary>
public sealed record Toegangsregel(string Sleutel, bool Openbaar, IReadOnlyDictionary<string, Bereik> Rollen)
{
    public bool Laat(string rol) => Rollen.ContainsKey(rol);
}

/// <summary>
/// Deny by default: every endpoint (API operation, web page, document) has exactly one row here, keyed by its name (the
/// OperationId of an API operation, the [Toegangssleutel] of a page). An endpoint without a row fails the start of the
/// service; a role that a row does not name is refused. docs/authenticatie.md holds the same table (a test keeps them equal).
/// </summary>
public static class Toegangsbeleid
{
    private const string W = Security.Rollen.Werkgever;
    private const string R = Security.Rollen.Regiopartij;
    private const string A = Security.Rollen.Auditor;
    private const string B = Security.Rollen.Beheerder;

    public static readonly IReadOnlyList<Toegangsregel> Regels =
    [
        // Open to everyone: reference data, the proof rule, the API description, health.
        Openbaar("arbeidsmarktregiosOpvragen"),
        Openbaar("arbeidsmarktregioOpvragen"),
        Openbaar("regiogemeentenOpvragen"),
        Openbaar("gemeentenOpvragen"),
        Openbaar("gemeenteOpvragen"),
        Openbaar("variantenOpvragen"),
        Openbaar("variantOpvragen"),
        Openbaar("sectorenOpvragen"),
        Openbaar("bewijsregelOpvragen"),
        Openbaar("importsjabloonOpvragen"),
        Openbaar(Sleutels.OpenApiDocument),
        Openbaar(Sleutels.ApiReferentie),
        Openbaar(Sleutels.Gezondheid),

        // The delineation of gemeenten and regions: the beheerder keeps it.
        Regel("arbeidsmarktregioVaststellen", (B, Bereik.Alles)),
        Regel("arbeidsmarktregioHernoemen", (B, Bereik.Alles)),
        Regel("centrumgemeenteAanwijzen", (B, Bereik.Alles)),
        Regel("arbeidsmarktregioOpheffen", (B, Bereik.Alles)),
        Regel("arbeidsmarktregioSplitsen", (B, Bereik.Alles)),
        Regel("arbeidsmarktregiosSamenvoegen", (B, Bereik.Alles)),
        Regel("gemeenteVerplaatsen", (B, Bereik.Alles)),
        Regel("gemeentenHerindelen", (B, Bereik.Alles)),
        Regel("indelingsbestandLaden", (B, Bereik.Alles)),

        // Employers and their data. Searching shows only KvK-nummer, name and status, so that a public party can find
        // the employer it is about to register an agreement with; the record itself needs a relation.
        Regel("werkgeverRegistreren", (W, Bereik.EigenWerkgever), (R, Bereik.Alles), (B, Bereik.Alles)),
        Regel("werkgeversZoeken", (R, Bereik.Alles), (A, Bereik.Alles), (B, Bereik.Alles)),
        Regel("werkgeverWijzigen", (W, Bereik.EigenWerkgever), (B, Bereik.Alles)),
        Regel("vestigingToevoegen", (W, Bereik.EigenWerkgever), (B, Bereik.Alles)),
        Regel("vestigingVerhuizen", (W, Bereik.EigenWerkgever), (B, Bereik.Alles)),
        Regel("vestigingSluiten", (W, Bereik.EigenWerkgever), (B, Bereik.Alles)),
        Regel("werkgeverUitschrijven", (B, Bereik.Alles)),
        Regel("werkgeverSamenvoegen", (B, Bereik.Alles)),
        Regel("werkgeverHistorieOpvragen", (W, Bereik.EigenWerkgever), (A, Bereik.Alles), (B, Bereik.Alles)),
        Regel("werkgeverOpvragen", (W, Bereik.EigenWerkgever), (R, Bereik.RelatieMetWerkgever), (A, Bereik.Alles), (B, Bereik.Alles)),
        Regel("werkgeverafsprakenOpvragen", (W, Bereik.EigenWerkgever), (R, Bereik.RelatieMetWerkgever), (A, Bereik.Alles)),
        Regel("referentiesOpvragen", (W, Bereik.EigenWerkgever), (R, Bereik.RelatieMetWerkgever), (A, Bereik.Alles), (B, Bereik.Alles)),
        Regel("referentiesExporteren", (W, Bereik.EigenWerkgever), (R, Bereik.RelatieMetWerkgever), (A, Bereik.Alles), (B, Bereik.Alles)),
        Regel("referentiedelingenOpvragen", (W, Bereik.EigenWerkgever), (A, Bereik.Alles), (B, Bereik.Alles)),
        Regel("referentiesDelen", (W, Bereik.EigenWerkgever)),
        Regel("referentiedelingIntrekken", (W, Bereik.EigenWerkgever)),
        Regel("vindbaarheidVastleggen", (W, Bereik.EigenWerkgever)),

        // Agreements.
        Regel("samenwerkingsafspraakOpstellen", (R, Bereik.EigenRegio)),
        Regel("samenwerkingsafspraakOpvragen", (W, Bereik.EigenWerkgever), (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("samenwerkingsafspraakHistorieOpvragen", (W, Bereik.EigenWerkgever), (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("samenwerkingsafspraakVerschillenOpvragen", (W, Bereik.EigenWerkgever), (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("samenwerkingsafspraakStamboomOpvragen", (W, Bereik.EigenWerkgever), (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("samenwerkingsafspraakOndertekenen", (W, Bereik.PartijBijAfspraak), (R, Bereik.PartijBijAfspraak)),
        Regel("samenwerkingsafspraakWijzigen", (W, Bereik.PartijBijAfspraak), (R, Bereik.PartijBijAfspraak)),
        Regel("resultatenRegistreren", (W, Bereik.PartijBijAfspraak), (R, Bereik.PartijBijAfspraak)),
        Regel("resultatenCorrigeren", (W, Bereik.PartijBijAfspraak), (R, Bereik.PartijBijAfspraak)),
        Regel("samenwerkingsafspraakEvalueren", (W, Bereik.PartijBijAfspraak), (R, Bereik.PartijBijAfspraak)),
        Regel("samenwerkingsafspraakVerlengen", (W, Bereik.PartijBijAfspraak), (R, Bereik.PartijBijAfspraak)),
        Regel("samenwerkingsafspraakBeeindigen", (R, Bereik.EigenRegio)),
        Regel("vervullingRegistreren", (W, Bereik.PartijBijAfspraak), (R, Bereik.PartijBijAfspraak)),
        Regel("vervullingCorrigeren", (W, Bereik.PartijBijAfspraak), (R, Bereik.PartijBijAfspraak)),
        Regel("afsprakenImporteren", (R, Bereik.EigenRegio)),
        Regel("afsprakenimportOpvragen", (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("regioregisterOpvragen", (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("regioregisterExporteren", (R, Bereik.EigenRegio), (A, Bereik.Alles)),

        // Reuse in another region.
        Regel("hergebruikVerzoeken", (W, Bereik.EigenWerkgever)),
        Regel("hergebruikverzoekOpvragen", (W, Bereik.EigenWerkgever), (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("referentiedossierOpvragen", (W, Bereik.EigenWerkgever), (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("hergebruikinboxOpvragen", (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("hergebruikBesluiten", (R, Bereik.EigenRegio)),
        Regel("hergebruikverzoekIntrekken", (W, Bereik.EigenWerkgever)),
        Regel("hergebruikdoorlooptijdenOpvragen", (A, Bereik.Alles)),

        // The catalogue and its use.
        Regel("variantToevoegen", (B, Bereik.Alles)),
        Regel("variantWijzigen", (B, Bereik.Alles)),
        Regel("variantUitfaseren", (B, Bereik.Alles)),
        Regel("variantgebruikOpvragen", (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("variantgebruikExporteren", (R, Bereik.EigenRegio), (A, Bereik.Alles)),

        // What works nationally: proven agreements of employers that consented, and a region's own. The places offered
        // and filled: counts only, no agreement or person named, so every role reads them.
        Regel("bewezenAfsprakenZoeken", (R, Bereik.VindbaarOfEigenRegio), (A, Bereik.Alles)),
        Regel("werkaanbodOpvragen", (W, Bereik.Alles), (R, Bereik.Alles), (A, Bereik.Alles), (B, Bereik.Alles)),
        Regel("werkaanbodExporteren", (W, Bereik.Alles), (R, Bereik.Alles), (A, Bereik.Alles), (B, Bereik.Alles)),

        // The web application's pages, with the scope of the API operation beside each.
        Openbaar("startpagina"),
        Openbaar("aanmeldenPagina"),
        Openbaar("afmeldenPagina"),
        Openbaar("foutpagina"),
        Openbaar("variantencatalogusPagina"),
        Openbaar("gemeentenPagina"),
        Regel("referentiesPagina", (W, Bereik.EigenWerkgever), (R, Bereik.RelatieMetWerkgever), (A, Bereik.Alles)),
        Regel("referentiesDelenPagina", (W, Bereik.EigenWerkgever)),
        Regel("samenwerkingsafspraakPagina", (W, Bereik.EigenWerkgever), (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("stamboomPagina", (W, Bereik.EigenWerkgever), (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("versieverschillenPagina", (W, Bereik.EigenWerkgever), (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("regioregisterPagina", (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("hergebruikinboxPagina", (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("referentiedossierPagina", (W, Bereik.EigenWerkgever), (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("variantmatrixPagina", (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("regiosPagina", (A, Bereik.Alles)),
        Regel("integriteitPagina", (A, Bereik.Alles)),
        Regel("projectiesPagina", (B, Bereik.Alles)),
        // The forms: the same rows as the commands they send.
        Regel("afspraakOpstellenPagina", (R, Bereik.EigenRegio)),
        Regel("afspraakOndertekenenPagina", (W, Bereik.PartijBijAfspraak), (R, Bereik.PartijBijAfspraak)),
        Regel("afspraakWijzigenPagina", (W, Bereik.PartijBijAfspraak), (R, Bereik.PartijBijAfspraak)),
        Regel("resultatenRegistrerenPagina", (W, Bereik.PartijBijAfspraak), (R, Bereik.PartijBijAfspraak)),
        Regel("resultatenCorrigerenPagina", (W, Bereik.PartijBijAfspraak), (R, Bereik.PartijBijAfspraak)),
        Regel("afspraakEvaluerenPagina", (W, Bereik.PartijBijAfspraak), (R, Bereik.PartijBijAfspraak)),
        Regel("afspraakVerlengenPagina", (W, Bereik.PartijBijAfspraak), (R, Bereik.PartijBijAfspraak)),
        Regel("afspraakBeeindigenPagina", (R, Bereik.EigenRegio)),
        Regel("hergebruikVerzoekenPagina", (W, Bereik.EigenWerkgever)),
        Regel("mijnHergebruikverzoekenPagina", (W, Bereik.EigenWerkgever), (A, Bereik.Alles)),
        Regel("hergebruikverzoekIntrekkenPagina", (W, Bereik.EigenWerkgever)),
        Regel("hergebruikBesluitenPagina", (R, Bereik.EigenRegio)),
        Regel("variantPagina", (A, Bereik.Alles), (B, Bereik.Alles)),
        Regel("variantToevoegenPagina", (B, Bereik.Alles)),
        Regel("variantWijzigenPagina", (B, Bereik.Alles)),
        Regel("variantUitfaserenPagina", (B, Bereik.Alles)),
        Regel("watWerktPagina", (R, Bereik.VindbaarOfEigenRegio), (A, Bereik.Alles)),
        Regel("vindbaarheidPagina", (W, Bereik.EigenWerkgever)),
        Regel("werkaanbodPagina", (W, Bereik.Alles), (R, Bereik.Alles), (A, Bereik.Alles), (B, Bereik.Alles)),
        Regel("vervullingRegistrerenPagina", (W, Bereik.PartijBijAfspraak), (R, Bereik.PartijBijAfspraak)),
        Regel("vervullingCorrigerenPagina", (W, Bereik.PartijBijAfspraak), (R, Bereik.PartijBijAfspraak)),
        Regel("afsprakenImporterenPagina", (R, Bereik.EigenRegio)),
        Regel("afsprakenimportPagina", (R, Bereik.EigenRegio), (A, Bereik.Alles)),
        Regel("werkgeverPagina", (W, Bereik.EigenWerkgever), (R, Bereik.RelatieMetWerkgever), (A, Bereik.Alles), (B, Bereik.Alles)),
        Regel("werkgeverWijzigenPagina", (W, Bereik.EigenWerkgever), (B, Bereik.Alles)),
        Regel("vestigingenPagina", (W, Bereik.EigenWerkgever), (B, Bereik.Alles)),
        Regel("vestigingPagina", (W, Bereik.EigenWerkgever), (B, Bereik.Alles)),
        Regel("werkgeverUitschrijvenPagina", (B, Bereik.Alles)),
        Regel("werkgeverRegistrerenPagina", (W, Bereik.EigenWerkgever), (R, Bereik.Alles), (B, Bereik.Alles)),
        Regel("indelingPagina", (B, Bereik.Alles)),
        Regel("gemeenteVerplaatsenPagina", (B, Bereik.Alles)),
        Regel("gemeentenHerindelenPagina", (B, Bereik.Alles)),
        Regel("arbeidsmarktregioBeherenPagina", (B, Bereik.Alles)),
        Regel("indelingsbestandLadenPagina", (B, Bereik.Alles)),
        Regel("werkgeverSamenvoegenPagina", (B, Bereik.Alles)),

        // Audit and operation.
        Regel("integriteitControleren", (A, Bereik.Alles)),
        Regel("stroomIntegriteitControleren", (A, Bereik.Alles)),
        Regel("projectiesOpvragen", (B, Bereik.Alles)),
        Regel("projectieHerbouwen", (B, Bereik.Alles)),
        Regel("herbouwtaakOpvragen", (B, Bereik.Alles)),
    ];

    private static readonly Dictionary<string, Toegangsregel> PerSleutel = Regels.ToDictionary(r => r.Sleutel, StringComparer.Ordinal);

    /// <summary>The names of endpoints that are not API operations.</summary>
    public static class Sleutels
    {
        public const string OpenApiDocument = "openApiDocument";
        public const string ApiReferentie = "apiReferentie";
        public const string Gezondheid = "gezondheid";
    }

    public static Toegangsregel? Voor(string? sleutel) => sleutel is not null && PerSleutel.TryGetValue(sleutel, out var regel) ? regel : null;

    private static Toegangsregel Openbaar(string sleutel) => new(sleutel, true, new Dictionary<string, Bereik>());

    private static Toegangsregel Regel(string sleutel, params (string Rol, Bereik Bereik)[] rollen) =>
        new(sleutel, false, rollen.ToDictionary(r => r.Rol, r => r.Bereik, StringComparer.Ordinal));

    public static string Omschrijving(Bereik bereik) => bereik switch
    {
        Bereik.Alles => "alles",
        Bereik.EigenWerkgever => "eigen werkgever",
        Bereik.EigenRegio => "eigen regio",
        Bereik.PartijBijAfspraak => "partij bij de afspraak",
        Bereik.RelatieMetWerkgever => "regio met een relatie",
        Bereik.VindbaarOfEigenRegio => "vindbaar of eigen regio",
        _ => bereik.ToString(),
    };

    /// <summary>
    /// The table as docs/authenticatie.md holds it: one row per endpoint (its name, method and path), one column per
    /// role with the scope it is admitted with, "openbaar" for everyone, "–" for refused.
    /// </summary>
    public static string AlsMarkdown(IEnumerable<(string Sleutel, string Methode, string Pad)> endpoints)
    {
        var rollen = Security.Rollen.Alle;
        var tekst = new StringBuilder();
        tekst.Append("| endpoint | methode en pad | ").AppendJoin(" | ", rollen).Append(" |\n");
        tekst.Append("| --- | --- |").Append(string.Concat(rollen.Select(_ => " --- |"))).Append('\n');
        var rijen = endpoints.GroupBy(e => e.Sleutel, StringComparer.Ordinal)
            .Select(g => (Sleutel: g.Key, Methode: string.Join(", ", g.Select(e => e.Methode).Distinct().Order(StringComparer.Ordinal)),
                Paden: g.Select(e => e.Pad).Distinct().Order(StringComparer.Ordinal).ToList()))
            .OrderBy(r => r.Paden[0], StringComparer.Ordinal).ThenBy(r => r.Methode, StringComparer.Ordinal);
        foreach (var (sleutel, methode, paden) in rijen)
        {
            var regel = Voor(sleutel);
            tekst.Append($"| `{sleutel}` | {methode} {string.Join(", ", paden.Select(p => $"`{p}`"))} |");
            foreach (var rol in rollen)
            {
                var cel = regel is null ? "**geen regel**"
                    : regel.Openbaar ? "openbaar"
                    : regel.Rollen.TryGetValue(rol, out var bereik) ? Omschrijving(bereik) : "–";
                tekst.Append(' ').Append(cel).Append(" |");
            }

            tekst.Append('\n');
        }

        return tekst.ToString();
    }
}
