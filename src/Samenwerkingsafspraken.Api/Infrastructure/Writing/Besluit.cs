using Samenwerkingsafspraken.Infrastructure.Http;

namespace Samenwerkingsafspraken.Infrastructure.Writing;

/// <summary>What a decide function concludes: the events to record (and messages to schedule), or a refusal.</summary>
public sealed record Besluit
{
    public IReadOnlyList<object> Gebeurtenissen { get; init; } = [];

    public IReadOnlyList<GeplandBericht> Berichten { get; init; } = [];

    /// <summary>Streams that this decision starts beside its own (an accepted reuse request starts a new agreement).</summary>
    public IReadOnlyList<NieuweStroom> NieuweStromen { get; init; } = [];

    public Weigering? Weigering { get; init; }

    public bool IsWeigering => Weigering is not null;

    public static Besluit Met(params object[] gebeurtenissen) => new() { Gebeurtenissen = gebeurtenissen };

    public static Besluit Niets => new();

    public Besluit EnPlan(object bericht, DateTimeOffset tijdstip) => this with { Berichten = [.. Berichten, new GeplandBericht(bericht, tijdstip)] };

    public Besluit EnStart<T>(Guid id, params object[] gebeurtenissen) =>
        this with { NieuweStromen = [.. NieuweStromen, new NieuweStroom(typeof(T), id, gebeurtenissen)] };

    public static implicit operator Besluit(Weigering weigering) => new() { Weigering = weigering };
}

public sealed record GeplandBericht(object Bericht, DateTimeOffset Tijdstip);

public sealed record NieuweStroom(Type AggregateType, Guid Id, IReadOnlyList<object> Gebeurtenissen);

public enum Weigeringsoort
{
    OngeldigeInvoer = 400,
    NietToegestaan = 403,
    NietGevonden = 404,
    Conflict = 409,
    NietVerwerkbaar = 422,
    VoorwaardeVereist = 428,
}

/// <summary>A refusal by the domain: its kind decides the HTTP status, its code is stable for clients.</summary>
public sealed record Weigering(Weigeringsoort Soort, string Code, string Detail, IReadOnlyList<OngeldigeParameter>? Fouten = null)
{
    public static Weigering Ongeldig(string code, string detail, params OngeldigeParameter[] fouten) =>
        new(Weigeringsoort.OngeldigeInvoer, code, detail, fouten);

    public static Weigering NietToegestaan(string code, string detail) => new(Weigeringsoort.NietToegestaan, code, detail);

    public static Weigering NietGevonden(string code, string detail) => new(Weigeringsoort.NietGevonden, code, detail);

    public static Weigering Conflict(string code, string detail) => new(Weigeringsoort.Conflict, code, detail);

    public static Weigering NietVerwerkbaar(string code, string detail) => new(Weigeringsoort.NietVerwerkbaar, code, detail);

    public static Weigering VoorwaardeVereist(string code, string detail) => new(Weigeringsoort.VoorwaardeVereist, code, detail);

    /// <summary>Invalid input as problems per field (FluentValidation's, or the transport's: a header, a route value).</summary>
    public static Weigering OngeldigeInvoer(IReadOnlyList<OngeldigeParameter> fouten, string? detail = null) =>
        new(Weigeringsoort.OngeldigeInvoer, "ongeldige-invoer",
            detail ?? (fouten.Count == 1 ? "Het verzoek bevat 1 fout." : $"Het verzoek bevat {fouten.Count} fouten."), fouten);

    public IResult AlsProbleem() => Problemen.Probleem((int)Soort, Code, Detail, Fouten);
}
