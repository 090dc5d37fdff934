using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Samenwerkingsafspraken.Infrastructure.Security;

/// <summary>
/// Remembers bearer tokens that passed validation, until they expire: a client sends the same token with every
/// request for its lifetime, and checking its RSA signature again each time was a large share of a lookup's CPU.
/// Only a token that JwtBearer itself validated is remembered, keyed by the exact token text, and never past its own
/// expiry, so nothing is accepted that validation would refuse (a JWT cannot be revoked before it expires either).
/// </summary>
public sealed class Tokencache(TimeProvider tijd)
{
    private const int Maximum = 10_000;
    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTimeOffset GeldigTot)> _tokens = new(StringComparer.Ordinal);

    public bool Probeer(string token, out ClaimsPrincipal principal)
    {
        if (_tokens.TryGetValue(token, out var bekend) && tijd.GetUtcNow() < bekend.GeldigTot)
        {
            principal = bekend.Principal;
            return true;
        }

        principal = null!;
        return false;
    }

    public void Onthoud(string token, ClaimsPrincipal principal, DateTimeOffset geldigTot)
    {
        // A crude bound: at the limit start afresh; the next requests validate their tokens once more.
        if (_tokens.Count >= Maximum) _tokens.Clear();
        _tokens[token] = (principal, geldigTot);
    }
}

public static class TokencacheRegistratie
{
    public static IServiceCollection AddTokencache(this IServiceCollection services)
    {
        services.AddSingleton(services => new Tokencache(TimeProvider.System));
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).PostConfigure<Tokencache>((options, cache) =>
        {
            options.Events ??= new JwtBearerEvents();
            var ontvangen = options.Events.OnMessageReceived;
            var gevalideerd = options.Events.OnTokenValidated;
            options.Events.OnMessageReceived = async context =>
            {
                await ontvangen(context);
                if (context.Result is not null) return;
                var token = context.Token ?? Bearer(context.Request.Headers.Authorization.ToString());
                if (token is not null && cache.Probeer(token, out var principal))
                {
                    context.Principal = principal;
                    context.Success();
                }
            };
            options.Events.OnTokenValidated = async context =>
            {
                await gevalideerd(context);
                if (context.Result is { Succeeded: false }) return;
                if (Bearer(context.Request.Headers.Authorization.ToString()) is { } token && context.Principal is { } principal)
                {
                    cache.Onthoud(token, principal, new DateTimeOffset(context.SecurityToken.ValidTo, TimeSpan.Zero));
                }
            };
        });
        return services;
    }

    private static string? Bearer(string header) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
}
