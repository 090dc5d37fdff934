using System.Text;
using Microsoft.AspNetCore.Html;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;

namespace Samenwerkingsafspraken.Varianten;

/// <summary>The form field of one parameter of a variant, generated from its definition in the catalogue: its type, limits, choices and standard value.</summary>
public static class Parameterveld
{
    public static IHtmlContent Toon(Formulierfouten fouten, string naam, VariantParameter parameter, string? waarde)
    {
        var label = Invoer.Parameterlabel(parameter) + (parameter.Verplicht && parameter.Standaard is null ? "" : " (niet verplicht)");
        var uitleg = Uitleg(parameter);
        return parameter.Type switch
        {
            Parametertype.GeheelGetal => Velden.Tekstveld(fouten, naam, label, waarde, uitleg, invoermodus: "numeric", breedte: "smal"),
            Parametertype.Decimaal => Velden.Tekstveld(fouten, naam, label, waarde, uitleg, invoermodus: "decimal", breedte: "smal"),
            Parametertype.Datum => Velden.Tekstveld(fouten, naam, label, waarde, uitleg, type: "date"),
            Parametertype.Keuze => Velden.Keuzelijst(fouten, naam, label, (parameter.Keuzes ?? []).Select(k => new Optie(k, Keuzetekst(k))), waarde, uitleg,
                leeg: parameter.Verplicht && parameter.Standaard is null ? "Kies…" : "Geen keuze"),
            Parametertype.JaNee => Velden.Keuzerondjes(fouten, naam, label, [new Optie("true", "Ja"), new Optie("false", "Nee")], waarde, uitleg),
            _ => Velden.Tekstveld(fouten, naam, label, waarde, uitleg),
        };
    }

    public static string Keuzetekst(string keuze) => keuze.Length == 0 ? keuze : char.ToUpperInvariant(keuze[0]) + keuze[1..].Replace('-', ' ');

    private static string? Uitleg(VariantParameter p)
    {
        var delen = new StringBuilder();
        if (p.Minimum is { } min && p.Maximum is { } max) delen.Append($"Van {Tekst.Getal(min)} tot en met {Tekst.Getal(max)}. ");
        else if (p.Minimum is { } alleenMin) delen.Append($"Ten minste {Tekst.Getal(alleenMin)}. ");
        else if (p.Maximum is { } alleenMax) delen.Append($"Ten hoogste {Tekst.Getal(alleenMax)}. ");
        if (p.Type == Parametertype.Tekst && p.MaximaleLengte is { } lengte) delen.Append($"Ten hoogste {lengte} tekens. ");
        if (p.Standaard is { } standaard) delen.Append($"Leeg gelaten geldt de standaard: {Standaardtekst(p, standaard)}.");
        return delen.Length == 0 ? null : delen.ToString().Trim();
    }

    private static string Standaardtekst(VariantParameter p, System.Text.Json.JsonElement standaard) =>
        p.Type == Parametertype.Keuze && Invoer.AlsTekst(standaard) is { } keuze ? Keuzetekst(keuze) : Tekst.Waarde(standaard);
}
