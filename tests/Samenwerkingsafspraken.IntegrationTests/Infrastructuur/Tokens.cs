using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

/// <summary>Bearer tokens for each role, signed by the test run's local issuer.</summary>
public sealed class Tokens(LocalIssuer uitgever)
{
    private const string Audience = Authentication.DefaultAudience;

    public string Werkgever(string kvk = Testdata.Kvk) => uitgever.Mint(Audience, Rollen.Werkgever, $"werkgever-{kvk}", kvk: kvk, naam: "HR-adviseur");

    public string Regiopartij(string oin = Testdata.GemeenteGroningen, params string[] regios) =>
        uitgever.Mint(Audience, Rollen.Regiopartij, $"regiopartij-{oin}", oin: oin, regios: regios.Length == 0 ? [Testdata.Groningen] : regios,
            naam: "Accountmanager");

    public string Auditor(string organisatie = "SLW") =>
        uitgever.Mint(Audience, Rollen.Auditor, $"auditor-{organisatie.ToLowerInvariant()}", organisatie: organisatie, naam: $"Auditor {organisatie}");

    public string Beheerder() => uitgever.Mint(Audience, Rollen.Beheerder, "beheerder", organisatie: "Beheer", naam: "Beheerder");

    public string Met(string rol, string? kvk = null, string? oin = null, params string[] regios) =>
        uitgever.Mint(Audience, rol, $"{rol}-test", kvk: kvk, oin: oin, regios: regios);

    /// <summary>
    /// A validly signed token with exactly these claims (a claim with several values is repeated): what an identity
    /// provider that is misconfigured, or an attacker with a stolen signing right, could send.
    /// </summary>
    public string MetClaims(params (string Type, string Waarde)[] claims)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = LocalIssuer.Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Waarde))),
            NotBefore = now.AddSeconds(-5),
            IssuedAt = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(uitgever.ValidationKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
