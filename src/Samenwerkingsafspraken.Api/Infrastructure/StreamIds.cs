using System.Security.Cryptography;
using System.Text;

namespace Samenwerkingsafspraken.Infrastructure;

/// <summary>
/// Name-based UUIDs (RFC 9562, version 5) for streams that have a natural key: a region by its CBS code, an
/// employer by its KvK-nummer, a variant by its code. The same key always gives the same stream, so a second
/// registration of the same key collides with the first instead of creating a twin.
/// </summary>
public static class StreamIds
{
    private static readonly Guid Namespace = new("6f1c3d2e-8a4b-5c7d-9e0f-1a2b3c4d5e6f");

    public static Guid Voor(string soort, string sleutel)
    {
        var name = Encoding.UTF8.GetBytes($"{soort}:{sleutel}");
        var ns = Namespace.ToByteArray(bigEndian: true);
        var hash = SHA1.HashData([.. ns, .. name]);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
