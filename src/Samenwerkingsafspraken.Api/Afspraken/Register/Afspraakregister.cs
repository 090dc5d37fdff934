using Marten;
using System.Text.Json;
using Marten.Linq.MatchesSql;
using Microsoft.IO;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Werkgevers;
using Samenwerkingsafspraken.Werkgevers.Registreren;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Register;

public sealed record AfspraakSamenvatting(
    Guid Id,
    string Titel,
    string KvkNummer,
    string Werkgevernaam,
    string Arbeidsmarktregio,
    AfspraakStatus Status,
    Looptijd Looptijd,
    IReadOnlyList<string> Varianten,
    bool VolledigOndertekend,
    bool Overgenomen,
    long Versie,
    DateTimeOffset LaatstGewijzigdOp)
{
    public static AfspraakSamenvatting Van(Samenwerkingsafspraak a) => new(
        a.Id, a.Inhoud.Titel, a.Werkgever.KvkNummer, a.Werkgever.Naam, a.Arbeidsmarktregio, a.Status, a.Inhoud.Looptijd,
        a.Inhoud.Werkafspraken.Select(w => w.VariantCode).Distinct().ToList(), a.IsVolledigOndertekend, a.Herkomst is not null, a.Version,
        a.LaatstGewijzigdOp);

    public static AfspraakSamenvatting Van(Registerregel r) => new(
        r.Id, r.Inhoud.Titel, r.Werkgever.KvkNummer, r.Werkgever.Naam, r.Arbeidsmarktregio, r.Status, r.Inhoud.Looptijd,
        r.Inhoud.Werkafspraken.Select(w => w.VariantCode).Distinct().ToList(), r.IsVolledigOndertekend, r.Herkomst is not null, r.Version,
        r.LaatstGewijzigdOp);
}

/// <summary>
/// The part of a stored agreement that a list's page shows, read straight from the stored JSON (the same names, the
/// document's own values, <c>isVolledigOndertekend</c> included): a page of 50 agreements is some 90 KiB of JSON, and
/// binding only these members skips the rest of it instead of building 50 whole agreements to throw away.
/// </summary>
public sealed record Registerregel(
    Guid Id,
    Registerregel.Inhoudsdeel Inhoud,
    Registerregel.Werkgeverdeel Werkgever,
    string Arbeidsmarktregio,
    AfspraakStatus Status,
    bool IsVolledigOndertekend,
    Herkomst? Herkomst,
    long Version,
    DateTimeOffset LaatstGewijzigdOp)
{
    public sealed record Inhoudsdeel(string Titel, Looptijd Looptijd, IReadOnlyList<Variantdeel> Werkafspraken);

    public sealed record Variantdeel(string VariantCode);

    public sealed record Werkgeverdeel(string KvkNummer, string Naam);
}

/// <summary>One page of a list, latest change first; <c>volgende</c> is the link to the next page, absent on the last.</summary>
public sealed record AfspraakLijst(IReadOnlyList<AfspraakSamenvatting> Samenwerkingsafspraken, int Paginagrootte, string? Volgende);

/// <summary>
/// Where a page ends, as an opaque token for the next page (<c>na</c>): the last agreement's time of change and id.
/// The next page starts right after it in the index, so a page costs the same on page 1 and page 1,000, and an
/// agreement that changes meanwhile is neither skipped nor shown twice within the pages still to come.
/// </summary>
public sealed record Bladwijzer(DateTimeOffset LaatstGewijzigdOp, Guid Id)
{
    public static Bladwijzer Na(Registerregel r) => new(r.LaatstGewijzigdOp, r.Id);

