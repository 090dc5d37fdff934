using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Samenwerkingsafspraken.Infrastructure.Security;

/// <summary>
/// The development token issuer: an RSA key kept in the ignored .local folder, so that tokens for every role can be
/// minted offline (the <c>token</c> command) and checked exactly as in production (RS256, issuer, audience).
/// </summary>
public sealed class LocalIssuer
{
    public const string Issuer = "urn:samenwerkingsafspraken:ontwikkeling";

    private readonly RsaSecurityKey _key;

    public LocalIssuer(string keyFile)
    {
        KeyFile = Path.GetFullPath(keyFile);
        var rsa = RSA.Create();
        if (File.Exists(KeyFile))
        {
            rsa.ImportFromPem(File.ReadAllText(KeyFile));
        }
        else
        {
            rsa.KeySize = 2048;
            Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
            var pem = rsa.ExportRSAPrivateKeyPem();
            var temporary = KeyFile + "." + Guid.NewGuid().ToString("N");
            File.WriteAllText(temporary, pem);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try
            {
                File.Move(temporary, KeyFile);
            }
            catch (IOException)
            {
                // Another process created it first: use theirs.
                File.Delete(temporary);
                rsa.ImportFromPem(File.ReadAllText(KeyFile));
            }
        }

        _key = new RsaSecurityKey(rsa) { KeyId = "ontwikkeling" };
    }

    public string KeyFile { get; }

    public SecurityKey ValidationKey => _key;

    public static string DefaultKeyFile => Path.Combine(Persistence.RepositoryPaths.LocalFolder, "ontwikkel-uitgever", "sleutel.pem");

    public string Mint(string audience, string rol, string subject, string? kvk = null, string? oin = null,
        IEnumerable<string>? regios = null, string? naam = null, string? organisatie = null, TimeSpan? lifetime = null)
    {
        var claims = new List<Claim> { new(Claimtypen.Subject, subject), new(Claimtypen.Rol, rol) };
        if (naam is not null) claims.Add(new Claim(Claimtypen.Naam, naam));
        if (kvk is not null) claims.Add(new Claim(Claimtypen.Kvk, kvk));
        if (oin is not null) claims.Add(new Claim(Claimtypen.Oin, oin));
        if (organisatie is not null) claims.Add(new Claim(Claimtypen.Organisatie, organisatie));
        claims.AddRange((regios ?? []).Select(r => new Claim(Claimtypen.Regio, r)));

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddSeconds(-5),
            IssuedAt = now,
            Expires = now.Add(lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }
}
