using System.Text;

namespace Samenwerkingsafspraken.Infrastructure.Http;

/// <summary>
/// The rules every text a client sends must follow, whatever field it is in: no C0 or C1 control characters (tab and
/// line breaks only in fields of several lines), no bidi overrides, embeddings, isolates or marks (a title must not
/// display differently from what it holds), no lone surrogates (not storable), a length limit per field; what passes
/// is stored in Unicode NFC, so that equal texts are equal.
/// </summary>
public static class Tekstregels
{
    /// <summary>Fields whose words may run over several lines: tailoring, explanations, lessons, reasons, descriptions.</summary>
    public static readonly IReadOnlySet<string> Meerregelig =
        new HashSet<string>(["maatwerk", "toelichting", "lessen", "reden", "omschrijving"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Limits per field (the JSON property); a field not named here has <see cref="Standaardgrens"/>.</summary>
    public static readonly IReadOnlyDictionary<string, int> Grenzen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["titel"] = Afspraken.Grenzen.Titel,
        ["naam"] = Afspraken.Grenzen.Naam,
        ["contactrol"] = Afspraken.Grenzen.Contactrol,
        ["werkgeverContactrol"] = Afspraken.Grenzen.Contactrol,
        ["maatwerk"] = Afspraken.Grenzen.Maatwerk,
        ["reden"] = Afspraken.Grenzen.Reden,
        ["toelichting"] = Afspraken.Grenzen.Reden,
        ["lessen"] = Afspraken.Grenzen.Lessen,
        ["omschrijving"] = 2000,
        ["beroepen"] = Afspraken.Grenzen.Beroep,
        ["keuzes"] = 100,
        ["eenheid"] = 50,
    };

    /// <summary>Identifiers, codes and short texts.</summary>
    public const int Standaardgrens = 200;

    /// <summary>The values of a werkafspraak's parameters, whose own limits the variant sets (at most this).</summary>
    public const int Parametergrens = 4000;

    /// <summary>Query values, path values and headers that the service may repeat in an answer or record.</summary>
    public const int Kopgrens = 200;

    public static int Grens(string veld) => Grenzen.TryGetValue(veld, out var grens) ? grens : Meerregelig.Contains(veld) ? 4000 : Standaardgrens;

    /// <summary>The first rule a text breaks, as a problem for the given field; null when it passes.</summary>
    public static OngeldigeParameter? Controleer(string naam, string tekst, bool meerregelig, int grens)
    {
        for (var i = 0; i < tekst.Length; i++)
        {
            var teken = tekst[i];
            if (char.IsHighSurrogate(teken) && i + 1 < tekst.Length && char.IsLowSurrogate(tekst[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(teken))
                return new OngeldigeParameter(naam, "ongeldig-teken", $"'{naam}' bevat een ongeldig Unicode-teken (een losse surrogaat) op positie {i + 1}.");
            if (IsStuurteken(teken, meerregelig))
                return new OngeldigeParameter(naam, "ongeldig-teken",
                    $"'{naam}' bevat een stuurteken (U+{(int)teken:X4}) op positie {i + 1}" +
                    (meerregelig ? "; alleen tabs en regeleinden zijn toegestaan." : "; dit veld is één regel zonder tabs."));
            if (IsRichtingsteken(teken))
                return new OngeldigeParameter(naam, "ongeldig-teken",
                    $"'{naam}' bevat een teken dat de leesrichting verandert (U+{(int)teken:X4}) op positie {i + 1}: zo kan tekst anders tonen dan hij is.");
        }

        var lengte = tekst.IsNormalized(NormalizationForm.FormC) ? tekst.Length : tekst.Normalize(NormalizationForm.FormC).Length;
        return lengte > grens ? new OngeldigeParameter(naam, "te-lang", $"'{naam}' is ten hoogste {grens} tekens (nu {lengte}).") : null;
    }

    /// <summary>A text that passed <see cref="Controleer"/>, in the form it is stored in.</summary>
    public static string Normaliseer(string tekst) => tekst.IsNormalized(NormalizationForm.FormC) ? tekst : tekst.Normalize(NormalizationForm.FormC);

    private static bool IsStuurteken(char teken, bool meerregelig) => teken switch
    {
        '\t' or '\n' or '\r' or '\u2028' or '\u2029' => !meerregelig,
        < '\u0020' => true,
        >= '\u007F' and <= '\u009F' => true,
        _ => false,
    };

    private static bool IsRichtingsteken(char teken) => teken is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
