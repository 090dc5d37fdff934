using System.Diagnostics;
using JasperFx.OpenTelemetry;
using Marten;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Samenwerkingsafspraken.Infrastructure.Hosting;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Infrastructure.Observability;

/// <summary>
/// What an operator sees: OpenTelemetry traces and metrics (ASP.NET Core, HttpClient, Npgsql, Wolverine, Marten and
/// our own), exported over OTLP when the standard OTEL_EXPORTER_OTLP_* variables say where to; structured JSON logs
/// outside Development with the correlation id, trace id and span id in every line's scope.
/// </summary>
public static class Telemetrie
{
    public const string Dienstnaam = "samenwerkingsafspraken-api";

    /// <summary>Our ActivitySource and Meter. Wolverine and Marten publish under "Wolverine" and "Marten".</summary>
    public const string Bron = "Samenwerkingsafspraken";

    public static readonly ActivitySource Activiteiten = new(Bron, ApiConventies.Versie);

    private static readonly string[] OtlpSleutels =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
    ];

    public static bool ExporteertNaarOtlp(IConfiguration configuratie) => OtlpSleutels.Any(sleutel => !string.IsNullOrWhiteSpace(configuratie[sleutel]));

    public static WebApplicationBuilder AddTelemetrie(this WebApplicationBuilder builder)
    {
        if (!Omgevingen.IsLokaal(builder.Environment))
        {
            // One JSON object per line for the log collector; scopes carry TraceId, SpanId and CorrelatieId. The
            // Critter Stack's console chatter ("Searching … for commands", command output) goes to standard error,
            // so that standard output holds nothing but those lines.
            Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
            {
                Out = new Spectre.Console.AnsiConsoleOutput(Console.Error),
                Ansi = Spectre.Console.AnsiSupport.No,
                ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
            });
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(console =>
            {
                console.IncludeScopes = true;
                console.UseUtcTimestamp = true;
                console.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }

        builder.Services.AddSingleton<Bedrijfsmetingen>();
        builder.Services.ConfigureMarten(opts =>
        {
            opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            opts.OpenTelemetry.TrackEventCounters();
        });

        if (!ExporteertNaarOtlp(builder.Configuration)) return builder;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(Dienstnaam, serviceVersion: ApiConventies.Versie))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(Bron, "Wolverine", "Marten"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Bron, "Marten", "Wolverine:*"))
            .UseOtlpExporter();
        return builder;
    }

    /// <summary>First in the pipeline: every log line of the request carries its correlation id.</summary>
    public static IApplicationBuilder UseTelemetrie(this IApplicationBuilder app)
    {
        var metingen = app.ApplicationServices.GetRequiredService<Bedrijfsmetingen>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Bron);
        return app.Use(async (context, next) =>
        {
            // Only a command with an Idempotency-Key can be a replay: a lookup registers nothing to run.
            if (context.Request.Headers.ContainsKey(HttpOpdracht.IdempotencyKeyHeader))
            {
                context.Response.OnStarting(() =>
                {
                    if (context.Response.Headers["Idempotent-Replayed"] == "true") metingen.IdempotentHerhaald(context);
                    return Task.CompletedTask;
                });
            }

            using (logger.BeginScope(new Dictionary<string, object> { ["CorrelatieId"] = Correlatie.Id(context) }))
            {
                await next(context);
            }
        });
    }

    /// <summary>
    /// After authorisation: a span around the endpoint's handler, named after it, so that a trace shows the HTTP
    /// request, the handler inside it and the SQL inside that. Wolverine traces its message handlers itself.
    /// </summary>
    public static IApplicationBuilder UseHandlerSpans(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is not { } endpoint || !Activiteiten.HasListeners())
            {
                await next(context);
                return;
            }

            using var activiteit = Activiteiten.StartActivity(endpoint.DisplayName ?? "handler");
            activiteit?.SetTag("code.function", endpoint.DisplayName);
            await next(context);
            activiteit?.SetTag("http.response.status_code", context.Response.StatusCode);
        });
}
