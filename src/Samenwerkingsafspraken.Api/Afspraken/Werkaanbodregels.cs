namespace Samenwerkingsafspraken.Afspraken;

/// <summary>How lines of the werkaanbod are recognised: by sector and function, the function without case or surrounding spaces.</summary>
public static class Werkaanbodregels
{
    public static string? Functie(string? functie) => string.IsNullOrWhiteSpace(functie) ? null : functie.Trim();

    public static bool ZelfdeFunctie(string? a, string? b) => string.Equals(Functie(a), Functie(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>The lines offered by the end of a quarter: those whose date has come by then.</summary>
    public static IEnumerable<Werkaanbodregel> AangebodenIn(this IEnumerable<Werkaanbodregel> werkaanbod, Kwartaal kwartaal) =>
        werkaanbod.Where(r => r.Vanaf <= kwartaal.Eind);
}
