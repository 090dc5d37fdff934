using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.ResponseCompression;
using Samenwerkingsafspraken.Infrastructure.Http;

namespace Samenwerkingsafspraken.Infrastructure.Web;

/// <summary>
/// The Dutch web application that the same host serves at <c>/</c>: Razor Pages in the feature folders, the NL Design
/// System CSS from <c>wwwroot</c>, a Content-Security-Policy of its own, HTML error pages, cookie sign-in. Everything
/// under <c>/v1</c> stays the API, with its bearer tokens and problem+json.
/// </summary>
public static class Webapplicatie
{
    /// <summary>
    /// The pages' policy: nothing inline, nothing from elsewhere. Charts are inline SVG styled by class from our own
    /// stylesheet, so no style attribute is needed either.
    /// </summary>
    public const string Inhoudsbeleid =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'{0}; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>A request for the web application, not for the API, its reference page or the health checks.</summary>
    public static bool IsPagina(HttpContext context)
    {
        var pad = context.Request.Path;
        return !pad.StartsWithSegments(ApiConventies.Basispad) && !pad.StartsWithSegments("/documentatie") && !pad.StartsWithSegments("/health");
    }

    public static IServiceCollection AddWebapplicatie(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddRazorPages(options =>
        {
            // A page lives in the feature folder of what it shows, beside the endpoint it shares code with.
            options.RootDirectory = "/";
            options.Conventions.Add(new PaginatoegangConventie());
        });

        var plainHttp = WebAuthenticatie.IsOntwikkeling(environment);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = plainHttp ? "samenwerkingsafspraken.formulier" : "__Host-samenwerkingsafspraken.formulier";
            options.Cookie.SecurePolicy = plainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
        });

        // Styles only: HTML pages carry antiforgery tokens beside what a user typed, which compression could leak (BREACH).
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["text/css", "image/svg+xml"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });

        services.AddWebAuthenticatie(configuration, environment);
        return services;
    }

    /// <summary>Call after <c>UseApiConventies</c> and before authentication.</summary>
    public static WebApplication UseWebapplicatie(this WebApplication app)
    {
        var formulierdoelen = app.Services.GetRequiredService<WebAuthenticatie.Aanmeldwijze>().ExtraFormulierdoelen;
        var beleid = string.Format(System.Globalization.CultureInfo.InvariantCulture, Inhoudsbeleid, formulierdoelen);

        app.Use(async (context, next) =>
        {
            if (IsPagina(context))
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers.ContentSecurityPolicy = beleid;
                    if (!headers.ContainsKey("Cache-Control")) headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                });
            }

            await next(context);
        });

        // Inside the API's handlers, so that they answer first: an error of a page becomes an HTML page. The API's
        // exceptions are still answered by its own handler (it declines pages), its status codes by its own
        // status code pages (disabled here for the API).
        app.UseExceptionHandler("/fout/500");
        app.UseStatusCodePagesWithReExecute("/fout/{0}");
        app.Use(async (context, next) =>
        {
            if (!IsPagina(context) && context.Features.Get<IStatusCodePagesFeature>() is { } statuspaginas) statuspaginas.Enabled = false;
            await next(context);
        });

        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = bestand =>
            {
                // Links carry the file's hash (asp-append-version), so a changed file has a new address.
                bestand.Context.Response.Headers.CacheControl = bestand.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        return app;
    }

    public static WebApplication MapWebapplicatie(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
