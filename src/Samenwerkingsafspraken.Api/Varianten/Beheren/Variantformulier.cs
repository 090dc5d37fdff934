using System.Globalization;
using System.Text.Json;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;

namespace Samenwerkingsafspraken.Varianten.Beheren;

public sealed class Parameterrij
{
    public string? Naam { get; set; }
    public string? Type { get; set; }
    public bool Verplicht { get; set; }
    public string? Omschrijving { get; set; }
    public string? Minimum { get; set; }
    public string? Maximum { get; set; }
    public string? MaximaleLengte { get; set; }

    /// <summary>One choice per line.</summary>
    public string? Keuzes { get; set; }

    public string? Standaard { get; set; }
    public string? Eenheid { get; set; }
}

/// <summary>A variant's definition as the beheerder's form holds it; its fields named by the JSON paths of the API's request.</summary>
public sealed class Variantformulier
{
    public string? Code { get; set; }
    public string? Naam { get; set; }
    public string? Omschrijving { get; set; }
    public string? Pijler { get; set; }
    public List<Parameterrij> Parameters { get; set; } = [];

    public static Variantformulier Van(Variant v) => new()
    {
        Code = v.Code,
        Naam = v.Naam,
        Omschrijving = v.Omschrijving,
        Pijler = Tekst.Sleutel(v.Pijler),
        Parameters = v.Parameters.Select(p => new Parameterrij
        {
            Naam = p.Naam, Type = Tekst.Sleutel(p.Type), Verplicht = p.Verplicht, Omschrijving = p.Omschrijving,
            Minimum = p.Minimum is { } min ? Invoer.Getaltekst(min) : null, Maximum = p.Maximum is { } max ? Invoer.Getaltekst(max) : null,
            MaximaleLengte = p.MaximaleLengte?.ToString(CultureInfo.InvariantCulture), Keuzes = p.Keuzes is null ? null : string.Join("\n", p.Keuzes),
            Standaard = Invoer.AlsTekst(p.Standaard), Eenheid = p.Eenheid,
        }).ToList(),
    };

    public bool Bewerk(string? actie)
    {
        switch (actie)
        {
            case "parameter-toevoegen":
                Parameters.Add(new Parameterrij { Type = "geheelGetal" });
                return true;
            case { } a when a.StartsWith("parameter-verwijderen-", StringComparison.Ordinal):
                if (int.TryParse(a["parameter-verwijderen-".Length..], out var i) && i >= 0 && i < Parameters.Count) Parameters.RemoveAt(i);
                return true;
            default:
                return false;
        }
    }

    public (IReadOnlyList<VariantParameterVerzoek> Parameters, IReadOnlyList<OngeldigeParameter> Fouten) NaarParameters()
    {
        var invoer = new Invoer();
        var parameters = Parameters.Select((p, i) =>
        {
            var pad = $"parameters[{i}]";
            JsonElement? standaard = null;
            if (!string.IsNullOrWhiteSpace(p.Standaard))
            {
                standaard = Enum.TryParse<Parametertype>(p.Type, true, out var type)
                    ? invoer.Parameter($"{pad}.standaard", new VariantParameter(p.Naam ?? "standaard", type, false, "Standaardwaarde"), p.Standaard)
                    : JsonSerializer.SerializeToElement(p.Standaard.Trim());
            }

            return new VariantParameterVerzoek(
                Leeg(p.Naam), p.Type, p.Verplicht, Leeg(p.Omschrijving),
                invoer.Getal($"{pad}.minimum", p.Minimum, "Minimum"), invoer.Getal($"{pad}.maximum", p.Maximum, "Maximum"),
                invoer.GeheelGetal($"{pad}.maximaleLengte", p.MaximaleLengte, "Maximale lengte"),
                string.IsNullOrWhiteSpace(p.Keuzes) ? null : p.Keuzes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
                standaard, Leeg(p.Eenheid));
        }).ToList();
        return (parameters, invoer.Fouten);
    }

    public IEnumerable<Veld> Velden()
    {
        yield return new Veld("code", "Code", "Vul de code in, bijvoorbeeld externe-jobcoaching.");
        yield return new Veld("naam", "Naam", "Vul de naam in.");
        yield return new Veld("omschrijving", "Omschrijving", "Omschrijf de variant.");
        yield return new Veld("pijler", "Pijler", "Kies de pijler van Perspectief op Werk.");
        yield return new Veld("parameters", "Parameters");
        for (var i = 0; i < Parameters.Count; i++)
        {
            yield return new Veld($"parameters[{i}]", $"Parameter {i + 1}");
            yield return new Veld($"parameters[{i}].naam", "Naam", "Vul de naam van de parameter in (camelCase, bijvoorbeeld urenPerWeek).");
            yield return new Veld($"parameters[{i}].type", "Soort waarde");
            yield return new Veld($"parameters[{i}].omschrijving", "Omschrijving", "Omschrijf de parameter.");
            yield return new Veld($"parameters[{i}].minimum", "Minimum");
            yield return new Veld($"parameters[{i}].maximum", "Maximum");
            yield return new Veld($"parameters[{i}].maximaleLengte", "Maximale lengte");
            yield return new Veld($"parameters[{i}].keuzes", "Keuzes");
            yield return new Veld($"parameters[{i}].standaard", "Standaardwaarde");
            yield return new Veld($"parameters[{i}].eenheid", "Eenheid");
        }
    }

    public static IReadOnlyList<Optie> Pijlers { get; } =
    [
        new("aanbod", "Aanbod: de werkzoekende"), new("vraag", "Vraag: de werkgever en het werk"), new("route", "Route: de weg naar en in werk"),
        new("scholing", "Scholing: leren en ontwikkelen"),
    ];

    public static IReadOnlyList<Optie> Typen { get; } =
    [
        new("geheelGetal", "Geheel getal"), new("decimaal", "Getal met decimalen"), new("tekst", "Tekst"), new("keuze", "Keuze uit een lijst"),
        new("jaNee", "Ja of nee"), new("datum", "Datum"),
    ];

    private static string? Leeg(string? tekst) => string.IsNullOrWhiteSpace(tekst) ? null : tekst.Trim();
}
