using System.Diagnostics.Metrics;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Persistence;

namespace Samenwerkingsafspraken.Infrastructure.Observability;

/// <summary>
/// The metrics an operator watches besides the framework's own (requests by route and status come from ASP.NET
/// Core's http.server.request.duration, events appended from Marten's marten.event.append):
/// <list type="bullet">
/// <item>samenwerkingsafspraken.projection.lag: events an asynchronous projection is behind, per projection;</item>
/// <item>samenwerkingsafspraken.scheduled_messages.due: scheduled messages whose time has come but that have not run;</item>
/// <item>samenwerkingsafspraken.idempotent_replays: writes answered from an earlier request's Idempotency-Key.</item>
/// </list>
/// The two gauges are read from the database when the metrics are collected (at most every 10 s), so they cost
/// nothing while no exporter listens. Every node reports the same database-wide values: aggregate with max.
/// </summary>
public sealed class Bedrijfsmetingen : IDisposable
{
    private static readonly TimeSpan Geldigheid = TimeSpan.FromSeconds(10);

    private readonly Meter _meter = new(Telemetrie.Bron, Http.ApiConventies.Versie);
    private readonly Counter<long> _herhaald;
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<Bedrijfsmetingen> _logger;
    private readonly Lock _slot = new();
    private Stand? _stand;

    public Bedrijfsmetingen(NpgsqlDataSource dataSource, ILogger<Bedrijfsmetingen> logger)
    {
        _dataSource = dataSource;
        _logger = logger;
        _herhaald = _meter.CreateCounter<long>("samenwerkingsafspraken.idempotent_replays", "{request}",
            "Writes answered from the stored answer of an earlier request with the same Idempotency-Key");
        _meter.CreateObservableGauge("samenwerkingsafspraken.projection.lag",
            () => Lees()?.Achterstand.Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("projection", p.Key)))
                  ?? [], "{event}", "Events an asynchronous projection is behind the event store");
        _meter.CreateObservableGauge("samenwerkingsafspraken.scheduled_messages.due",
            () => Lees() is { } stand ? [new Measurement<long>(stand.Verschuldigd)] : Array.Empty<Measurement<long>>(), "{message}",
            "Scheduled messages whose time has come but that have not run yet");
    }

    public void IdempotentHerhaald(HttpContext context) =>
        _herhaald.Add(1, new KeyValuePair<string, object?>("http.route", (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText));

    private sealed record Stand(DateTimeOffset Gemeten, IReadOnlyDictionary<string, long> Achterstand, long Verschuldigd);

    private Stand? Lees()
    {
        lock (_slot)
        {
            if (_stand is { } vers && DateTimeOffset.UtcNow - vers.Gemeten < Geldigheid) return vers;
            try
            {
                _stand = Meet();
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                _logger.LogDebug(e, "Operator metrics not read from the database.");
                _stand = null;
            }

            return _stand;
        }
    }

    private Stand Meet()
    {
        using var verbinding = _dataSource.OpenConnection();
        var achterstand = new Dictionary<string, long>();
        var schema = MartenConfiguratie.Schema;
        using (var opdracht = new NpgsqlCommand($"""
            select p.name, greatest((select coalesce(max(seq_id), 0) from {schema}.mt_events) - p.last_seq_id, 0)
            from {schema}.mt_event_progression p where p.name <> 'HighWaterMark'
            """, verbinding))
        using (var lezer = opdracht.ExecuteReader())
        {
            while (lezer.Read()) achterstand[lezer.GetString(0).Split(':')[0]] = lezer.GetInt64(1);
        }

        using var verschuldigd = new NpgsqlCommand(
            "select count(*) from wolverine.wolverine_incoming_envelopes where status = 'Scheduled' and execution_time <= now()", verbinding);
        return new Stand(DateTimeOffset.UtcNow, achterstand, (long)verschuldigd.ExecuteScalar()!);
    }

    public void Dispose() => _meter.Dispose();
}
