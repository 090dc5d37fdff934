using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Gemeenten;

namespace Samenwerkingsafspraken.Referentiedata.Indeling;

/// <summary>The events of the delineation in words a person reads (a dry run, a history).</summary>
public static class Indelingstekst
{
    private static string D(DateOnly datum) => datum.ToString("yyyy-MM-dd");

    public static string Omschrijving(object gebeurtenis) => gebeurtenis switch
    {
        GemeenteVastgesteld e => e.OntstaanUit.Count == 0
            ? $"Gemeente {e.Code} {e.Naam} ({e.Provincie.Naam}) vanaf {D(e.GeldigVanaf)}, in arbeidsmarktregio {e.Arbeidsmarktregio}."
            : $"Gemeente {e.Code} {e.Naam} ({e.Provincie.Naam}) vanaf {D(e.GeldigVanaf)}, in arbeidsmarktregio {e.Arbeidsmarktregio}, ontstaan uit {string.Join(", ", e.OntstaanUit)}.",
        GemeenteHernoemd e => $"Gemeente heet vanaf {D(e.GeldigVanaf)} {e.Naam}.",
        GemeenteProvincieGewijzigd e => $"Gemeente ligt vanaf {D(e.GeldigVanaf)} in {e.Provincie.Naam} ({e.Provincie.Code}).",
        GemeenteVerplaatst e => $"Gemeente gaat vanaf {D(e.GeldigVanaf)} van arbeidsmarktregio {e.VanArbeidsmarktregio} naar {e.NaarArbeidsmarktregio}.",
        GemeenteUitgebreid e => $"Gemeente neemt vanaf {D(e.GeldigVanaf)} {string.Join(", ", e.Opgenomen)} op.",
        GemeenteOpgeheven e => e.OpgegaanIn is null
            ? $"Gemeente bestaat vanaf {D(e.GeldigTot)} niet meer."
            : $"Gemeente gaat vanaf {D(e.GeldigTot)} op in {e.OpgegaanIn}.",
        ArbeidsmarktregioVastgesteld e => e.Voorgangers is { Count: > 0 } voorgangers
            ? $"Arbeidsmarktregio {e.Code} {e.Naam} vanaf {D(e.GeldigVanaf)}, voortgekomen uit {string.Join(", ", voorgangers)}."
            : $"Arbeidsmarktregio {e.Code} {e.Naam} vanaf {D(e.GeldigVanaf)}.",
        ArbeidsmarktregioHernoemd e => $"Arbeidsmarktregio heet vanaf {D(e.GeldigVanaf)} {e.Naam}.",
        ArbeidsmarktregioOpgeheven e => (e.Opvolgers ?? (e.Opvolger is null ? [] : [e.Opvolger])) is { Count: > 0 } opvolgers
            ? $"Arbeidsmarktregio bestaat vanaf {D(e.GeldigTot)} niet meer; opvolger(s): {string.Join(", ", opvolgers)}."
            : $"Arbeidsmarktregio bestaat vanaf {D(e.GeldigTot)} niet meer.",
        CentrumgemeenteAangewezen e => $"Centrumgemeente vanaf {D(e.GeldigVanaf)}: {e.Gemeente}.",
        _ => gebeurtenis.GetType().Name,
    };
}
