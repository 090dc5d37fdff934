using System.Diagnostics;
using Marten;
using Marten.Events.Daemon.Coordination;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Wolverine.Attributes;

namespace Samenwerkingsafspraken.Beheer;

public static class Herbouwstatus
{
    public const string Wachtend = "wachtend";
    public const string Bezig = "bezig";
    public const string Voltooid = "voltooid";
    public const string Mislukt = "mislukt";
}

/// <summary>How far a running rebuild is: events processed of the events there were when it started.</summary>
public sealed record Herbouwvoortgang(long Verwerkt, long Totaal, int Percentage);

/// <summary>
/// A projection rebuild as a job: its state is this document (what is not known yet is left out, so that
/// <c>duurInMilliseconden</c> appears only once the job has finished), which the status resource shows and the job updates
/// (waiting, running with progress, done with its duration, or failed with the reason).
/// </summary>
public sealed record Herbouwtaak
{
    public Guid Id { get; init; }
    public string Projectie { get; init; } = "";
    public string Status { get; init; } = Herbouwstatus.Wachtend;
    public string AangevraagdDoor { get; init; } = "";
    public DateTimeOffset AangevraagdOp { get; init; }
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? GestartOp { get; init; }
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? BeeindigdOp { get; init; }
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public long? DuurInMilliseconden { get; init; }
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Herbouwvoortgang? Voortgang { get; init; }
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Fout { get; init; }

    /// <summary>How often a node began it: more than one when a node died while running it and another took over.</summary>
    public int Pogingen { get; init; }

    /// <summary>The projection while its rebuild waits or runs, else null: a unique index allows one at a time.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Always)]
    public string? LopendVoor => Status is Herbouwstatus.Wachtend or Herbouwstatus.Bezig ? Projectie : null;

    public static string Locatie(Guid id) => $"/v1/beheer/herbouwtaken/{id}";
}

/// <summary>The durable local message that runs a rebuild: stored with its job in one transaction, recovered by another node if this one dies.</summary>
public sealed record HerbouwProjectie(Guid TaakId);

public static class HerbouwProjectieHandler
{
    /// <summary>Wolverine's default of 60 s per message would cut a long rebuild short.</summary>
    [MessageTimeout(4 * 60 * 60)]
    public static async Task Handle(HerbouwProjectie bericht, IDocumentStore store, IProjectionCoordinator projecties, NpgsqlDataSource dataSource,
        IConfiguration configuratie, Herbouwmeldingen meldingen, ILogger<Herbouwtaak> logger, CancellationToken cancellation)
    {
        var taak = await Laad(store, bericht.TaakId, cancellation);
        if (taak is null || taak.Status is Herbouwstatus.Voltooid or Herbouwstatus.Mislukt) return;

        var totaal = await Hoogste(dataSource, cancellation);
        taak = await Bewaar(store, taak with
        {
            Status = Herbouwstatus.Bezig, GestartOp = DateTimeOffset.UtcNow, Pogingen = taak.Pogingen + 1,
            Voortgang = new Herbouwvoortgang(0, totaal, 0),
        }, cancellation);
        logger.LogInformation("Rebuilding projection {Projection} (job {Job}).", taak.Projectie, taak.Id);

        var maximaleDuur = TimeSpan.FromMinutes(configuratie.GetValue("Beheer:HerbouwMaximaleDuurMinuten", 120));
        var documentenInGeheugen = Math.Max(2, configuratie.GetValue("Beheer:HerbouwDocumentenInGeheugen", Herbouwinstellingen.DocumentenInGeheugen));
        var stopwatch = Stopwatch.StartNew();
        using var volgen = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        long direct = -1;
        var voortgang = Volg(store, dataSource, taak, totaal, () => Interlocked.Read(ref direct), volgen.Token);
        Herbouwtaak einde;
        try
        {
            await Herbouwer.Herbouw(store, projecties, taak.Projectie, documentenInGeheugen, maximaleDuur, n => Interlocked.Exchange(ref direct, n), cancellation);
            einde = taak with
            {
                Status = Herbouwstatus.Voltooid, DuurInMilliseconden = stopwatch.ElapsedMilliseconds,
                Voortgang = new Herbouwvoortgang(totaal, totaal, 100),
            };
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested)
        {
            logger.LogError(e, "Rebuilding projection {Projection} failed (job {Job}).", taak.Projectie, taak.Id);
            einde = taak with { Status = Herbouwstatus.Mislukt, DuurInMilliseconden = stopwatch.ElapsedMilliseconds, Fout = e.Message };
        }
        finally
        {
            await volgen.CancelAsync();
            await voortgang;
        }

        var klaar = await Bewaar(store, einde with { BeeindigdOp = DateTimeOffset.UtcNow, Voortgang = einde.Voortgang ?? taak.Voortgang }, CancellationToken.None);
        meldingen.Meld(klaar);
        logger.LogInformation("Rebuild of {Projection} {Status} after {Milliseconds} ms (job {Job}).", klaar.Projectie, klaar.Status,
            klaar.DuurInMilliseconden, klaar.Id);
    }

    private static async Task<Herbouwtaak?> Laad(IDocumentStore store, Guid id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Herbouwtaak>(id, cancellation);
    }

    private static async Task<Herbouwtaak> Bewaar(IDocumentStore store, Herbouwtaak taak, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        session.Store(taak);
        await session.SaveChangesAsync(cancellation);
        return taak;
    }

    /// <summary>
    /// Every second, the events applied so far against the events there were at the start: as the direct rebuild
    /// counts them, or else the projection's progression, which the daemon keeps.
    /// </summary>
    private static async Task Volg(IDocumentStore store, NpgsqlDataSource dataSource, Herbouwtaak taak, long totaal, Func<long> direct,
        CancellationToken cancellation)
    {
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
                if (direct() is >= 0 and var geteld)
                {
                    await Bewaar(store, taak with { Voortgang = Stand(Math.Min(geteld, totaal), totaal) }, cancellation);
                    continue;
                }

                await using var opdracht = dataSource.CreateCommand(
                    $"select last_seq_id from {MartenConfiguratie.Schema}.mt_event_progression where name = $1");
                opdracht.Parameters.AddWithValue($"{taak.Projectie}:All");
                if (await opdracht.ExecuteScalarAsync(cancellation) is not long verwerkt) continue;

                await Bewaar(store, taak with { Voortgang = Stand(Math.Min(verwerkt, totaal), totaal) }, cancellation);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // Progress is a courtesy: the rebuild goes on without it.
        }
    }

    private static Herbouwvoortgang Stand(long verwerkt, long totaal) => new(verwerkt, totaal, totaal == 0 ? 100 : (int)(verwerkt * 100 / totaal));

    private static async Task<long> Hoogste(NpgsqlDataSource dataSource, CancellationToken cancellation)
    {
        await using var opdracht = dataSource.CreateCommand($"select coalesce(max(seq_id), 0) from {MartenConfiguratie.Schema}.mt_events");
        return (long)(await opdracht.ExecuteScalarAsync(cancellation))!;
    }
}
