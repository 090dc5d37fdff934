using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.Afspraken;

/// <summary>Organisation scope for reading an agreement: auditors read all, the employer its own, a public party its region's.</summary>
public static class Toegang
{
    public static bool MagLezen(Gebruiker gebruiker, Samenwerkingsafspraak afspraak) =>
        gebruiker.IsAuditor
        || gebruiker.IsWerkgeverVan(afspraak.Werkgever.KvkNummer)
        || gebruiker.IsRegiopartijVan(afspraak.Arbeidsmarktregio);

    /// <summary>A party of the agreement itself: its employer, or a public party named in it (by OIN) of its region.</summary>
    public static Partij? AlsPartij(Gebruiker gebruiker, Samenwerkingsafspraak afspraak)
    {
        if (gebruiker.IsWerkgeverVan(afspraak.Werkgever.KvkNummer))
        {
            return new Partij(Partijrol.Werkgever, afspraak.Werkgever.KvkNummer, afspraak.Werkgever.Naam);
        }

        if (gebruiker.IsRegiopartijVan(afspraak.Arbeidsmarktregio)
            && afspraak.Inhoud.Regiopartijen.FirstOrDefault(p => p.Oin == gebruiker.Oin) is { } regiopartij)
        {
            return new Partij(Partijrol.Regiopartij, regiopartij.Oin, regiopartij.Naam);
        }

        return null;
    }
}
