using System.Globalization;
using System.Text.Json;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Varianten;

namespace Samenwerkingsafspraken.Infrastructure.Web.Formulieren;

/// <summary>
/// What a person types, read as the API's values: numbers with a decimal comma or point, dates as the date field
/// sends them (JJJJ-MM-DD) or as people write them (d-m-jjjj). Text that is no number or date becomes a problem of
/// the form's own, named by the field's JSON path, so that it stands beside the field like the command's problems.
/// </summary>
public sealed class Invoer
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    private readonly List<OngeldigeParameter> _fouten = [];

    public IReadOnlyList<OngeldigeParameter> Fouten => _fouten;

    public int? GeheelGetal(string pad, string? tekst, string label)
    {
        if (string.IsNullOrWhiteSpace(tekst)) return null;
        if (int.TryParse(tekst.Trim().Replace(".", "").Replace(" ", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var getal)) return getal;
        _fouten.Add(new OngeldigeParameter(pad, "geen-getal", $"{label}: vul een geheel getal in, bijvoorbeeld 12."));
        return null;
    }

    public decimal? Getal(string pad, string? tekst, string label)
    {
        if (string.IsNullOrWhiteSpace(tekst)) return null;
        if (LeesGetal(tekst) is { } getal) return getal;
        _fouten.Add(new OngeldigeParameter(pad, "geen-getal", $"{label}: vul een getal in, bijvoorbeeld 2,5."));
        return null;
    }

    public DateOnly? Datum(string pad, string? tekst, string label)
    {
        if (string.IsNullOrWhiteSpace(tekst)) return null;
        if (LeesDatum(tekst) is { } datum) return datum;
        _fouten.Add(new OngeldigeParameter(pad, "geen-datum", $"{label}: vul een datum in, bijvoorbeeld 31-12-2026."));
        return null;
    }

    /// <summary>
    /// A parameter of a variant as its JSON value: nothing when left empty (its standard value applies), the text
    /// itself when it is not of the parameter's type (the catalogue check then names it too).
    /// </summary>
    public JsonElement? Parameter(string pad, VariantParameter parameter, string? tekst)
    {
        if (string.IsNullOrWhiteSpace(tekst)) return null;
        var waarde = tekst.Trim();
        var label = Parameterlabel(parameter);
        switch (parameter.Type)
        {
            case Parametertype.GeheelGetal:
                if (long.TryParse(waarde.Replace(".", "").Replace(" ", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var geheel))
                    return JsonSerializer.SerializeToElement(geheel);
                _fouten.Add(new OngeldigeParameter(pad, "geen-getal", $"{label}: vul een geheel getal in."));
                return JsonSerializer.SerializeToElement(waarde);
            case Parametertype.Decimaal:
                if (LeesGetal(waarde) is { } getal) return JsonSerializer.SerializeToElement(getal);
                _fouten.Add(new OngeldigeParameter(pad, "geen-getal", $"{label}: vul een getal in, bijvoorbeeld 2,5."));
                return JsonSerializer.SerializeToElement(waarde);
            case Parametertype.JaNee:
                return waarde switch
                {
                    "true" or "ja" => JsonSerializer.SerializeToElement(true),
                    "false" or "nee" => JsonSerializer.SerializeToElement(false),
                    _ => JsonSerializer.SerializeToElement(waarde),
                };
            case Parametertype.Datum:
                if (LeesDatum(waarde) is { } datum) return JsonSerializer.SerializeToElement(datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                _fouten.Add(new OngeldigeParameter(pad, "geen-datum", $"{label}: vul een datum in, bijvoorbeeld 31-12-2026."));
                return JsonSerializer.SerializeToElement(waarde);
            default:
                return JsonSerializer.SerializeToElement(waarde);
        }
    }

    public void Fout(string pad, string code, string tekst) => _fouten.Add(new OngeldigeParameter(pad, code, tekst));

    /// <summary>A parameter's value as the form shows it: numbers with a decimal comma, yes/no as the radio buttons' values.</summary>
    public static string? AlsTekst(JsonElement? waarde) => waarde switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } w => w.GetString(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        { ValueKind: JsonValueKind.Number } w => w.TryGetDecimal(out var d) ? d.ToString("0.##########", Nl) : w.GetRawText(),
        { } w => w.GetRawText(),
    };

    public static string Getaltekst(decimal getal) => getal.ToString("0.##########", Nl);

    public static string Datumtekst(DateOnly datum) => datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The label of a parameter's field: its description without the closing full stop, with its unit.</summary>
    public static string Parameterlabel(VariantParameter parameter) =>
        parameter.Omschrijving.TrimEnd('.') + (parameter.Eenheid is { } eenheid ? $" ({eenheid})" : "");

    private static decimal? LeesGetal(string tekst)
    {
        var schoon = tekst.Trim().Replace(" ", "");
        if (schoon.Contains(',') && schoon.Contains('.')) schoon = schoon.Replace(".", "");
        schoon = schoon.Replace(',', '.');
        return decimal.TryParse(schoon, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var getal)
            ? getal
            : null;
    }

    private static DateOnly? LeesDatum(string tekst)
    {
        string[] formaten = ["yyyy-MM-dd", "d-M-yyyy", "d/M/yyyy", "d.M.yyyy"];
        return DateOnly.TryParseExact(tekst.Trim(), formaten, CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum) ? datum : null;
    }
}