    public string Token()
    {
        Span<byte> bytes = stackalloc byte[24];
        BitConverter.TryWriteBytes(bytes, LaatstGewijzigdOp.UtcTicks);
        Id.TryWriteBytes(bytes[8..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryLees(string token, out Bladwijzer bladwijzer)
    {
        bladwijzer = new Bladwijzer(default, Guid.Empty);
        if (token.Length != 32) return false;
        Span<byte> bytes = stackalloc byte[24];
        if (!Convert.TryFromBase64String(token.Replace('-', '+').Replace('_', '/'), bytes, out var gelezen) || gelezen != 24) return false;
        var ticks = BitConverter.ToInt64(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks) return false;
        bladwijzer = new Bladwijzer(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes[8..]));
        return true;
    }
}

/// <summary>Filters shared by the region's register and the employer's list (camelCase query keys).</summary>
public sealed record AfspraakFilter(string? Status, string? Variant, string? Werkgever, string? Arbeidsmarktregio, string? Na, int? Paginagrootte)
{
    public const int MaximalePaginagrootte = 500;
    public const int MaximaleZoeklengte = 100;

    /// <summary>The employer's sector (a code of GET /v1/sectoren).</summary>
    public string? Sector { get; init; }

    /// <summary>Words in the title or the employer's name, case-insensitive.</summary>
    public string? Zoekterm { get; init; }

    public IReadOnlyList<OngeldigeParameter> Controleer()
    {
        var fouten = new List<OngeldigeParameter>();
        if (Status is not null && !Enum.TryParse<AfspraakStatus>(Status, true, out _))
            fouten.Add(new OngeldigeParameter("status", "onbekende-waarde", "Status is concept, actief, beeindigd of verlopen."));
        if (Variant is not null && !IsVariantcode(Variant))
            fouten.Add(new OngeldigeParameter("variant", "ongeldig-formaat", "Een variantcode bestaat uit kleine letters, cijfers en streepjes (zie GET /v1/varianten)."));
        if (Werkgever is not null && !Formaten.KvkNummer().IsMatch(Werkgever))
            fouten.Add(new OngeldigeParameter("werkgever", "ongeldig-formaat", "De werkgever is een KvK-nummer van 8 cijfers."));
        if (Arbeidsmarktregio is not null && !ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(Arbeidsmarktregio))
            fouten.Add(new OngeldigeParameter("arbeidsmarktregio", "ongeldig-formaat", "Een regiocode is AM gevolgd door twee cijfers."));
        if (Na is not null && !Bladwijzer.TryLees(Na, out _))
            fouten.Add(new OngeldigeParameter("na", "ongeldig-formaat", "Gebruik voor 'na' de link 'volgende' van de vorige pagina."));
        if (Sector is not null && Sectoren.Vind(Sector) is null) fouten.Add(new OngeldigeParameter("sector", "onbekende-sector", "Zie GET /v1/sectoren."));
        if (Zoekterm is { Length: > MaximaleZoeklengte })
            fouten.Add(new OngeldigeParameter("zoek", "te-lang", $"Zoek met ten hoogste {MaximaleZoeklengte} tekens."));
        if (Paginagrootte is < 1 or > MaximalePaginagrootte)
            fouten.Add(new OngeldigeParameter("paginagrootte", "buiten-bereik", $"Paginagrootte ligt tussen 1 en {MaximalePaginagrootte}."));
        return fouten;
    }

    private static bool IsVariantcode(string code) => code.Length <= 50 && Varianten.Beheren.Variantregels.Code().IsMatch(code);

    /// <summary>The filters on a query: the paged lookups and the exports select the same rows.</summary>
    public IQueryable<Samenwerkingsafspraak> Pas(IQueryable<Samenwerkingsafspraak> query)
    {
        if (Status is not null)
        {
            var status = Enum.Parse<AfspraakStatus>(Status, true);
            query = query.Where(a => a.Status == status);
        }

        // Containment, which PostgreSQL answers either from the GIN index on the werkafspraken (a rare variant: the few
        // agreements that have it, then sorted) or by walking the region's or employer's page index and checking each
        // row (a common variant: the page fills after a few rows). Which is cheaper depends on the variant, so the code
        // is in the SQL as a literal (safe: its format is checked, letters, digits and dashes only): as a parameter of a
        // prepared statement it got one generic plan for every variant, and that plan took the index and sorted every
        // agreement with the variant in the whole store, page after page (90 ms at 20,000 agreements, growing).
        if (Variant is not null)
        {
            query = IsVariantcode(Variant)
                ? query.Where(a => a.MatchesSql($"d.data -> 'inhoud' -> 'werkafspraken' @> '[{{\"variantCode\":\"{Variant}\"}}]'::jsonb"))
                : query.Where(a => a.MatchesSql("d.data -> 'inhoud' -> 'werkafspraken' @> ?::jsonb",
                    JsonSerializer.Serialize(new[] { new { variantCode = Variant } })));
        }

        if (Werkgever is not null) query = query.Where(a => a.Werkgever.KvkNummer == Werkgever);
        if (Arbeidsmarktregio is not null) query = query.Where(a => a.Arbeidsmarktregio == Arbeidsmarktregio);
        if (Sector is not null) query = query.Where(a => a.Werkgever.Sector == Sector);
        if (Zoekterm?.Trim() is { Length: > 0 } zoek)
        {
            query = query.Where(a => a.Inhoud.Titel.Contains(zoek, StringComparison.OrdinalIgnoreCase)
                                     || a.Werkgever.Naam.Contains(zoek, StringComparison.OrdinalIgnoreCase));
        }

        return query;
    }

    /// <summary>Every row of the filter, latest change first: the order of the pages, and of an export.</summary>
    public IQueryable<Samenwerkingsafspraak> Alle(IQueryable<Samenwerkingsafspraak> query) =>
        Pas(query).OrderByDescending(a => a.LaatstGewijzigdOp).ThenByDescending(a => a.Id);

    /// <param name="pad">The lookup's path, for the link to the next page.</param>
    public async Task<AfspraakLijst> Zoek(IQueryable<Samenwerkingsafspraak> query, string pad, CancellationToken cancellation)
    {
        var grootte = Paginagrootte ?? 50;
        var gefilterd = Pas(query);
        if (Na is not null && Bladwijzer.TryLees(Na, out var na))
        {
            gefilterd = gefilterd.Where(a => a.MatchesSql("(d.laatst_gewijzigd_op, d.id) < (?, ?)", na.LaatstGewijzigdOp, na.Id));
        }

        // One more than the page: whether there is a next page, without counting the rest.
        var gevonden = await Regels(gefilterd.OrderByDescending(a => a.LaatstGewijzigdOp).ThenByDescending(a => a.Id).Take(grootte + 1), cancellation);
        var pagina = gevonden.Take(grootte).ToList();
        var volgende = gevonden.Count > grootte ? VolgendeLink(pad, Bladwijzer.Na(pagina[^1]).Token(), grootte) : null;
        return new AfspraakLijst(pagina.Select(AfspraakSamenvatting.Van).ToList(), grootte, volgende);
    }

    /// <summary>
    /// The rows of a query as <see cref="Registerregel"/>s: Marten streams the stored JSON of the documents as they are
    /// (no agreement is deserialized) into a pooled buffer, and only the members a page shows are bound from it, in one
    /// pass over the whole buffer (the reader's fast path, not the resumable one a stream needs).
    /// </summary>
    public static async Task<IReadOnlyList<Registerregel>> Regels(IQueryable<Samenwerkingsafspraak> query, CancellationToken cancellation)
    {
        await using var json = Buffers.GetStream();
        await query.StreamJsonArray(json, cancellation);
        var lezer = new Utf8JsonReader(json.GetReadOnlySequence());
        return JsonSerializer.Deserialize<List<Registerregel>>(ref lezer, MartenConfiguratie.Documentjson) ?? [];
    }

    private static readonly RecyclableMemoryStreamManager Buffers = new();

    private string VolgendeLink(string pad, string token, int grootte)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (Status is not null) query.Add(new("status", Status));
        if (Variant is not null) query.Add(new("variant", Variant));
        if (Werkgever is not null) query.Add(new("werkgever", Werkgever));
        if (Arbeidsmarktregio is not null) query.Add(new("arbeidsmarktregio", Arbeidsmarktregio));
        if (Sector is not null) query.Add(new("sector", Sector));
        if (Zoekterm is not null) query.Add(new("zoek", Zoekterm));
        query.Add(new("paginagrootte", grootte.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        query.Add(new("na", token));
        return pad + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }
}

/// <summary>
/// A region's register as its JSON lookup and its export both read it: the same checks in the same order (the input,
/// every problem at once; the caller's scope; whether the region exists) and the same query.
/// </summary>
public static class Regioregister
{
    /// <param name="andereFouten">Problems with input that only the caller knows of (an export's <c>formaat</c>), reported with the rest.</param>
    public static async Task<Opvraging<Arbeidsmarktregio>> Controleer(string code, AfspraakFilter filter, IEnumerable<OngeldigeParameter> andereFouten,
        Gebruiker gebruiker, IQuerySession session, CancellationToken cancellation) =>
        ControleerVerzoek(code, filter, andereFouten, gebruiker) is { } probleem
            ? Opvraging<Arbeidsmarktregio>.Geweigerd(probleem)
            : await ControleerBestaan(code, filter, session, cancellation);

    /// <summary>The checks that need no database, in their order: the input (every problem at once), then the caller's scope.</summary>
    public static IResult? ControleerVerzoek(string code, AfspraakFilter filter, IEnumerable<OngeldigeParameter> andereFouten, Gebruiker gebruiker)
    {
        if (!ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(code))
            return Problemen.Ongeldig([new OngeldigeParameter("code", "ongeldig-formaat", "Een regiocode is AM gevolgd door twee cijfers.")]);

        if (filter.Controleer().Concat(andereFouten).ToList() is { Count: > 0 } fouten) return Problemen.Ongeldig(fouten);

        if (!gebruiker.IsAuditor && !gebruiker.IsRegiopartijVan(code))
            return Problemen.GeenToegang($"Het register van {code} is voor de regiopartijen van die regio en voor auditors.");

        return null;
    }

    /// <summary>Then: the region exists (else 404), and so do the region and employer a filter names (else 400).</summary>
    public static async Task<Opvraging<Arbeidsmarktregio>> ControleerBestaan(string code, AfspraakFilter filter, IQuerySession session,
        CancellationToken cancellation)
    {
        var regio = await session.LoadAsync<Arbeidsmarktregio>(Arbeidsmarktregio.StreamId(code), cancellation);
        if (regio is null) return Opvraging<Arbeidsmarktregio>.Geweigerd(Problemen.NietGevonden($"Arbeidsmarktregio {code} bestaat niet."));

        var onbekend = await Filterbestaan.Controleer(session, filter.Arbeidsmarktregio, filter.Werkgever, cancellation);
        return onbekend.Count > 0 ? Opvraging<Arbeidsmarktregio>.Geweigerd(Problemen.Ongeldig(onbekend)) : regio;
    }

    /// <summary>The region's agreements, before the filter.</summary>
    public static IQueryable<Samenwerkingsafspraak> Afspraken(IQuerySession session, string code) =>
        session.Query<Samenwerkingsafspraak>().Where(a => a.Arbeidsmarktregio == code);
}

public static class AfspraakregisterEndpoint
{
    [WolverineGet("/v1/arbeidsmarktregios/{code}/samenwerkingsafspraken", OperationId = "regioregisterOpvragen")]
    [EndpointSummary("Het register van een regio")]
    [EndpointDescription("Alle afspraken in een arbeidsmarktregio, te filteren op status, variant, werkgever (KvK-nummer) en sector van de werkgever, " +
                         "en te doorzoeken op woorden in de titel of de naam van de werkgever (zoek). Voor de regiopartijen van die regio en auditors.")]
    [ProducesResponseType<AfspraakLijst>(200)]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Regio(string code, string? status, string? variant, string? werkgever, string? sector, string? zoek, string? na,
        int? paginagrootte, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var filter = new AfspraakFilter(status, variant, werkgever, null, na, paginagrootte) { Sector = sector, Zoekterm = zoek };
        if (Regioregister.ControleerVerzoek(code, filter, [], Gebruiker.Van(http.User)) is { } probleem) return probleem;

        // The page first: an agreement on it is in the region, so the region exists, and the checks that read the
        // database are needed only for an empty page or an employer in the filter. One round trip for a page with rows.
        var lijst = await filter.Zoek(Regioregister.Afspraken(session, code), http.Request.Path, cancellation);
        if (lijst.Samenwerkingsafspraken.Count == 0 || filter.Werkgever is not null)
        {
            var regio = await Regioregister.ControleerBestaan(code, filter, session, cancellation);
            if (regio.IsProbleem) return regio.Probleem;
        }

        return Results.Ok(lijst);
    }

    [WolverineGet("/v1/werkgevers/{kvkNummer}/samenwerkingsafspraken", OperationId = "werkgeverafsprakenOpvragen")]
    [EndpointSummary("De afspraken van een werkgever")]
    [EndpointDescription("De afspraken van een werkgever in alle regio's, te filteren op status, variant en regio. De werkgever zelf en auditors zien alles; " +
                         "een regiopartij ziet de afspraken van die werkgever in haar eigen regio's.")]
    [ProducesResponseType<AfspraakLijst>(200)]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Werkgever(string kvkNummer, string? status, string? variant, string? arbeidsmarktregio, string? na,
        int? paginagrootte, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        if (!Formaten.KvkNummer().IsMatch(kvkNummer))
            return Problemen.Ongeldig([new OngeldigeParameter("kvkNummer", "ongeldig-formaat", "Een KvK-nummer bestaat uit precies 8 cijfers.")]);

        var filter = new AfspraakFilter(status, variant, null, arbeidsmarktregio, na, paginagrootte);
        if (filter.Controleer() is { Count: > 0 } fouten) return Problemen.Ongeldig(fouten);

        var gebruiker = Gebruiker.Van(http.User);
        if (gebruiker.IsBeheerder || !await Werkgeverrelaties.MagLezen(session, gebruiker, kvkNummer, cancellation))
            return Problemen.GeenToegang("De afspraken van een werkgever zijn voor die werkgever, auditors en de regiopartijen van een regio " +
                                         "waarmee hij een relatie heeft (een afspraak, een hergebruikverzoek, gedeelde referenties).");

        if (await session.LoadAsync<Werkgevers.Werkgever>(Werkgevers.Werkgever.StreamId(kvkNummer), cancellation) is null)
            return Problemen.NietGevonden($"Er is geen werkgever met KvK-nummer {kvkNummer}.");
        if (await Filterbestaan.Controleer(session, filter.Arbeidsmarktregio, null, cancellation) is { Count: > 0 } onbekend)
            return Problemen.Ongeldig(onbekend);

        var query = session.Query<Samenwerkingsafspraak>().Where(a => a.Werkgever.KvkNummer == kvkNummer);
        if (gebruiker.IsRegiopartij)
        {
            var regios = gebruiker.Regios.ToArray();
            query = query.Where(a => regios.Contains(a.Arbeidsmarktregio));
        }

        return Results.Ok(await filter.Zoek(query, http.Request.Path, cancellation));
    }
}
