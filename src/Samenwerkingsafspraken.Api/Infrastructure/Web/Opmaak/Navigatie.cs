using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.Infrastructure.Web.Opmaak;

public sealed record Menuitem(string Tekst, string Adres);

/// <summary>The main menu: the work of the signed-in role, nothing it could not open.</summary>
public static class Navigatie
{
    public static IReadOnlyList<Menuitem> Voor(Gebruiker? gebruiker)
    {
        var items = new List<Menuitem> { new("Start", "/") };
        if (gebruiker is null) return [.. items, new Menuitem("Variantencatalogus", "/varianten")];

        if (gebruiker.IsWerkgever && gebruiker.Kvk is { } kvk)
        {
            items.Add(new("Mijn referenties", $"/werkgevers/{kvk}/referenties"));
            items.Add(new("Mijn hergebruikverzoeken", $"/werkgevers/{kvk}/hergebruikverzoeken"));
        }
        if (gebruiker.IsRegiopartij)
        {
            foreach (var regio in gebruiker.Regios.Order(StringComparer.Ordinal))
            {
                items.Add(new($"Register {regio}", $"/regios/{regio}/register"));
                items.Add(new($"Hergebruikverzoeken {regio}", $"/regios/{regio}/hergebruikverzoeken"));
            }
        }

        if (gebruiker.IsRegiopartij || gebruiker.IsAuditor) items.Add(new("Wat werkt", "/wat-werkt"));
        items.Add(new("Werkaanbod", "/werkaanbod"));
        items.Add(new("Gemeenten", "/gemeenten"));
        if (gebruiker.IsAuditor)
        {
            items.Add(new("Regio's", "/regios"));
            items.Add(new("Variantmatrix", "/variantmatrix"));
            items.Add(new("Integriteit", "/integriteit"));
        }

        items.Add(new("Variantencatalogus", "/varianten"));
        if (gebruiker.IsBeheerder) items.Add(new("Projecties", "/beheer/projecties"));
        if (gebruiker.IsBeheerder) items.Add(new("Indeling", "/beheer/indeling"));
        return items;
    }

    public static string Roltekst(string rol) => rol switch
    {
        Rollen.Werkgever => "werkgever",
        Rollen.Regiopartij => "regiopartij",
        Rollen.Auditor => "auditor",
        Rollen.Beheerder => "beheerder",
        _ => rol,
    };
}
