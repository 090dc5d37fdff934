using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Samenwerkingsafspraken.Infrastructure.Security;

/// <summary>
/// Bearer JWTs in the spirit of the NL GOV OAuth profile: a trusted issuer, the audience checked, RS256/PS256 only,
/// organisation claims (kvk, oin, regio) and a role. Configuration (section "Authenticatie"):
/// Authority (OpenID Connect metadata of the identity provider) or Issuer + SigningKeyFile (a PEM public key);
/// Audience; LocalIssuer=true for the offline development issuer.
/// </summary>
public static class Authentication
{
    public const string DefaultAudience = "samenwerkingsafspraken-api";

    public static IServiceCollection AddAuthenticatie(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Authenticatie");
        var audience = section["Audience"] ?? DefaultAudience;
        // The offline issuer exists in Development and Test only (Startcontrole refuses the setting elsewhere).
        var useLocalIssuer = Hosting.Omgevingen.IsLokaal(environment) && section.GetValue("LocalIssuer", environment.IsDevelopment());

        LocalIssuer? localIssuer = null;
        if (useLocalIssuer)
        {
            localIssuer = new LocalIssuer(section["LocalIssuerKeyFile"] ?? LocalIssuer.DefaultKeyFile);
            services.AddSingleton(localIssuer);
        }

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Audience = audience;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    ValidAudience = audience,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256],
                    RoleClaimType = Claimtypen.Rol,
                    NameClaimType = Claimtypen.Subject,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };

                if (localIssuer is not null)
                {
                    options.TokenValidationParameters.ValidIssuer = LocalIssuer.Issuer;
                    options.TokenValidationParameters.IssuerSigningKey = localIssuer.ValidationKey;
                }
                else if (section["Authority"] is { Length: > 0 } authority)
                {
                    options.Authority = authority;
                    options.TokenValidationParameters.ValidIssuer = section["Issuer"] ?? authority;
                }
                else
                {
                    var issuer = section["Issuer"] ?? throw new InvalidOperationException(
                        "Configure Authenticatie:Authority, or Authenticatie:Issuer with Authenticatie:SigningKeyFile, or Authenticatie:LocalIssuer=true.");
                    var keyFile = section["SigningKeyFile"] ?? throw new InvalidOperationException("Authenticatie:SigningKeyFile is not configured.");
                    var rsa = RSA.Create();
                    rsa.ImportFromPem(File.ReadAllText(keyFile));
                    options.TokenValidationParameters.ValidIssuer = issuer;
                    options.TokenValidationParameters.IssuerSigningKey = new RsaSecurityKey(rsa);
                }
            });

        services.AddAuthorization();

        return services;
    }
}
