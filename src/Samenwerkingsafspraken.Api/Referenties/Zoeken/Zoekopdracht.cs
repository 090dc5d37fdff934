using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Verschillen;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Werkgevers;

namespace Samenwerkingsafspraken.Referenties.Zoeken;

/// <summary>The search's query keys, camelCase, every one optional.</summary>
public sealed partial record Zoekfilter(
    string? Zoek, string? Variant, string? Sector, string? Doelgroep, string? Arbeidsmarktregio, string? Van, string? Tot, string? Na, int? Paginagrootte)
{
    public const int StandaardPaginagrootte = 20;
    public const int MaximalePaginagrootte = 100;
    public const int MaximaleZoektekst = 200;

    public string? Woorden => string.IsNullOrWhiteSpace(Zoek) ? null : Zoek.Trim();

    public int Grootte => Paginagrootte ?? StandaardPaginagrootte;

    public IReadOnlyList<OngeldigeParameter> Controleer()
    {
        var fouten = new List<OngeldigeParameter>();
        if (Zoek is not null && (Woorden is null || Woorden.Length < 2 || Woorden.Length > MaximaleZoektekst))
            fouten.Add(new("zoek", "ongeldige-lengte", $"Zoek op 2 tot {MaximaleZoektekst} tekens."));
        if (Variant is not null && !Variantcode().IsMatch(Variant))
            fouten.Add(new("variant", "ongeldig-formaat", "Een variantcode bestaat uit kleine letters, cijfers en streepjes (zie GET /v1/varianten)."));
        if (Sector is not null && Sectoren.Vind(Sector) is null) fouten.Add(new("sector", "onbekende-sector", "Zie GET /v1/sectoren."));
        if (Doelgroep is not null && !Enum.TryParse<Doelgroep>(Doelgroep, true, out _))
            fouten.Add(new("doelgroep", "onbekende-waarde", $"De doelgroep is een van: {string.Join(", ", Enum.GetNames<Doelgroep>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}."));
        if (Arbeidsmarktregio is not null && !ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(Arbeidsmarktregio))
            fouten.Add(new("arbeidsmarktregio", "ongeldig-formaat", "Een regiocode is AM gevolgd door twee cijfers."));
        if (Van is not null && !AfspraakAlsToen.TryDatum(Van, out _)) fouten.Add(new("van", "ongeldig-formaat", "Een datum: JJJJ-MM-DD."));
        if (Tot is not null && !AfspraakAlsToen.TryDatum(Tot, out _)) fouten.Add(new("tot", "ongeldig-formaat", "Een datum: JJJJ-MM-DD."));
        if (Van is not null && Tot is not null && AfspraakAlsToen.TryDatum(Van, out var van) && AfspraakAlsToen.TryDatum(Tot, out var tot) && tot < van)
            fouten.Add(new("tot", "voor-van", "'tot' ligt niet voor 'van'."));
        if (Na is not null && (!Zoekbladwijzer.TryLees(Na, out var bladwijzer) || (bladwijzer.Rang is null) != (Woorden is null)))
            fouten.Add(new("na", "ongeldig-formaat", "Gebruik voor 'na' de link 'volgende' van de vorige pagina, met dezelfde zoekwoorden."));
        if (Paginagrootte is < 1 or > MaximalePaginagrootte)
            fouten.Add(new("paginagrootte", "buiten-bereik", $"Paginagrootte ligt tussen 1 en {MaximalePaginagrootte}."));
        return fouten;
    }

    /// <summary>The link to the next page: the same filters, and where this page ended.</summary>
    public string VolgendeLink(string pad, Zoekbladwijzer na)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Voeg(string sleutel, string? waarde)
        {
            if (waarde is not null) query.Add(new(sleutel, waarde));
        }

        Voeg("zoek", Woorden);
        Voeg("variant", Variant);
        Voeg("sector", Sector);
        Voeg("doelgroep", Doelgroep);
        Voeg("arbeidsmarktregio", Arbeidsmarktregio);
        Voeg("van", Van);
        Voeg("tot", Tot);
        Voeg("paginagrootte", Grootte.ToString(CultureInfo.InvariantCulture));
        Voeg("na", na.Token());
        return pad + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }

    [GeneratedRegex(@"^[a-z0-9-]{1,60}\z")]
    private static partial Regex Variantcode();
}

