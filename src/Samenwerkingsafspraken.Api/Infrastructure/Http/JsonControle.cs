using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Samenwerkingsafspraken.Infrastructure.Http;

/// <summary>
/// Checks a JSON body against the request type it will be read into, before it is: every key once (also when spelled
/// with other capitals, which the reader would take as the same), no unknown keys, every value of the type its field
/// has (numbers as JSON numbers, within range), every date in the window, every text by <see cref="Tekstregels"/>.
/// Collects every problem, with its JSON path and a Dutch reason that names no .NET type.
/// </summary>
public sealed class JsonControle(JsonSerializerOptions options)
{
    private readonly List<OngeldigeParameter> _fouten = [];
    private readonly HashSet<OngeldigeParameter> _aanValidator = [];

    public IReadOnlyList<OngeldigeParameter> Fouten => _fouten;

    /// <summary>
    /// Whether every problem found is a text that is only too long, in a field whose validator checks the same limit:
    /// the edge then leaves them to the validator, which reports them with every other problem of the request at once.
    /// </summary>
    public bool AllesAanValidator => _fouten.Count > 0 && _fouten.All(_aanValidator.Contains);

    /// <summary>Whether a text is not in NFC: the body is then rewritten with the normalised text.</summary>
    public bool MoetNormaliseren { get; private set; }

    public void Controleer(JsonElement lichaam, Type type)
    {
        if (lichaam.ValueKind == JsonValueKind.Null)
        {
            Fout("body", "verplicht", "Het verzoek heeft geen inhoud: stuur een JSON-object.");
            return;
        }

        Waarde(lichaam, type, "", "body", Tekstsoort.Veld("body", null));
    }

