using System.Globalization;
using System.Text.Json;

namespace Samenwerkingsafspraken.Varianten;

/// <summary>Checks the parameters of a werkafspraak against its variant: every problem, with the parameter it concerns.</summary>
public static class Parametercontrole
{
    public sealed record Fout(string Parameter, string Code, string Reden);

    public static IReadOnlyList<Fout> Controleer(Variant variant, IReadOnlyDictionary<string, JsonElement>? parameters)
    {
        var fouten = new List<Fout>();
        parameters ??= new Dictionary<string, JsonElement>();

        foreach (var naam in parameters.Keys.Where(n => variant.Parameters.All(p => p.Naam != n)))
        {
            fouten.Add(new Fout(naam, "onbekende-parameter",
                $"Variant '{variant.Code}' kent geen parameter '{naam}'. Bekend: {string.Join(", ", variant.Parameters.Select(p => p.Naam))}."));
        }

        foreach (var parameter in variant.Parameters)
        {
            if (!parameters.TryGetValue(parameter.Naam, out var waarde) || waarde.ValueKind == JsonValueKind.Null)
            {
                if (parameter.Verplicht && parameter.Standaard is null)
                {
                    fouten.Add(new Fout(parameter.Naam, "verplicht", $"Parameter '{parameter.Naam}' is verplicht voor variant '{variant.Code}'."));
                }

                continue;
            }

            if (ControleerWaarde(parameter, waarde) is { } fout) fouten.Add(fout);
        }

        return fouten;
    }

    private static Fout? ControleerWaarde(VariantParameter p, JsonElement waarde)
    {
        switch (p.Type)
        {
            case Parametertype.GeheelGetal:
                if (waarde.ValueKind != JsonValueKind.Number || !waarde.TryGetInt64(out var geheel))
                    return new Fout(p.Naam, "verkeerd-type", $"'{p.Naam}' is een geheel getal.");
                return Bereik(p, geheel);
            case Parametertype.Decimaal:
                if (waarde.ValueKind != JsonValueKind.Number || !waarde.TryGetDecimal(out var getal))
                    return new Fout(p.Naam, "verkeerd-type", $"'{p.Naam}' is een getal.");
                return Bereik(p, getal);
            case Parametertype.Tekst:
                if (waarde.ValueKind != JsonValueKind.String) return new Fout(p.Naam, "verkeerd-type", $"'{p.Naam}' is tekst.");
                var tekst = waarde.GetString()!;
                if (string.IsNullOrWhiteSpace(tekst)) return new Fout(p.Naam, "verplicht", $"'{p.Naam}' is leeg.");
                var max = p.MaximaleLengte ?? 500;
                return tekst.Length > max ? new Fout(p.Naam, "te-lang", $"'{p.Naam}' is ten hoogste {max} tekens.") : null;
            case Parametertype.Keuze:
                if (waarde.ValueKind != JsonValueKind.String || !(p.Keuzes ?? []).Contains(waarde.GetString()!))
                    return new Fout(p.Naam, "onbekende-waarde", $"'{p.Naam}' is een van: {string.Join(", ", p.Keuzes ?? [])}.");
                return null;
            case Parametertype.JaNee:
                return waarde.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? null
                    : new Fout(p.Naam, "verkeerd-type", $"'{p.Naam}' is true of false.");
            case Parametertype.Datum:
                if (waarde.ValueKind != JsonValueKind.String || !DateOnly.TryParseExact(waarde.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum))
                    return new Fout(p.Naam, "verkeerd-type", $"'{p.Naam}' is een datum (JJJJ-MM-DD).");
                return Infrastructure.Datumvenster.Bevat(datum) ? null : new Fout(p.Naam, "buiten-venster", $"'{p.Naam}' ligt {Infrastructure.Datumvenster.Omschrijving}.");
            default:
                return null;
        }
    }

    private static Fout? Bereik(VariantParameter p, decimal waarde)
    {
        if (p.Minimum is { } min && waarde < min) return new Fout(p.Naam, "buiten-bereik", $"'{p.Naam}' is ten minste {min.ToString(CultureInfo.InvariantCulture)}.");
        if (p.Maximum is { } max && waarde > max) return new Fout(p.Naam, "buiten-bereik", $"'{p.Naam}' is ten hoogste {max.ToString(CultureInfo.InvariantCulture)}.");
        return null;
    }
}
