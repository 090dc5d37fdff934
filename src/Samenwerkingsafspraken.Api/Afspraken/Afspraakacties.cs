using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.Afspraken;

/// <summary>
/// What the signed-in person can do with an agreement now, as links to the forms. Only a guide: each form's command
/// decides again, with the same rules as the API.
/// </summary>
public static class Afspraakacties
{
    public sealed record Actie(string Tekst, string Adres, string? Uitleg = null);

    /// <summary>The words a page shows after a form recorded something (the key travels in the redirect's query).</summary>
    public static readonly IReadOnlyDictionary<string, string> Meldingen = new Dictionary<string, string>
    {
        ["opgesteld"] = "De afspraak is opgesteld als concept. Elke vereiste partij ondertekent haar nu.",
        ["ondertekend"] = "Uw handtekening is vastgelegd.",
        ["gewijzigd"] = "De wijziging is vastgelegd als een nieuwe versie. Elke vereiste partij ondertekent de nieuwe inhoud opnieuw.",
        ["resultaten"] = "De resultaten zijn vastgelegd.",
        ["gecorrigeerd"] = "De correctie is vastgelegd; de oorspronkelijke registratie blijft in de tijdlijn.",
        ["geevalueerd"] = "Uw evaluatie is vastgelegd.",
        ["verlengd"] = "De afspraak is verlengd.",
        ["vervulling"] = "De vervulling van het werkaanbod is vastgelegd.",
        ["vervulling-gecorrigeerd"] = "De correctie van de vervulling is vastgelegd; de oorspronkelijke melding blijft in de tijdlijn.",
        ["beeindigd"] = "De afspraak is beëindigd.",
        ["overgenomen"] = "Het verzoek is geaccepteerd: dit is de nieuwe afspraak in uw regio, klaar om te ondertekenen.",
    };

    public static IReadOnlyList<Actie> Voor(Samenwerkingsafspraak a, Gebruiker gebruiker, bool bewezen)
    {
        var acties = new List<Actie>();
        var partij = Toegang.AlsPartij(gebruiker, a);
        var basis = $"/afspraken/{a.Id}";
        if (partij is not null && !a.IsAfgesloten)
        {
            if (a.VereisteOndertekenaars.Any(p => p.Identificatie == partij.Identificatie) && !a.IsOndertekendDoor(partij))
                acties.Add(new Actie("Ondertekenen", $"{basis}/ondertekenen", $"u tekent de inhoud van versie {a.InhoudVersie}"));
            acties.Add(new Actie("Wijzigen", $"{basis}/wijzigen", "een nieuwe versie, met een reden; u ziet het verschil voordat u opslaat"));
            if (a.Status == AfspraakStatus.Actief) acties.Add(new Actie("Verlengen", $"{basis}/verlengen", "een latere einddatum"));
        }

        if (partij is not null && a.Status != AfspraakStatus.Concept)
        {
            acties.Add(new Actie("Resultaten registreren of corrigeren", $"{basis}/resultaten", "aantallen per kwartaal"));
            if (a.Inhoud.Werkaanbod.Count > 0) acties.Add(new Actie("Vervulling van het werkaanbod melden of corrigeren", $"{basis}/vervulling", "vervulde plaatsen per kwartaal"));
            acties.Add(new Actie("Evalueren", $"{basis}/evalueren", "uw oordeel en de lessen"));
        }

        if (gebruiker.IsRegiopartijVan(a.Arbeidsmarktregio) && !a.IsAfgesloten)
            acties.Add(new Actie("Beëindigen", $"{basis}/beeindigen", "per vandaag, met een reden"));
        if (gebruiker.IsWerkgeverVan(a.Werkgever.KvkNummer) && bewezen)
            acties.Add(new Actie("Hergebruik vragen in een andere regio", $"{basis}/hergebruik-vragen", "deze afspraak is bewezen"));
        return acties;
    }
}
