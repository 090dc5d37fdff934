using System.Text.Json;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Varianten;
using Samenwerkingsafspraken.Werkgevers;

namespace Samenwerkingsafspraken.Tests;

/// <summary>The shipped reference data, in memory: what the decide functions are checked against, without a database.</summary>
public static class Testkader
{
    public static readonly DateTimeOffset Nu = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);

    public static readonly Werkgever Bouwbedrijf = Samenwerkingsafspraken.Werkgevers.Werkgever.Evolueer(null,
        new WerkgeverGeregistreerd(Samenwerkingsafspraken.Werkgevers.Werkgever.StreamId("01234567"), "01234567", "Bouwbedrijf Noord B.V.", "bouw", Werkgeversoort.Privaat, [], [], Nu), 1);

    public static Referentiekader Kader(Werkgever? werkgever = null) => new(
        ReferentiedataImport.LeesRegios().ToDictionary(r => r.Code, r => Arbeidsmarktregio.Evolueer(null,
            new ArbeidsmarktregioVastgesteld(Arbeidsmarktregio.StreamId(r.Code), r.Code, r.Naam, ReferentiedataImport.RegiosGeldigVanaf, [], null), 1)),
        ReferentiedataImport.LeesVarianten().ToDictionary(v => v.Code, v => Variant.Evolueer(null,
            new VariantToegevoegd(Variant.StreamId(v.Code), v.Code, v.Naam, v.Omschrijving, v.Pijler, v.Parameters, Nu), 1)),
        werkgever ?? Bouwbedrijf);

    public static Gebruiker Regiopartij(string oin = "00000001001589623000", params string[] regios) =>
        new($"regiopartij-{oin}", "Accountmanager", Rollen.Regiopartij, null, oin, (regios.Length == 0 ? ["AM01"] : regios).ToHashSet(), null);

    public static Gebruiker Werkgever(string kvk = "01234567") =>
        new($"werkgever-{kvk}", "HR", Rollen.Werkgever, kvk, null, new HashSet<string>(), null);

    public static Gebruiker Auditor() => new("auditor", "Auditor", Rollen.Auditor, null, null, new HashSet<string>(), "SLW");

    public static Gebruiker Beheerder() => new("beheerder", "Beheerder", Rollen.Beheerder, null, null, new HashSet<string>(), "Beheer");

    public static JsonElement Json<T>(T waarde) => JsonSerializer.SerializeToElement(waarde);
}
