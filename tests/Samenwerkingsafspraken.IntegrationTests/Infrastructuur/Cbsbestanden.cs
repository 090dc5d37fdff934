using Samenwerkingsafspraken.Referentiedata;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

/// <summary>The CBS file the registry ships (2026), and next year's as CBS might publish it.</summary>
public static class Cbsbestanden
{
    public static string Bestand2026()
    {
        using var stroom = typeof(ReferentiedataImport).Assembly.GetManifestResourceStream($"Samenwerkingsafspraken.Referentiedata.{ReferentiedataImport.Gemeentebestand}")!;
        return new StreamReader(stroom).ReadToEnd();
    }

    /// <summary>Beek loses its suffix, Zeewolde goes to Flevoland, Diemen goes into Amsterdam.</summary>
    public static string Bestand2027() => string.Join("\n", Bestand2026().Split('\n')
        .Where(r => !r.StartsWith("Diemen,", StringComparison.Ordinal))
        .Select(r => r.Replace(",2026,", ",2027,"))
        .Select(r => r.StartsWith("Beek (L.),", StringComparison.Ordinal) ? "Beek" + r["Beek (L.)".Length..] : r)
        .Select(r => r.StartsWith("Zeewolde,", StringComparison.Ordinal) ? r.Replace("AM06,Veluwe Stedendriehoek", "AM11,Flevoland") : r));
}