    private void Waarde(JsonElement waarde, Type type, string pad, string naam, Tekstsoort tekst)
    {
        var onderliggend = Nullable.GetUnderlyingType(type);
        if (waarde.ValueKind == JsonValueKind.Null)
        {
            if (type.IsValueType && onderliggend is null) Fout(naam, "verplicht", $"'{naam}' mag niet leeg (null) zijn.");
            return;
        }

        type = onderliggend ?? type;
        if (type == typeof(JsonElement))
        {
            Vrij(waarde, pad, naam);
            return;
        }

        if (type == typeof(string))
        {
            if (waarde.ValueKind != JsonValueKind.String) VerkeerdType(naam, "tekst (tussen aanhalingstekens)", waarde);
            else Tekst(waarde.GetString()!, naam, tekst);
            return;
        }

        if (type == typeof(bool))
        {
            if (waarde.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) VerkeerdType(naam, "true of false", waarde);
            return;
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            var (min, max) = type == typeof(int) ? (int.MinValue, int.MaxValue) : type == typeof(short) ? (short.MinValue, short.MaxValue) : (long.MinValue, long.MaxValue);
            if (waarde.ValueKind != JsonValueKind.Number) VerkeerdType(naam, "een geheel getal (zonder aanhalingstekens)", waarde);
            else if (!waarde.TryGetInt64(out var geheel))
            {
                if (waarde.TryGetDecimal(out var d) && d != decimal.Truncate(d)) Fout(naam, "verkeerd-type", $"'{naam}' is een geheel getal, zonder decimalen.");
                else Fout(naam, "buiten-bereik", $"'{naam}' is een geheel getal van {min.ToString(CultureInfo.InvariantCulture)} tot en met {max.ToString(CultureInfo.InvariantCulture)}.");
            }
            else if (geheel < min || geheel > max)
                Fout(naam, "buiten-bereik", $"'{naam}' is een geheel getal van {min.ToString(CultureInfo.InvariantCulture)} tot en met {max.ToString(CultureInfo.InvariantCulture)}.");
            return;
        }

        if (type == typeof(decimal) || type == typeof(double))
        {
            if (waarde.ValueKind != JsonValueKind.Number) VerkeerdType(naam, "een getal (zonder aanhalingstekens)", waarde);
            else if (!waarde.TryGetDecimal(out _)) Fout(naam, "buiten-bereik", $"'{naam}' is een getal dat te groot of te precies is om te bewaren.");
            return;
        }

        if (type == typeof(DateOnly))
        {
            if (waarde.ValueKind != JsonValueKind.String) VerkeerdType(naam, "een datum als tekst (JJJJ-MM-DD)", waarde);
            else if (Datumvenster.Lees(naam, waarde.GetString(), out _) is { } datumfout) _fouten.Add(datumfout);
            return;
        }

        if (type == typeof(Guid))
        {
            if (waarde.ValueKind != JsonValueKind.String || !Guid.TryParseExact(waarde.GetString(), "D", out _))
                Fout(naam, "verkeerd-type", $"'{naam}' is een UUID als tekst, bijvoorbeeld \"0196a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\".");
            return;
        }

        var info = options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                Object(waarde, info, pad, naam);
                return;
            case JsonTypeInfoKind.Dictionary:
                Woordenboek(waarde, info, pad, naam);
                return;
            case JsonTypeInfoKind.Enumerable:
                if (waarde.ValueKind != JsonValueKind.Array)
                {
                    VerkeerdType(naam, "een lijst ([…])", waarde);
                    return;
                }

                var i = 0;
                foreach (var item in waarde.EnumerateArray())
                {
                    var itempad = $"{pad}[{i++}]";
                    Waarde(item, info.ElementType!, itempad, itempad, tekst);
                }

                return;
            default:
                if (type.IsEnum)
                {
                    if (waarde.ValueKind != JsonValueKind.String) VerkeerdType(naam, "een waarde als tekst", waarde);
                    else Tekst(waarde.GetString()!, naam, tekst);
                    return;
                }

                throw new InvalidOperationException($"No JSON rule for {type} at {naam}.");
        }
    }

    private void Object(JsonElement waarde, JsonTypeInfo info, string pad, string naam)
    {
        if (waarde.ValueKind != JsonValueKind.Object)
        {
            VerkeerdType(naam, "een object ({…})", waarde);
            return;
        }

        var gezien = new HashSet<JsonPropertyInfo>();
        foreach (var eigenschap in waarde.EnumerateObject())
        {
            var veldpad = pad.Length == 0 ? eigenschap.Name : $"{pad}.{eigenschap.Name}";
            var veld = info.Properties.FirstOrDefault(p => string.Equals(p.Name, eigenschap.Name,
                options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
            if (veld is null)
            {
                if (Tekstregels.Controleer("sleutel", eigenschap.Name, false, Tekstregels.Standaardgrens) is not null)
                    Fout(pad.Length == 0 ? "body" : pad, "ongeldig-teken", "Een sleutel bevat tekens die niet zijn toegestaan.");
                else Fout(veldpad, "onbekend-veld", $"'{eigenschap.Name}' is geen veld van dit verzoek.");
                continue;
            }

            var bekendPad = pad.Length == 0 ? veld.Name : $"{pad}.{veld.Name}";
            if (!gezien.Add(veld))
            {
                Fout(bekendPad, "dubbele-sleutel", $"'{veld.Name}' komt meer dan één keer voor in hetzelfde object; noem elk veld één keer.");
                continue;
            }

            Waarde(eigenschap.Value, veld.PropertyType, bekendPad, bekendPad, Tekstsoort.Veld(veld.Name, info.Type));
        }
    }

    private void Woordenboek(JsonElement waarde, JsonTypeInfo info, string pad, string naam)
    {
        if (waarde.ValueKind != JsonValueKind.Object)
        {
            VerkeerdType(naam, "een object ({…})", waarde);
            return;
        }

        var gezien = new HashSet<string>(StringComparer.Ordinal);
        foreach (var eigenschap in waarde.EnumerateObject())
        {
            if (Sleutel(eigenschap.Name, naam) is false) continue;
            var veldpad = $"{pad}.{eigenschap.Name}";
            if (!gezien.Add(Tekstregels.Normaliseer(eigenschap.Name)))
            {
                Fout(veldpad, "dubbele-sleutel", $"'{eigenschap.Name}' komt meer dan één keer voor in hetzelfde object; noem elke sleutel één keer.");
                continue;
            }

            Waarde(eigenschap.Value, info.ElementType!, veldpad, veldpad, Tekstsoort.Parameter);
        }
    }

    /// <summary>Free JSON (a parameter's value): any shape, but every key once and every text by the rules.</summary>
    private void Vrij(JsonElement waarde, string pad, string naam)
    {
        switch (waarde.ValueKind)
        {
            case JsonValueKind.String:
                Tekst(waarde.GetString()!, naam, Tekstsoort.Parameter);
                break;
            case JsonValueKind.Number:
                if (!waarde.TryGetDecimal(out _)) Fout(naam, "buiten-bereik", $"'{naam}' is een getal dat te groot of te precies is om te bewaren.");
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in waarde.EnumerateArray())
                {
                    var itempad = $"{pad}[{i++}]";
                    Vrij(item, itempad, itempad);
                }

                break;
            case JsonValueKind.Object:
                var gezien = new HashSet<string>(StringComparer.Ordinal);
                foreach (var eigenschap in waarde.EnumerateObject())
                {
                    if (Sleutel(eigenschap.Name, naam) is false) continue;
                    var veldpad = $"{pad}.{eigenschap.Name}";
                    if (!gezien.Add(Tekstregels.Normaliseer(eigenschap.Name)))
                    {
                        Fout(veldpad, "dubbele-sleutel", $"'{eigenschap.Name}' komt meer dan één keer voor in hetzelfde object; noem elke sleutel één keer.");
                        continue;
                    }

                    Vrij(eigenschap.Value, veldpad, veldpad);
                }

                break;
        }
    }

    private bool Sleutel(string sleutel, string naam)
    {
        if (Tekstregels.Controleer(naam, sleutel, false, Tekstregels.Standaardgrens) is { } fout)
        {
            Fout(naam, fout.Code, fout.Code == "te-lang"
                ? $"Een sleutel in '{naam}' is ten hoogste {Tekstregels.Standaardgrens} tekens."
                : $"Een sleutel in '{naam}' bevat tekens die niet zijn toegestaan (stuur- of richtingstekens).");
            return false;
        }

        if (!sleutel.IsNormalized(NormalizationForm.FormC)) MoetNormaliseren = true;
        return true;
    }

    private void Tekst(string tekst, string naam, Tekstsoort soort)
    {
        if (Tekstregels.Controleer(naam, tekst, soort.Meerregelig, soort.Grens) is { } fout)
        {
            _fouten.Add(fout);
            if (fout.Code == "te-lang" && soort.Eigenaar is { } eigenaar
                && Validatieregister.Maximumlengte(eigenaar, soort.Veldnaam) is { } eigen && eigen <= soort.Grens)
            {
                _aanValidator.Add(fout);
            }

            return;
        }

        if (!tekst.IsNormalized(NormalizationForm.FormC)) MoetNormaliseren = true;
    }

    private void VerkeerdType(string naam, string verwacht, JsonElement waarde) =>
        Fout(naam, "verkeerd-type", $"'{naam}' is {verwacht}, geen {Soort(waarde)}.");

    private static string Soort(JsonElement waarde) => waarde.ValueKind switch
    {
        JsonValueKind.String => "tekst",
        JsonValueKind.Number => "getal",
        JsonValueKind.True or JsonValueKind.False => "true of false",
        JsonValueKind.Array => "lijst",
        JsonValueKind.Object => "object",
        _ => "null",
    };

    private void Fout(string naam, string code, string reden)
    {
        if (_fouten.Count < 100) _fouten.Add(new OngeldigeParameter(naam, code, reden));
    }

    /// <summary>The body again, with every text and key in NFC; numbers, order and everything else as sent.</summary>
    public static byte[] Genormaliseerd(JsonElement lichaam)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var schrijver = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Schrijf(lichaam, schrijver);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Schrijf(JsonElement waarde, Utf8JsonWriter schrijver)
    {
        switch (waarde.ValueKind)
        {
            case JsonValueKind.Object:
                schrijver.WriteStartObject();
                foreach (var eigenschap in waarde.EnumerateObject())
                {
                    schrijver.WritePropertyName(Tekstregels.Normaliseer(eigenschap.Name));
                    Schrijf(eigenschap.Value, schrijver);
                }

                schrijver.WriteEndObject();
                break;
            case JsonValueKind.Array:
                schrijver.WriteStartArray();
                foreach (var item in waarde.EnumerateArray()) Schrijf(item, schrijver);
                schrijver.WriteEndArray();
                break;
            case JsonValueKind.String:
                schrijver.WriteStringValue(Tekstregels.Normaliseer(waarde.GetString()!));
                break;
            default:
                schrijver.WriteRawValue(waarde.GetRawText(), skipInputValidation: true);
                break;
        }
    }

    /// <summary>The rules for a text, and the field and request type it belongs to (for the validator that checks it too).</summary>
    private sealed record Tekstsoort(bool Meerregelig, int Grens, Type? Eigenaar, string Veldnaam)
    {
        public static Tekstsoort Veld(string naam, Type? eigenaar) => new(Tekstregels.Meerregelig.Contains(naam), Tekstregels.Grens(naam), eigenaar, naam);

        public static readonly Tekstsoort Parameter = new(false, Tekstregels.Parametergrens, null, "");
    }
}
