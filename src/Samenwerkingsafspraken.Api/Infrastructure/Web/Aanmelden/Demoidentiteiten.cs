using System.Security.Claims;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.Infrastructure.Web.Aanmelden;

/// <summary>A made-up person of a made-up (or well-known) organisation, to try every role in Development.</summary>
public sealed record Demoidentiteit(string Id, string Rol, string Persoon, string Organisatie, string? Kvk = null, string? Oin = null,
    IReadOnlyList<string>? Regios = null)
{
    /// <summary>The claims of an API token for this person (docs/authenticatie.md).</summary>
    public IEnumerable<Claim> Claims()
    {
        yield return new Claim(Claimtypen.Subject, $"demo-{Id}");
        yield return new Claim(Claimtypen.Rol, Rol);
        yield return new Claim(Claimtypen.Naam, Persoon);
        if (Kvk is not null) yield return new Claim(Claimtypen.Kvk, Kvk);
        if (Oin is not null) yield return new Claim(Claimtypen.Oin, Oin);
        if (Rol is Rollen.Auditor or Rollen.Beheerder || Oin is not null) yield return new Claim(Claimtypen.Organisatie, Organisatie);
        foreach (var regio in Regios ?? []) yield return new Claim(Claimtypen.Regio, regio);
    }
}

/// <summary>
/// The identities the demo sign-in offers: public parties of a few regions, employers by KvK-nummer, an SLW and a
/// DNZ auditor, the beheerder. Only in Development and the test host; never where OpenID Connect signs people in.
/// </summary>
public static class Demoidentiteiten
{
    public static readonly IReadOnlyList<Demoidentiteit> Alle =
    [
        new("gemeente-groningen", Rollen.Regiopartij, "Accountmanager werkgeversdienstverlening", "Gemeente Groningen", Oin: "00000001001589623000", Regios: ["AM01"]),
        new("uwv-groningen", Rollen.Regiopartij, "Adviseur werkgeversdienstverlening", "UWV Groningen", Oin: "00000001003214345000", Regios: ["AM01"]),
        new("gemeente-leeuwarden", Rollen.Regiopartij, "Accountmanager Werkgeversservicepunt Fryslân", "Gemeente Leeuwarden", Oin: "00000001001563891000", Regios: ["AM02"]),
        new("gemeente-assen", Rollen.Regiopartij, "Accountmanager Werkplein Drentsche Aa", "Gemeente Assen", Oin: "00000001001598377000", Regios: ["AM03"]),
        new("gemeente-utrecht", Rollen.Regiopartij, "Accountmanager Werkgeversservicepunt Midden-Utrecht", "Gemeente Utrecht", Oin: "00000001002220647000", Regios: ["AM13"]),
        new("werkgever-bouwbedrijf-noord", Rollen.Werkgever, "HR-adviseur", "Bouwbedrijf Noord B.V.", Kvk: "01234567"),
        new("werkgever-zorggroep-oost", Rollen.Werkgever, "Manager inclusie", "Zorggroep Oost", Kvk: "76543210"),
        new("werkgever-supermarkten", Rollen.Werkgever, "Coördinator inclusief werkgeverschap", "Landelijke Supermarkten N.V.", Kvk: "11223344"),
        new("auditor-slw", Rollen.Auditor, "Auditor", "SLW"),
        new("auditor-dnz", Rollen.Auditor, "Auditor", "DNZ"),
        new("beheerder", Rollen.Beheerder, "Functioneel beheerder", "Beheer Samenwerkingsafspraken"),
    ];

    public static Demoidentiteit? Vind(string? id) => Alle.FirstOrDefault(i => i.Id == id);
}
