using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Samenwerkingsafspraken.Benchmarks;

/// <summary>
/// The HTTP hop alone: a bare Kestrel endpoint (no authentication, no middleware, no Marten) that runs the raw side's
/// statement for an agreement by id and answers its stored JSON. Measured through the same HTTP client as the service,
/// it shows how far below raw Npgsql any HTTP service lands on this machine, where the client's HTTP stack, Kestrel
/// and PostgreSQL share the same cores: the ceiling for the service's lookups.
/// </summary>
public static class Kaal
{
    public const string Argument = "--kaal";

    /// <summary>In a process of its own (the benchmark started again with <see cref="Argument"/>), as the service is.</summary>
    public static async Task<int> Voer(string connectionString, int poort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{poort}");
        await using var bron = NpgsqlDataSource.Create(connectionString);
        var app = builder.Build();
        app.MapGet("/afspraken/{id:guid}", async (Guid id, CancellationToken annulering) =>
        {
            await using var opdracht = bron.CreateCommand("select d.data from ruw.mt_doc_samenwerkingsafspraak as d where id = $1");
            opdracht.Parameters.Add(new NpgsqlParameter { Value = id });
            return await opdracht.ExecuteScalarAsync(annulering) is string json ? Results.Text(json, "application/json") : Results.NotFound();
        });
        app.MapGet("/gereed", () => Results.Ok());
        await app.RunAsync();
        return 0;
    }

    /// <summary>Starts the bare endpoint and answers its process once it serves.</summary>
    public static async Task<Process> Start(string connectionString, int poort)
    {
        var proces = Process.Start(new ProcessStartInfo("dotnet", [typeof(Kaal).Assembly.Location, Argument, connectionString, poort.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        proces.OutputDataReceived += (_, _) => { };
        proces.ErrorDataReceived += (_, _) => { };
        proces.BeginOutputReadLine();
        proces.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var poging = 0; poging < 300; poging++)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{poort}/gereed")).IsSuccessStatusCode) return proces;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        proces.Kill();
        throw new InvalidOperationException("The bare endpoint did not start.");
    }
}