/// <summary>
/// What the caller may find: an auditor reads everything (as everywhere in the registry); a public party finds the
/// agreements of employers that consented, and those of its own regions, which are its own anyway.
/// </summary>
public sealed record Zoekbereik(bool Alles, IReadOnlyList<string> EigenRegios)
{
    public static Zoekbereik Van(Gebruiker gebruiker) => gebruiker.IsAuditor ? new(true, []) : new(false, gebruiker.Regios.Order(StringComparer.Ordinal).ToList());
}

/// <summary>
/// Where a page ended: the last hit's rank for the words (absent without words) and its id. The next page starts right
/// after it in the order of the results, so every page costs the same and nothing is skipped or shown twice.
/// </summary>
public sealed record Zoekbladwijzer(float? Rang, Guid Id)
{
    public string Token()
    {
        Span<byte> bytes = stackalloc byte[21];
        bytes[0] = Rang is null ? (byte)0 : (byte)1;
        BinaryPrimitives.WriteSingleBigEndian(bytes[1..], Rang ?? 0);
        Id.TryWriteBytes(bytes[5..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryLees(string token, out Zoekbladwijzer bladwijzer)
    {
        bladwijzer = new Zoekbladwijzer(null, Guid.Empty);
        if (token.Length != 28) return false;
        Span<byte> bytes = stackalloc byte[21];
        if (!Convert.TryFromBase64String(token.Replace('-', '+').Replace('_', '/'), bytes, out var gelezen) || gelezen != 21) return false;
        if (bytes[0] > 1) return false;
        var rang = BinaryPrimitives.ReadSingleBigEndian(bytes[1..]);
        if (!float.IsFinite(rang)) return false;
        bladwijzer = new Zoekbladwijzer(bytes[0] == 1 ? rang : null, new Guid(bytes[5..]));
        return true;
    }
}

/// <summary>One SQL statement with its positional parameters ($1, $2, …), as the search sends it.</summary>
public sealed record Sqlvraag(string Sql, IReadOnlyList<object> Parameters);

/// <summary>
/// The SQL of the national search, built from the filter alone (pure, so that a test can ask PostgreSQL for the plan
/// of exactly what the endpoint runs). Only the conditions that are asked for are in the statement, so the planner
/// sees each query as it is and picks the index that serves it.
/// </summary>
public static class Zoekopdracht
{
    public static readonly string Referenties = $"{MartenConfiguratie.Schema}.mt_doc_referentie";
    public static readonly string Werkgevers = $"{MartenConfiguratie.Schema}.mt_doc_werkgever";

    private static readonly string Vector = $"to_tsvector('{WatWerktOpslag.Taal}', d.data ->> 'zoektekst')";

    /// <param name="alsJson">How the document store writes a value in its JSON (for containment: <c>@&gt;</c>).</param>
    public static Sqlvraag Pagina(Zoekfilter filter, Zoekbereik bereik, Func<object, string> alsJson)
    {
        var (waar, parameters) = Voorwaarden(filter, bereik, alsJson);
        string P(object waarde)
        {
            parameters.Add(waarde);
            return $"${parameters.Count}";
        }

        var woorden = filter.Woorden is { } w ? P(w) : null;
        var vraag = woorden is null ? null : $"websearch_to_tsquery('{WatWerktOpslag.Taal}', {woorden})";
        var rang = vraag is null ? "null::real" : $"ts_rank({Vector}, {vraag})";
        if (filter.Na is not null && Zoekbladwijzer.TryLees(filter.Na, out var na))
        {
            waar.Add(na.Rang is { } r ? $"({rang}, d.id) < ({P(r)}::real, {P(na.Id)})" : $"d.id < {P(na.Id)}");
        }

        var fragment = vraag is null
            ? "null::text"
            : $"ts_headline('{WatWerktOpslag.Taal}', d.data ->> 'zoektekst', {vraag}, 'StartSel=«, StopSel=», MaxFragments=2, MaxWords=25, MinWords=8, FragmentDelimiter=\" … \"')";
        var sql = $"""
            select d.data, {rang} as rang, {fragment} as fragment, {Vindbaar} as vindbaar, {KeerHergebruikt} as keer_hergebruikt
            from {Referenties} d
            where {string.Join("\n  and ", waar)}
            order by {(vraag is null ? "" : "rang desc, ")}d.id desc
            limit {P(filter.Grootte + 1)}
            """;
        return new Sqlvraag(sql, parameters);
    }

    /// <summary>How many hits in total, and per region, sector and variant: counted over every hit of the filter, not just the page.</summary>
    public static Sqlvraag Facetten(Zoekfilter filter, Zoekbereik bereik, Func<object, string> alsJson)
    {
        var (waar, parameters) = Voorwaarden(filter, bereik, alsJson);
        var sql = $"""
            with treffers as materialized (
              select d.id, d.data from {Referenties} d
              where {string.Join("\n    and ", waar)})
            select 'totaal' as facet, '' as waarde, count(*) as aantal from treffers
            union all
            select 'arbeidsmarktregio', t.data ->> 'arbeidsmarktregio', count(*) from treffers t group by 2
            union all
            select 'sector', t.data ->> 'sector', count(*) from treffers t group by 2
            union all
            select 'variant', v.code, count(*) from treffers t
              cross join lateral (select distinct e ->> 'variantCode' as code
                                  from jsonb_array_elements(t.data -> 'afspraak' -> 'inhoud' -> 'werkafspraken') e) v
              group by 2
            """;
        return new Sqlvraag(sql, parameters);
    }

    /// <summary>How often a hit was adopted in another region: counted on the index of the adopted agreements' source column.</summary>
    private static readonly string KeerHergebruikt = $"(select count(*) from {Referenties} h where h.{Hergebruiken.BronKolom} = d.id)";

    private static readonly string Vindbaar =
        $"(d.data ->> 'kvkNummer') in (select w.data ->> 'kvkNummer' from {Werkgevers} w where w.vindbaar)";

    private static (List<string> Waar, List<object> Parameters) Voorwaarden(Zoekfilter filter, Zoekbereik bereik, Func<object, string> alsJson)
    {
        var waar = new List<string> { "d.bewezen" };
        var parameters = new List<object>();
        string P(object waarde)
        {
            parameters.Add(waarde);
            return $"${parameters.Count}";
        }

        if (!bereik.Alles)
        {
            waar.Add(bereik.EigenRegios.Count == 0 ? Vindbaar : $"({Vindbaar} or d.arbeidsmarktregio = any({P(bereik.EigenRegios.ToArray())}))");
        }

        if (filter.Arbeidsmarktregio is { } regio) waar.Add($"d.arbeidsmarktregio = {P(regio)}");
        if (filter.Sector is { } sector) waar.Add($"d.data ->> 'sector' = {P(sector)}");
        if (filter.Variant is { } variant)
            waar.Add($"d.data -> 'afspraak' -> 'inhoud' -> 'werkafspraken' @> {P(alsJson(new[] { new { variantCode = variant } }))}::jsonb");
        if (filter.Doelgroep is { } doelgroep)
            waar.Add($"d.data -> 'afspraak' -> 'inhoud' -> 'doelgroepen' @> {P(alsJson(new[] { Enum.Parse<Doelgroep>(doelgroep, true) }))}::jsonb");
        if (filter.Van is not null && AfspraakAlsToen.TryDatum(filter.Van, out var van)) waar.Add($"(d.data ->> 'einddatum')::date >= {P(van)}");
        if (filter.Tot is not null && AfspraakAlsToen.TryDatum(filter.Tot, out var tot)) waar.Add($"(d.data ->> 'startdatum')::date <= {P(tot)}");
        if (filter.Woorden is { } woorden) waar.Add($"{Vector} @@ websearch_to_tsquery('{WatWerktOpslag.Taal}', {P(woorden)})");
        return (waar, parameters);
    }
}
