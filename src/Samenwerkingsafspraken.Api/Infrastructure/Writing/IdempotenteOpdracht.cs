using System.Security.Cryptography;
using System.Text;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.Infrastructure.Writing;

/// <summary>A remembered answer to a write with an idempotency key, stored in the same transaction as its events.</summary>
public sealed class IdempotenteOpdracht
{
    public string Id { get; set; } = "";
    public string Vingerafdruk { get; set; } = "";
    public int Status { get; set; }
    public string? Locatie { get; set; }
    public long Versie { get; set; }
    public string Body { get; set; } = "";
    public DateTimeOffset Tijdstip { get; set; }

    /// <summary>Keys are scoped to the caller: two organisations that happen to choose the same key never meet.</summary>
    public static string IdVoor(Gebruiker gebruiker, string sleutel) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{gebruiker.Rol}|{gebruiker.Organisatie}|{gebruiker.Id}|{sleutel}")));
}

/// <summary>The event metadata headers: who acted, for which organisation, and why.</summary>
public static class Metadata
{
    public const string Rol = "rol";
    public const string Organisatie = "organisatie";
    public const string Naam = "naam";
    public const string Reden = "reden";
}

public static class ETag
{
    public static string Van(long versie) => $"\"{versie}\"";

    /// <summary>
    /// The version an entity tag names: "3", or "3-9f2c…" for a representation that also shows what other streams hold
    /// (a region with its gemeenten), where the part after the dash is a hash of the representation. A write checks the
    /// version of every stream it touches itself, so the number is what If-Match compares.
    /// </summary>
    public static bool TryVersie(string tag, out long versie)
    {
        var inhoud = tag.Trim('"');
        var streep = inhoud.IndexOf('-');
        if (streep > 0 && (streep == inhoud.Length - 1 || !inhoud[(streep + 1)..].All(char.IsAsciiHexDigitLower))) { versie = 0; return false; }
        return long.TryParse(streep > 0 ? inhoud[..streep] : inhoud, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out versie);
    }
}
