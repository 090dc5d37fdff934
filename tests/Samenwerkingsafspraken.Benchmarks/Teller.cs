using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Samenwerkingsafspraken.Benchmarks;

/// <summary>
/// A TCP relay between the service and PostgreSQL that counts, without reading the protocol in depth: a round trip
/// is a turn of the conversation (the client sent, then the server answered); a pool checkout is the reset Npgsql
/// prepends when a pooled connection is taken again ("DISCARD ALL", or "RESET ALL" when it keeps prepared statements).
/// </summary>
public sealed class Teller : IAsyncDisposable
{
    private static readonly byte[] Discard = Encoding.ASCII.GetBytes("DISCARD ALL");
    private static readonly byte[] Reset = Encoding.ASCII.GetBytes("RESET ALL");

    private readonly TcpListener _luisteraar = new(IPAddress.Loopback, 0);
    private readonly int _doelPoort;
    private readonly CancellationTokenSource _stop = new();
    private long _beurten;
    private long _uitgiftes;

    public Teller(int doelPoort)
    {
        _doelPoort = doelPoort;
        _luisteraar.Start();
        _ = Task.Run(Aanvaard);
    }

    public int Poort => ((IPEndPoint)_luisteraar.LocalEndpoint).Port;

    public (long Beurten, long Uitgiftes) Stand => (Interlocked.Read(ref _beurten), Interlocked.Read(ref _uitgiftes));

    private async Task Aanvaard()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient klant;
            try
            {
                klant = await _luisteraar.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => Verbind(klant));
        }
    }

    private async Task Verbind(TcpClient klant)
    {
        using var _ = klant;
        using var server = new TcpClient { NoDelay = true };
        klant.NoDelay = true;
        await server.ConnectAsync(IPAddress.Loopback, _doelPoort);
        var klantKant = klant.GetStream();
        var serverKant = server.GetStream();
        var klantSprak = 0;
        var heen = Pomp(klantKant, serverKant, blok =>
        {
            Volatile.Write(ref klantSprak, 1);
            if (blok.IndexOf(Discard) >= 0 || blok.IndexOf(Reset) >= 0) Interlocked.Increment(ref _uitgiftes);
        });
        var terug = Pomp(serverKant, klantKant, _ =>
        {
            if (Interlocked.Exchange(ref klantSprak, 0) == 1) Interlocked.Increment(ref _beurten);
        });
        await Task.WhenAny(heen, terug);
    }

    private async Task Pomp(NetworkStream van, NetworkStream naar, SpanAction gezien)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = await van.ReadAsync(buffer, _stop.Token)) > 0)
            {
                gezien(buffer.AsSpan(0, n));
                await naar.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private delegate void SpanAction(ReadOnlySpan<byte> blok);

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _luisteraar.Stop();
        return ValueTask.CompletedTask;
    }
}
