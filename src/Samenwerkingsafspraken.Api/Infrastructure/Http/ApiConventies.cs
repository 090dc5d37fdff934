using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Samenwerkingsafspraken.Infrastructure.Http;

/// <summary>The Dutch government's API Design Rules as far as they apply to every response.</summary>
public static partial class ApiConventies
{
    public const string Versie = "1.0.0";
    public const string Basispad = "/v1";

    public static IServiceCollection AddApiConventies(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Vul);
        services.AddExceptionHandler<Persistence.DatabaseOnbereikbaar>();
        services.AddExceptionHandler<UitzonderingNaarProbleem>();
        return services;
    }

    public static IApplicationBuilder UseApiConventies(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers["API-Version"] = Versie;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
                if (!context.Request.Path.StartsWithSegments("/documentatie") && !Web.Webapplicatie.IsPagina(context))
                {
                    headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                }

                if (context.Request.Path.StartsWithSegments(Basispad) && !headers.ContainsKey("Cache-Control"))
                {
                    headers.CacheControl = "no-store";
                }

                if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                return Task.CompletedTask;
            });

            // No trailing-slash redirects, and no silent match either: '/v1/werkgevers/' is not a resource.
            var path = context.Request.Path.Value;
            if (path is { Length: > 1 } && path.EndsWith('/') && context.Request.Path.StartsWithSegments(Basispad))
            {
                await Problemen.NietGevonden("Paden eindigen niet op een '/'. Laat de laatste '/' weg.").ExecuteAsync(context);
                return;
            }

            await next(context);
        });

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    private static void Vul(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Status = status;
        problem.Instance ??= context.HttpContext.Request.Path;
        problem.Extensions.Remove("traceId");
        problem.Extensions["correlatieId"] = Writing.Correlatie.Id(context.HttpContext);
        try
        {
            Vul(problem, status);
        }
        finally
        {
            LogWeigering(context.HttpContext, status, problem.Extensions.TryGetValue("code", out var code) ? code as string : null);
        }
    }

    /// <summary>
    /// An answer the client caused (4xx, 409 too) is expected: information for operators, with method, path, status and
    /// code, never a stack trace. A 5xx is logged as an error where it arises.
    /// </summary>
    private static void LogWeigering(HttpContext http, int status, string? code)
    {
        if (status is < 400 or >= 500) return;
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Samenwerkingsafspraken.Weigeringen")
            .LogInformation("Refused {Method} {Path}: {Status} {Code}", http.Request.Method, http.Request.Path.Value, status, code ?? Problemen.Code(status));
    }

    private static void Vul(ProblemDetails problem, int status)
    {
        if (problem.Extensions.ContainsKey("code"))
        {
            problem.Title ??= Problemen.Titel(status);
            problem.Detail ??= Problemen.StandaardDetail(status);
            return;
        }

        // A problem written by the framework (routing, authentication, JSON binding): give it our shape and words.
        var detail = problem.Detail;
        problem.Type = "about:blank";
        problem.Title = Problemen.Titel(status);
        problem.Extensions["code"] = Problemen.Code(status);

        if (status == 400 && detail is not null && problem.Extensions.ContainsKey("lineNumber"))
        {
            var veld = JsonPad().Match(detail) is { Success: true } match ? match.Groups[1].Value.TrimStart('$', '.') : "body";
            problem.Extensions.Remove("lineNumber");
            problem.Extensions.Remove("bytePositionInLine");
            problem.Extensions["code"] = "ongeldige-json";
            problem.Detail = "De body is geen geldige JSON, of een waarde heeft het verkeerde type.";
            problem.Extensions["invalidParams"] = new[]
            {
                new OngeldigeParameter(veld.Length == 0 ? "body" : veld, "ongeldige-json", "Deze waarde kon niet worden gelezen: geldige JSON van het juiste type?"),
            };
            return;
        }

        problem.Detail = status == 400 && !string.IsNullOrWhiteSpace(detail) ? detail : Problemen.StandaardDetail(status);
    }

    [GeneratedRegex(@"Path: (\$[^ |]*)")]
    private static partial Regex JsonPad();

    /// <summary>Bad input never becomes a 500: exceptions that mean "bad request" or "stale write" get their own answer.</summary>
    private sealed class UitzonderingNaarProbleem(IProblemDetailsService problemDetails, ILogger<UitzonderingNaarProbleem> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            // A page's error is an HTML page (Infrastructure/Web), not problem+json.
            if (Web.Webapplicatie.IsPagina(httpContext)) return false;

            var problem = exception switch
            {
                BadHttpRequestException bad => Problemen.Maak(bad.StatusCode, Problemen.Code(bad.StatusCode), Problemen.StandaardDetail(bad.StatusCode)),
                JsonException => Problemen.Maak(400, "ongeldige-json", "De body is geen geldige JSON, of een waarde heeft het verkeerde type."),
                JasperFx.ConcurrencyException => Problemen.Maak(409, "versie-verouderd", "De bron is intussen gewijzigd. Haal haar opnieuw op en probeer het opnieuw."),
                OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
                _ => Problemen.Maak(500, "interne-fout", Problemen.StandaardDetail(500)),
            };

            if (problem is null) return true;
            if (problem.Status == 500) logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);

            httpContext.Response.StatusCode = problem.Status!.Value;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
        }
    }
}
