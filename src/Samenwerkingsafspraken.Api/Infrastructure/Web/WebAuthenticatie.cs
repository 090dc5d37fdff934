using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.Infrastructure.Web;

/// <summary>
/// Sign-in for the pages: a cookie that carries the same claims as the API's tokens (role, kvk, oin, regio, …), so
/// that the pages decide with the same <see cref="Gebruiker"/>. In Development and in the tests a page of demo
/// identities issues it; elsewhere OpenID Connect (authorization code with PKCE) against the issuer the API trusts.
/// The API under /v1 never looks at the cookie: a request there is authenticated by its bearer token only, so a page
/// visited elsewhere cannot make the browser call the API in the user's name (CSRF).
/// </summary>
public static class WebAuthenticatie
{
    public const string Schema = "web-of-api";
    public const string Cookie = "web-cookie";
    public const string OpenIdConnect = "web-oidc";
    public const string Sectie = "Web:OpenIdConnect";

    /// <summary>How people sign in to the pages on this host, decided once at start.</summary>
    public sealed record Aanmeldwijze(bool Demo, bool OpenIdConnect, string ExtraFormulierdoelen);

    /// <summary>Development and the test host run on plain http on loopback and may offer demo identities; nothing else may.</summary>
    public static bool IsOntwikkeling(IHostEnvironment environment) => environment.IsDevelopment() || environment.IsEnvironment("Test");

    public static IServiceCollection AddWebAuthenticatie(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var ontwikkeling = IsOntwikkeling(environment);
        var oidc = configuration.GetSection(Sectie);
        var authority = configuration["Authenticatie:Authority"];
        var clientId = oidc["ClientId"];
        var metOpenIdConnect = !ontwikkeling && !string.IsNullOrWhiteSpace(authority) && !string.IsNullOrWhiteSpace(clientId);
        var aanmeldwijze = new Aanmeldwijze(ontwikkeling, metOpenIdConnect,
            metOpenIdConnect ? " " + new Uri(authority!).GetLeftPart(UriPartial.Authority) : "");
        services.AddSingleton(aanmeldwijze);

        // The API's own registration made the bearer scheme the default; the default now chooses by path.
        services.Configure<AuthenticationOptions>(options => options.DefaultScheme = Schema);

        var authentication = services.AddAuthentication()
            .AddPolicyScheme(Schema, "Pagina's met een cookie, de API met een bearer-token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Path.StartsWithSegments(ApiConventies.Basispad) ? JwtBearerDefaults.AuthenticationScheme : Cookie)
            .AddCookie(Cookie, options =>
            {
                options.Cookie.Name = ontwikkeling ? "samenwerkingsafspraken.sessie" : "__Host-samenwerkingsafspraken.sessie";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = ontwikkeling ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = "/aanmelden";
                options.LogoutPath = "/afmelden";
                options.ReturnUrlParameter = "terugNaar";
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    // A page the role may not see: answer 403 in place, explained by the error page, not a redirect.
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                if (metOpenIdConnect) options.ForwardChallenge = OpenIdConnect;
            });

        if (metOpenIdConnect)
        {
            authentication.AddOpenIdConnect(OpenIdConnect, options =>
            {
                options.Authority = authority;
                options.ClientId = clientId;
                options.ClientSecret = oidc["ClientSecret"];
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                options.SignInScheme = Cookie;
                options.CallbackPath = "/aanmelden/terug";
                options.SignedOutCallbackPath = "/afmelden/terug";
                options.SignedOutRedirectUri = "/";
                options.MapInboundClaims = false;
                options.SaveTokens = false;
                options.GetClaimsFromUserInfoEndpoint = oidc.GetValue("ClaimsUitUserinfo", false);
                options.Scope.Clear();
                foreach (var scope in (oidc["Scopes"] ?? "openid profile").Split(' ', StringSplitOptions.RemoveEmptyEntries)) options.Scope.Add(scope);
                options.TokenValidationParameters.NameClaimType = Claimtypen.Subject;
                options.TokenValidationParameters.RoleClaimType = Claimtypen.Rol;

                // From the user info endpoint too: the same claims as a token (docs/authenticatie.md).
                options.ClaimActions.MapJsonKey(Claimtypen.Rol, Claimtypen.Rol);
                options.ClaimActions.MapJsonKey(Claimtypen.Regio, Claimtypen.Regio);
                foreach (var claim in new[] { Claimtypen.Kvk, Claimtypen.Oin, Claimtypen.Organisatie, Claimtypen.Naam })
                    options.ClaimActions.MapUniqueJsonKey(claim, claim);

                options.Events.OnTokenValidated = context =>
                {
                    var rol = context.Principal?.FindFirst(Claimtypen.Rol)?.Value;
                    if (rol is null || !Rollen.Alle.Contains(rol)) context.Fail("Het identiteitsbewijs noemt geen rol van dit register.");
                    return Task.CompletedTask;
                };
            });
        }

        return services;
    }

    /// <summary>The identity a cookie carries: the claims of an API token.</summary>
    public static ClaimsPrincipal Principal(IEnumerable<Claim> claims, string bron) =>
        new(new ClaimsIdentity(claims, bron, Claimtypen.Subject, Claimtypen.Rol));
}
