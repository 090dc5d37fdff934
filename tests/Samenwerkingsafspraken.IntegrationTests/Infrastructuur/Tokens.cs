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

    public string Auditor() => uitgever.Mint(Audience, Rollen.Auditor, "auditor-slw", organisatie: "SLW", naam: "Auditor SLW");

    public string Beheerder() => uitgever.Mint(Audience, Rollen.Beheerder, "beheerder", organisatie: "Beheer", naam: "Beheerder");

    public string Met(string rol, string? kvk = null, string? oin = null, params string[] regios) =>
        uitgever.Mint(Audience, rol, $"{rol}-test", kvk: kvk, oin: oin, regios: regios);
}
