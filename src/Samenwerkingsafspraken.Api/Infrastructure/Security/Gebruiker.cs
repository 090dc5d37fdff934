using System.Security.Claims;

namespace Samenwerkingsafspraken.Infrastructure.Security;

public static class Rollen
{
    public const string Werkgever = "werkgever";
    public const string Regiopartij = "regiopartij";
    public const string Auditor = "auditor";
    public const string Beheerder = "beheerder";

    public static readonly IReadOnlyList<string> Alle = [Werkgever, Regiopartij, Auditor, Beheerder];
}

/// <summary>The claims this API reads from a bearer token: the contract with an identity provider (docs/authenticatie.md).</summary>
public static class Claimtypen
{
    public const string Rol = "role";
    public const string Kvk = "kvk";
    public const string Oin = "oin";
    public const string Regio = "regio";
    public const string Organisatie = "organisatie";
    public const string Subject = "sub";
    public const string Naam = "name";
}

/// <summary>Who is calling: a person acting for an organisation in one role.</summary>
public sealed record Gebruiker(string Id, string? Naam, string Rol, string? Kvk, string? Oin, IReadOnlySet<string> Regios, string? Organisatienaam)
{
    public bool IsWerkgever => Rol == Rollen.Werkgever;
    public bool IsRegiopartij => Rol == Rollen.Regiopartij;
    public bool IsAuditor => Rol == Rollen.Auditor;
    public bool IsBeheerder => Rol == Rollen.Beheerder;

    public bool IsWerkgeverVan(string kvkNummer) => IsWerkgever && Kvk == kvkNummer;

    public bool IsRegiopartijVan(string arbeidsmarktregio) => IsRegiopartij && Regios.Contains(arbeidsmarktregio);

    /// <summary>The organisation acted for: KvK-nummer for an employer, OIN for a public party, else its name.</summary>
    public string Organisatie => (IsWerkgever ? Kvk : Oin) ?? Oin ?? Kvk ?? Organisatienaam ?? "onbekend";

    /// <summary>
    /// Who a principal is. A validated token's principal is one object for every request that sends the token
    /// (<see cref="Tokencache"/>) and its claims do not change, so it is read once per principal.
    /// </summary>
    public static Gebruiker Van(ClaimsPrincipal principal) => Gelezen.GetValue(principal, Lees);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ClaimsPrincipal, Gebruiker> Gelezen = new();

    private static Gebruiker Lees(ClaimsPrincipal principal)
    {
        var rol = principal.FindFirst(Claimtypen.Rol)?.Value ?? principal.FindFirst(ClaimTypes.Role)?.Value ?? "";
        var id = principal.FindFirst(Claimtypen.Subject)?.Value ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "onbekend";
        var regios = principal.FindAll(Claimtypen.Regio).Select(c => c.Value.Trim().ToUpperInvariant()).ToHashSet();
        return new Gebruiker(id, principal.FindFirst(Claimtypen.Naam)?.Value, rol, principal.FindFirst(Claimtypen.Kvk)?.Value,
            principal.FindFirst(Claimtypen.Oin)?.Value, regios, principal.FindFirst(Claimtypen.Organisatie)?.Value);
    }

    /// <summary>The service itself, for what happens without anyone acting (an agreement that expires).</summary>
    public static readonly Gebruiker Systeem = new("systeem", "Samenwerkingsafspraken", "systeem", null, null, new HashSet<string>(), "Samenwerkingsafspraken");
}
