using JasperFx;

namespace Samenwerkingsafspraken.Infrastructure.Hosting;

/// <summary>
/// Runs the web service, or the JasperFx command the arguments name (<c>migreren</c>, <c>codegen write</c>,
/// <c>db-apply</c>, <c>run --check</c>, …). Without arguments the host runs directly: JasperFx's command line first
/// looks for commands in every assembly in the application's folder, and so loaded all of them, the Roslyn compiler
/// included, at every start of a node (about 70 MiB of mapped files and a good part of a second of CPU), for a
/// command, <c>run</c>, that does nothing but run the host.
/// </summary>
public static class Dienststart
{
    /// <summary>Exit code of a node that failed to start (as JasperFx's <c>run</c> answers).</summary>
    public const int Mislukt = 1;

    public static async Task<int> StartDienstOfCommando(this WebApplication app, string[] args)
    {
        if (args.Length > 0) return await app.RunJasperFxCommands(args);

        app.Lifetime.ApplicationStarted.Register(GeefStartgeheugenTerug);
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The host has logged it; the one line on standard error is what an operator sees first.
            await Console.Error.WriteLineAsync($"The service failed to start: {e.Message}");
            return Mislukt;
        }
    }

    /// <summary>
    /// Starting leaves tens of MiB of garbage behind (configuration, the scan for endpoints and handlers, the
    /// schema comparison) in a young generation whose budget is sized for throughput; a node that then idles keeps
    /// those pages. One compacting collection that returns the free pages to the system (about 80 ms, once, beside
    /// the first requests) brings an idle node down to what it really holds: 208 to 190 MiB resident, measured.
    /// </summary>
    private static void GeefStartgeheugenTerug() =>
        ThreadPool.UnsafeQueueUserWorkItem(_ => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true), null);
}
