using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Werkgevers.Registreren;

namespace Samenwerkingsafspraken.Infrastructure.Security;

/// <summary>
/// Names an endpoint in the access policy when it has no endpoint name of its own: on a page model or handler class as
/// an attribute, or on a mapped endpoint with <see cref="Toegangscontrole.MetToegangssleutel{TBuilder}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ToegangssleutelAttribute(string sleutel) : Attribute
{
    public string Sleutel { get; } = sleutel;
}

/// <summary>
/// Enforces <see cref="Toegangsbeleid"/> for every request, after authentication and before any endpoint runs: an
/// open row passes; otherwise 401 without a valid token, and 403 unless the token carries exactly one role, spelled
/// exactly as the row names it, with the organisation claims that role needs. An endpoint without a row is refused.
/// </summary>
public static class Toegangscontrole
{
    public static IServiceCollection AddToegangsbeleid(this IServiceCollection services) =>
        services.AddHostedService<ToegangsbeleidBijStart>();

    public static IApplicationBuilder UseToegangsbeleid(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint)
        {
            // No endpoint (404) or the router's own answer (405): nothing of ours runs.
            await next(context);
            return;
        }

        var regel = Toegangsbeleid.Voor(Sleutel(endpoint));
        if (regel is null)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Toegangscontrole))
                .LogError("Endpoint {Endpoint} has no row in the access policy; refused.", endpoint.DisplayName);
            await Weiger(context, "Voor dit endpoint is geen toegang vastgelegd.");
            return;
        }

        if (regel.Openbaar)
        {
            await next(context);
            return;
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            // The API's scheme answers 401; a page's sends the browser to sign in.
            await context.ChallengeAsync();
            if (context.Response.StatusCode == StatusCodes.Status401Unauthorized && !context.Response.HasStarted && IsApi(context))
            {
                await Problemen.Probleem(401, "niet-geauthenticeerd", Problemen.StandaardDetail(401)).ExecuteAsync(context);
            }

            return;
        }

        if (Toegelaten(context.User, regel) is { } reden)
        {
            await Weiger(context, reden);
            return;
        }

        await next(context);
    });

    /// <summary>The name an endpoint has in the policy: its own metadata, else its endpoint name (an API operation's OperationId).</summary>
    public static string? Sleutel(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<ToegangssleutelAttribute>()?.Sleutel
        ?? endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
        ?? Paginasleutel(endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>());

    /// <summary>A page's name is on its model, which the endpoint carries once the page is loaded.</summary>
    private static string? Paginasleutel(CompiledPageActionDescriptor? pagina) =>
        pagina?.HandlerTypeInfo.GetCustomAttributes(typeof(ToegangssleutelAttribute), false).Cast<ToegangssleutelAttribute>().SingleOrDefault()?.Sleutel;

    /// <summary>Every route endpoint with its name in the policy (or null); pages are loaded for it, so call this at start, not per request.</summary>
    public static async Task<IReadOnlyList<(RouteEndpoint Endpoint, string? Sleutel)>> Sleutels(EndpointDataSource endpoints, IServiceProvider services,
        CancellationToken cancellation = default)
    {
        var paginas = services.GetService<PageLoader>();
        var routes = new List<(RouteEndpoint Endpoint, string? Sleutel)>();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            routes.Add((endpoint, await SleutelBijStart(endpoint, paginas, cancellation)));
        }

        return routes;
    }

    private static async Task<string?> SleutelBijStart(RouteEndpoint endpoint, PageLoader? paginas, CancellationToken cancellation)
    {
        if (Sleutel(endpoint) is { } sleutel) return sleutel;
        if (paginas is null || endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } pagina) return null;
        cancellation.ThrowIfCancellationRequested();
        return Paginasleutel(await paginas.LoadAsync(pagina, endpoint.Metadata));
    }

    public static TBuilder MetToegangssleutel<TBuilder>(this TBuilder builder, string sleutel) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ToegangssleutelAttribute(sleutel));

    /// <summary>Null when the token is admitted by the row; otherwise why not, in words for the caller.</summary>
    public static string? Toegelaten(ClaimsPrincipal gebruiker, Toegangsregel regel)
    {
        var oordeel = Oordelen.GetValue(gebruiker, Beoordeel);
        if (oordeel.Rol is not { } rol) return oordeel.Reden;
        if (!regel.Laat(rol))
        {
            return regel.Rollen.Count == 0
                ? "Dit endpoint staat voor geen enkele rol open."
                : $"Dit is voor de rol {string.Join(" of ", regel.Rollen.Keys)}; de rol in uw token hoort daar niet bij.";
        }

        return oordeel.Reden;
    }

    /// <summary>
    /// What a token's claims say whatever the endpoint: its one role (or why it has none), and whether the claims that
    /// role needs are right. A validated token's principal is the same object for every request that sends the token
    /// (<see cref="Tokencache"/>), and its claims do not change, so this is worked out once per principal.
    /// </summary>
    private static readonly ConditionalWeakTable<ClaimsPrincipal, Tokenoordeel> Oordelen = new();

    private sealed record Tokenoordeel(string? Rol, string? Reden);

    private static Tokenoordeel Beoordeel(ClaimsPrincipal gebruiker)
    {
        // One role, however many claims carry it (a sign-in may map "role" to the framework's own role claim type too).
        var rollen = gebruiker.FindAll(Claimtypen.Rol).Concat(gebruiker.FindAll(ClaimTypes.Role)).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        if (rollen.Count != 1) return new Tokenoordeel(null, $"Uw token moet precies één rol noemen (het noemt er {rollen.Count}).");
        var rol = rollen[0];

        if (rol == Rollen.Werkgever && !Formaten.KvkNummer().IsMatch(Enkel(gebruiker, Claimtypen.Kvk) ?? ""))
            return new Tokenoordeel(rol, "Een werkgever-token noemt precies één KvK-nummer (claim kvk, 8 cijfers).");
        if (rol == Rollen.Regiopartij)
        {
            var regios = gebruiker.FindAll(Claimtypen.Regio).Select(c => c.Value).ToList();
            if (!Formaten.Oin().IsMatch(Enkel(gebruiker, Claimtypen.Oin) ?? "") || regios.Count == 0
                || !regios.All(r => Arbeidsmarktregios.ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(r)))
                return new Tokenoordeel(rol, "Een regiopartij-token noemt precies één OIN (claim oin, 20 cijfers) en ten minste één regio (claim regio, AM en twee cijfers).");
        }

        foreach (var claim in gebruiker.Claims.Where(c => c.Type is Claimtypen.Subject or Claimtypen.Naam or Claimtypen.Organisatie))
        {
            if (Tekstregels.Controleer(claim.Type, claim.Value, meerregelig: false, Tekstregels.Kopgrens) is not null)
                return new Tokenoordeel(rol, $"De claim '{claim.Type}' van uw token bevat tekens die niet zijn toegestaan of is te lang.");
        }

        return new Tokenoordeel(rol, null);
    }

    private static string? Enkel(ClaimsPrincipal gebruiker, string type) =>
        gebruiker.FindAll(type).ToList() is [var enige] ? enige.Value : null;

    private static async Task Weiger(HttpContext context, string reden)
    {
        await context.ForbidAsync();

        // The API answers in problem+json; a page's refusal is explained by the web application's error page.
        if (context.Response.StatusCode == StatusCodes.Status403Forbidden && !context.Response.HasStarted && IsApi(context))
        {
            await Problemen.GeenToegang(reden).ExecuteAsync(context);
        }
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(ApiConventies.Basispad);

    /// <summary>
    /// Deny by default starts at the start: a service with an endpoint the policy does not name, or a row for an
    /// endpoint that no longer exists, does not start.
    /// </summary>
    private sealed class ToegangsbeleidBijStart(EndpointDataSource endpoints, IServiceProvider services) : IHostedLifecycleService
    {
        public async Task StartedAsync(CancellationToken cancellationToken)
        {
            var routes = await Sleutels(endpoints, services, cancellationToken);

            var zonderRegel = routes.Where(e => Toegangsbeleid.Voor(e.Sleutel) is null)
                .Select(e => $"{e.Endpoint.DisplayName} ({e.Endpoint.RoutePattern.RawText}, naam: {e.Sleutel ?? "geen"})").ToList();
            var sleutels = routes.Select(e => e.Sleutel).ToHashSet(StringComparer.Ordinal);
            var zonderEndpoint = Toegangsbeleid.Regels.Where(r => !sleutels.Contains(r.Sleutel)).Select(r => r.Sleutel).ToList();
            if (zonderRegel.Count == 0 && zonderEndpoint.Count == 0) return;

            throw new InvalidOperationException(
                "The access policy (Infrastructure/Security/Toegangsbeleid.cs) does not match the endpoints. " +
                (zonderRegel.Count > 0 ? $"Endpoints without a row: {string.Join("; ", zonderRegel)}. " : "") +
                (zonderEndpoint.Count > 0 ? $"Rows without an endpoint: {string.Join(", ", zonderEndpoint)}. " : "") +
                "Add a row (and the same row in docs/authenticatie.md) for every endpoint.");
        }

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
