using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Http;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>
/// A database that cannot be reached is no fault of the request and no bug of ours: the answer is
/// 503 problem+json with Retry-After, and the outage is logged once as a warning (<see cref="DatabaseStoring"/>).
/// Registered before the general handler in <see cref="ApiConventies"/>.
/// </summary>
public sealed class DatabaseOnbereikbaar(IProblemDetailsService problemDetails, DatabaseStoring storing, IConfiguration configuratie)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!Is(exception) || httpContext.RequestAborted.IsCancellationRequested) return false;

        storing.Gemeld(exception);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = DatabaseInstellingen.RetryAfterSeconds(configuratie).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = Problemen.Maak(503, "database-onbereikbaar",
            "De database is tijdelijk niet bereikbaar. Probeer het na het aantal seconden in Retry-After opnieuw.");
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// True when the cause, however Marten or Wolverine wrapped it, is that PostgreSQL cannot be reached or cannot take
    /// us now: connection refused or broken, a timeout (including the wait for a free connection in the pool), the
    /// server shutting down or starting, too many connections. Not deadlocks or constraint violations: those are answers.
    /// </summary>
    public static bool Is(Exception exception)
    {
        var te = new Stack<Exception>([exception]);
        while (te.TryPop(out var e))
        {
            switch (e)
            {
                case PostgresException postgres when Onbereikbaar(postgres.SqlState):
                    return true;
                case PostgresException:
                    break;
                case NpgsqlException { IsTransient: true }:
                    return true;
                case SocketException:
                    return true;
                // A session on a connection of its own (the multiplexed lookups, Opzoeken) whose connection broke: Marten
                // names the break with an InvalidOperationException of its own instead of Npgsql's exception. (Its other
                // shape, an aborted transaction, carries the original failure, which the walk judges as any other.)
                case Marten.Exceptions.SessionTransactionUnusableException { InnerException: InvalidOperationException }:
                    return true;
            }

            if (e is AggregateException aggregate)
            {
                foreach (var binnen in aggregate.InnerExceptions) te.Push(binnen);
            }
            else if (e.InnerException is { } binnen)
            {
                te.Push(binnen);
            }
        }

        return false;
    }

    private static bool Onbereikbaar(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
        || sqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources, too many connections
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
}

/// <summary>
/// Remembers that the database is away, so that an outage is one warning in the log (and one line when it is back),
/// not an error per request. A failure after a minute without any counts as a new outage.
/// </summary>
public sealed class DatabaseStoring(ILogger<DatabaseStoring> logger)
{
    private readonly TimeProvider tijd = TimeProvider.System;

    private static readonly TimeSpan NieuweStoringNa = TimeSpan.FromMinutes(1);

    private readonly Lock _slot = new();
    private DateTimeOffset? _sinds;
    private DateTimeOffset _laatst;

    public bool IsActief
    {
        get
        {
            lock (_slot) return _sinds is not null;
        }
    }

    public void Gemeld(Exception oorzaak)
    {
        var nu = tijd.GetUtcNow();
        bool nieuw;
        lock (_slot)
        {
            nieuw = _sinds is null || nu - _laatst > NieuweStoringNa;
            if (nieuw) _sinds = nu;
            _laatst = nu;
        }

        if (nieuw)
        {
            logger.LogWarning("Database unreachable ({Reason}): answering 503 with Retry-After until it answers again.", Reden(oorzaak));
        }
        else
        {
            logger.LogDebug("Database still unreachable ({Reason}).", Reden(oorzaak));
        }
    }

    public void Hersteld()
    {
        DateTimeOffset? sinds;
        lock (_slot)
        {
            sinds = _sinds;
            _sinds = null;
        }

        if (sinds is { } begin) logger.LogInformation("Database reachable again after {Seconds:0} s.", (tijd.GetUtcNow() - begin).TotalSeconds);
    }

    private static string Reden(Exception oorzaak)
    {
        var binnenste = oorzaak;
        while (binnenste.InnerException is { } binnen) binnenste = binnen;
        return binnenste == oorzaak ? oorzaak.Message : $"{oorzaak.Message} ← {binnenste.Message}";
    }
}
