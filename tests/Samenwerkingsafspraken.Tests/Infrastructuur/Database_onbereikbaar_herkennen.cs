using System.Net.Sockets;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Persistence;

namespace Samenwerkingsafspraken.Tests.Infrastructuur;

/// <summary>Which failures mean "the database cannot be reached" (503), however they are wrapped, and which are answers.</summary>
public sealed class Database_onbereikbaar_herkennen
{
    public static TheoryData<string, Exception> Onbereikbaar => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)) },
        { "pool exhausted", new NpgsqlException("The connection pool has been exhausted", new TimeoutException()) },
        { "server shut down", Postgres("57P01") },
        { "server starting", Postgres("57P03") },
        { "too many connections", Postgres("53300") },
        { "connection failure", Postgres("08006") },
        { "wrapped by a library", new InvalidOperationException("Marten command failed", new NpgsqlException("Exception while reading from stream", new IOException())) },
        { "in an aggregate", new AggregateException(new ArgumentException("other"), Postgres("57P01")) },
        { "a bare socket error", new SocketException((int)SocketError.HostUnreachable) },
    };

    public static TheoryData<string, Exception> Antwoorden => new()
    {
        { "unique violation", Postgres("23505") },
        { "deadlock", Postgres("40P01") },
        { "serialization failure", Postgres("40001") },
        { "syntax error", Postgres("42601") },
        { "a bug", new InvalidOperationException("Sequence contains no elements") },
        { "a timeout elsewhere", new TimeoutException() },
    };

    [Theory]
    [MemberData(nameof(Onbereikbaar))]
    public void onbereikbaar(string _, Exception fout) => DatabaseOnbereikbaar.Is(fout).ShouldBeTrue();

    [Theory]
    [MemberData(nameof(Antwoorden))]
    public void geen_storing(string _, Exception fout) => DatabaseOnbereikbaar.Is(fout).ShouldBeFalse();

    private static PostgresException Postgres(string sqlState) => new("bericht", "FATAL", "FATAL", sqlState);
}
