using System.Diagnostics;
using Samenwerkingsafspraken.Infrastructure.Persistence;

namespace Samenwerkingsafspraken.BrowserTests.Infrastructuur;

/// <summary>
/// Debian's Chromium, which Playwright drives (never a browser download of Playwright's own): installed with apt-get
/// when it is missing and we are root, as the tests do for PostgreSQL.
/// </summary>
public static class Chromium
{
    public const string Pad = "/usr/bin/chromium";

    public static readonly string[] Argumenten =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static async Task ZorgDatHetErIs()
    {
        var pad = Environment.GetEnvironmentVariable("CHROMIUM_PAD") ?? Pad;
        if (File.Exists(pad)) return;
        if (!LocalPostgres.IsRoot || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException($"Chromium ontbreekt ({pad}). Installeer het ('apt-get install chromium') of zet CHROMIUM_PAD.");
        }

        Console.Error.WriteLine("Chromium not found: installing it with apt-get (this happens once).");
        await Voer("apt-get", "update", "-q");
        await Voer("apt-get", "install", "-y", "-q", "chromium");
    }

    public static string Uitvoerbaar => Environment.GetEnvironmentVariable("CHROMIUM_PAD") ?? Pad;

    private static async Task Voer(string programma, params string[] argumenten)
    {
        var psi = new ProcessStartInfo(programma, argumenten) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var proces = Process.Start(psi)!;
        var uit = proces.StandardOutput.ReadToEndAsync();
        var fout = proces.StandardError.ReadToEndAsync();
        await proces.WaitForExitAsync();
        if (proces.ExitCode != 0) throw new InvalidOperationException($"{programma} {string.Join(' ', argumenten)}: {await fout}{await uit}");
    }
}
