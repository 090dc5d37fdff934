using System.Diagnostics;

namespace Samenwerkingsafspraken.Benchmarks;

/// <summary>What one measured run gave: successes per second, latencies, and the CPU each side spent per operation.</summary>
public sealed record Uitslag(string Naam, int Clients, long Gelukt, long Mislukt, double PerSeconde, double P50, double P99, double CpuMsPerOp, string? EersteFout,
    double P95 = 0);

/// <summary>N clients repeat an operation for a while; the operation answers whether it succeeded.</summary>
public static class Belasting
{
    public static async Task<Uitslag> Meet(string naam, int clients, TimeSpan duur, Func<int, Task<bool>> operatie, Func<double> cpuSeconden,
        TimeSpan? opwarmen = null)
    {
        var meting = new Meting(naam, clients);
        await meting.Meet(duur, operatie, cpuSeconden, opwarmen);
        return meting.Uitslag();
    }

    /// <summary>
    /// One side of a comparison measured in slices (<see cref="Meet(TimeSpan, Func{int, Task{bool}}, Func{double}, TimeSpan?)"/>
    /// once per slice): its successes, failures, seconds, CPU and latencies add up over the slices into one result.
    /// </summary>
    public sealed class Meting(string naam, int clients)
    {
        private readonly List<double> _latenties = new(16384);
        private long _mislukt;
        private double _seconden;
        private double _cpu;
        private string? _eersteFout;

        public async Task Meet(TimeSpan duur, Func<int, Task<bool>> operatie, Func<double> cpuSeconden, TimeSpan? opwarmen = null)
        {
            if (opwarmen is { } warm) await Draai(clients, warm, operatie, null, null);

            var latenties = Enumerable.Range(0, clients).Select(_ => new List<double>(4096)).ToArray();
            long mislukt = 0;
            var cpu0 = cpuSeconden();
            var klok = Stopwatch.StartNew();
            await Draai(clients, duur, operatie, latenties, (fout) =>
            {
                Interlocked.Increment(ref mislukt);
                Interlocked.CompareExchange(ref _eersteFout, fout, null);
            });
            _seconden += klok.Elapsed.TotalSeconds;
            _cpu += cpuSeconden() - cpu0;
            _mislukt += mislukt;
            foreach (var l in latenties) _latenties.AddRange(l);
        }

        public Uitslag Uitslag()
        {
            var alle = _latenties.Order().ToArray();
            var gelukt = alle.Length - _mislukt;
            double Percentiel(double p) => alle.Length == 0 ? 0 : alle[Math.Min(alle.Length - 1, (int)Math.Ceiling(p * alle.Length) - 1)];
            return new Uitslag(naam, clients, gelukt, _mislukt, _seconden > 0 ? gelukt / _seconden : 0, Percentiel(0.50), Percentiel(0.99),
                gelukt > 0 ? 1000 * _cpu / gelukt : 0, _eersteFout, Percentiel(0.95));
        }
    }

    private static Task Draai(int clients, TimeSpan duur, Func<int, Task<bool>> operatie, List<double>[]? latenties, Action<string>? fout)
    {
        var einde = Stopwatch.GetTimestamp() + (long)(duur.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < einde)
            {
                var start = Stopwatch.GetTimestamp();
                bool gelukt;
                string? reden = null;
                try
                {
                    gelukt = await operatie(c);
                }
                catch (Exception e)
                {
                    gelukt = false;
                    reden = e.Message;
                }

                latenties?[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!gelukt) fout?.Invoke(reden ?? "status");
            }
        })));
    }

    /// <summary>Runs a fixed number of operations with N clients (to fill the store); answers per second.</summary>
    public static async Task<double> Vul(int clients, int aantal, Func<int, Task<bool>> operatie)
    {
        var volgende = -1;
        long fouten = 0;
        var klok = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref volgende)) < aantal)
            {
                if (!await operatie(i)) Interlocked.Increment(ref fouten);
            }
        })));
        if (fouten > 0) throw new InvalidOperationException($"{fouten} of {aantal} operations failed while filling the store.");
        return aantal / klok.Elapsed.TotalSeconds;
    }
}

/// <summary>CPU and memory of processes, from /proc.</summary>
public static class Processen
{
    public static double CpuSeconden(int pid)
    {
        try
        {
            var velden = File.ReadAllText($"/proc/{pid}/stat");
            var na = velden[(velden.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(na[11]) + long.Parse(na[12])) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>PostgreSQL: the postmaster with the children it already reaped, and every live child.</summary>
    public static double ClusterCpuSeconden(int postmaster)
    {
        double totaal = 0;
        foreach (var map in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(map), out var pid)) continue;
            try
            {
                var velden = File.ReadAllText(Path.Combine(map, "stat"));
                var na = velden[(velden.LastIndexOf(')') + 2)..].Split(' ');
                var ouder = int.Parse(na[1]);
                if (pid == postmaster) totaal += (long.Parse(na[11]) + long.Parse(na[12]) + long.Parse(na[13]) + long.Parse(na[14])) / 100.0;
                else if (ouder == postmaster) totaal += (long.Parse(na[11]) + long.Parse(na[12])) / 100.0;
            }
            catch (IOException)
            {
            }
        }

        return totaal;
    }

    public static long RssMiB(int pid)
    {
        try
        {
            var regel = File.ReadLines($"/proc/{pid}/status").First(r => r.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(regel.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            return 0;
        }
    }

    public static int Ouder(int pid)
    {
        var velden = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(velden[(velden.LastIndexOf(')') + 2)..].Split(' ')[1]);
    }
}

/// <summary>
/// One side of a comparison measured in turns: what it runs, whose CPU counts (its own process and PostgreSQL), whether
/// it is the service (whose memory under load is sampled), and what to switch before each of its turns.
/// </summary>
public sealed record Kant(string Naam, Func<int, Task<bool>> Operatie, Func<double> Cpu, bool IsDienst = false, Func<Task>? Voor = null);
