using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Samenwerkingsafspraken.Infrastructure.Web.Formulieren;

/// <summary>A choice in a list, a group of radio buttons or checkboxes.</summary>
public sealed record Optie(string Waarde, string Tekst);

/// <summary>
/// Form fields in the NL Design System's markup (Utrecht form field, label, description, error message), each named by
/// its JSON path so that a problem the command names finds its field, and each showing what the user typed. The
/// values are written from the page's own model, never from the model state, so that a form the server changed (a
/// row removed) shows what it now holds.
/// </summary>
public static class Velden
{
    private static string E(string? tekst) => HtmlEncoder.Default.Encode(tekst ?? "");

    public static IHtmlContent Tekstveld(Formulierfouten fouten, string pad, string label, string? waarde, string? uitleg = null, string type = "text",
        string? invoermodus = null, string? autocomplete = null, string breedte = "")
    {
        var id = Formulierfouten.Id(pad);
        var attributen = $"type=\"{type}\"{(invoermodus is null ? "" : $" inputmode=\"{invoermodus}\"")}{(autocomplete is null ? "" : $" autocomplete=\"{autocomplete}\"")}" +
                         $" value=\"{E(waarde)}\"";
        var klasse = $"utrecht-textbox utrecht-textbox--html-input{(fouten.Heeft(pad) ? " utrecht-textbox--invalid" : "")}{(breedte.Length > 0 ? " " + breedte : "")}";
        return Veldomhulsel(fouten, pad, label, uitleg, "text",
            $"<input class=\"{klasse}\" id=\"{id}\" name=\"{E(pad)}\" {attributen}{Beschrijving(fouten, pad, uitleg)} />");
    }

    public static IHtmlContent Tekstvak(Formulierfouten fouten, string pad, string label, string? waarde, string? uitleg = null, int rijen = 4)
    {
        var id = Formulierfouten.Id(pad);
        var klasse = $"utrecht-textarea utrecht-textarea--html-textarea{(fouten.Heeft(pad) ? " utrecht-textarea--invalid" : "")}";
        return Veldomhulsel(fouten, pad, label, uitleg, "textarea",
            $"<textarea class=\"{klasse}\" id=\"{id}\" name=\"{E(pad)}\" rows=\"{rijen}\"{Beschrijving(fouten, pad, uitleg)}>{E(waarde)}</textarea>");
    }

    public static IHtmlContent Keuzelijst(Formulierfouten fouten, string pad, string label, IEnumerable<Optie> opties, string? gekozen, string? uitleg = null,
        string? leeg = "Kies…")
    {
        var id = Formulierfouten.Id(pad);
        var html = new StringBuilder();
        var klasse = $"utrecht-select utrecht-select--html-select{(fouten.Heeft(pad) ? " utrecht-select--invalid" : "")}";
        html.Append($"<select class=\"{klasse}\" id=\"{id}\" name=\"{E(pad)}\"{Beschrijving(fouten, pad, uitleg)}>");
        if (leeg is not null) html.Append($"<option value=\"\">{E(leeg)}</option>");
        foreach (var optie in opties)
        {
            html.Append($"<option value=\"{E(optie.Waarde)}\"{(optie.Waarde == gekozen ? " selected" : "")}>{E(optie.Tekst)}</option>");
        }

        html.Append("</select>");
        return Veldomhulsel(fouten, pad, label, uitleg, "select", html.ToString());
    }

    public static IHtmlContent Keuzerondjes(Formulierfouten fouten, string pad, string legenda, IEnumerable<Optie> opties, string? gekozen, string? uitleg = null) =>
        Groep(fouten, pad, legenda, uitleg, opties.Select((o, i) => Keuze(fouten, pad, i, "radio", o, o.Waarde == gekozen)));

    public static IHtmlContent Vinkjes(Formulierfouten fouten, string pad, string legenda, IEnumerable<Optie> opties, IReadOnlyCollection<string> gekozen,
        string? uitleg = null) =>
        Groep(fouten, pad, legenda, uitleg, opties.Select((o, i) => Keuze(fouten, pad, i, "checkbox", o, gekozen.Contains(o.Waarde))));

    /// <summary>One checkbox that says yes (value "true") or, unticked, nothing: the property keeps its default, false.</summary>
    public static IHtmlContent Vinkje(Formulierfouten fouten, string pad, string label, bool aan, string? uitleg = null)
    {
        var id = Formulierfouten.Id(pad);
        var html = new StringBuilder();
        html.Append($"<div class=\"utrecht-form-field utrecht-form-field--checkbox{(fouten.Heeft(pad) ? " utrecht-form-field--invalid" : "")}\">");
        html.Append($"<div class=\"utrecht-form-field__input\"><input type=\"checkbox\" class=\"utrecht-checkbox utrecht-checkbox--html-input\" id=\"{id}\" " +
                    $"name=\"{E(pad)}\" value=\"true\"{(aan ? " checked" : "")}{Beschrijving(fouten, pad, uitleg)} /></div>");
        html.Append($"<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"{id}\">{E(label)}</label></div>");
        html.Append(Toelichting(fouten, pad, uitleg));
        html.Append("</div>");
        return new HtmlString(html.ToString());
    }

    /// <summary>The messages of a group (a fieldset, a row), to put under its legend.</summary>
    public static IHtmlContent Foutmeldingen(Formulierfouten fouten, string pad)
    {
        var berichten = fouten.Voor(pad);
        if (berichten.Count == 0) return HtmlString.Empty;
        var id = Formulierfouten.Id(pad);
        return new HtmlString($"<div class=\"utrecht-form-field-error-message\" id=\"{id}-fout\">" +
                              string.Join("", berichten.Select(b => $"<p class=\"utrecht-paragraph\"><span class=\"verborgen\">Fout: </span>{E(b)}</p>")) + "</div>");
    }

    public static string Id(string pad) => Formulierfouten.Id(pad);

    public static IHtmlContent Verborgen(string naam, string? waarde) => new HtmlString($"<input type=\"hidden\" name=\"{E(naam)}\" value=\"{E(waarde)}\" />");

    public static IHtmlContent Verborgen(IEnumerable<(string Naam, string? Waarde)> velden) =>
        new HtmlString(string.Concat(velden.Select(v => $"<input type=\"hidden\" name=\"{E(v.Naam)}\" value=\"{E(v.Waarde)}\" />")));

    private static string Keuze(Formulierfouten fouten, string pad, int nummer, string soort, Optie optie, bool aan)
    {
        var id = $"{Formulierfouten.Id(pad)}-{nummer}";
        var invoerklasse = soort == "radio" ? "utrecht-radio-button utrecht-radio-button--html-input" : "utrecht-checkbox utrecht-checkbox--html-input";
        return $"<div class=\"utrecht-form-field utrecht-form-field--{soort}\">" +
               $"<div class=\"utrecht-form-field__input\"><input type=\"{soort}\" class=\"{invoerklasse}\" id=\"{id}\" name=\"{E(pad)}\" value=\"{E(optie.Waarde)}\"" +
               $"{(aan ? " checked" : "")}{(fouten.Heeft(pad) ? " aria-invalid=\"true\"" : "")} /></div>" +
               $"<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label utrecht-form-label--{soort}\" for=\"{id}\">{E(optie.Tekst)}</label></div>" +
               "</div>";
    }

    private static IHtmlContent Groep(Formulierfouten fouten, string pad, string legenda, string? uitleg, IEnumerable<string> keuzes)
    {
        var id = Formulierfouten.Id(pad);
        var beschreven = string.Join(' ', new[] { uitleg is null ? null : $"{id}-uitleg", fouten.Heeft(pad) ? $"{id}-fout" : null }.Where(x => x is not null));
        var html = new StringBuilder();
        html.Append($"<fieldset class=\"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset{(fouten.Heeft(pad) ? " utrecht-form-fieldset--invalid" : "")}\" id=\"{id}\"" +
                    $"{(beschreven.Length > 0 ? $" aria-describedby=\"{beschreven}\"" : "")}>");
        html.Append($"<legend class=\"utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend\">{E(legenda)}</legend>");
        if (uitleg is not null) html.Append($"<div class=\"utrecht-form-field-description\" id=\"{id}-uitleg\">{E(uitleg)}</div>");
        html.Append(Foutmeldingen(fouten, pad));
        foreach (var keuze in keuzes) html.Append(keuze);
        html.Append("</fieldset>");
        return new HtmlString(html.ToString());
    }

    private static IHtmlContent Veldomhulsel(Formulierfouten fouten, string pad, string label, string? uitleg, string soort, string invoer)
    {
        var id = Formulierfouten.Id(pad);
        var html = new StringBuilder();
        html.Append($"<div class=\"utrecht-form-field utrecht-form-field--{soort}{(fouten.Heeft(pad) ? " utrecht-form-field--invalid" : "")}\">");
        html.Append($"<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"{id}\">{E(label)}</label></div>");
        html.Append(Toelichting(fouten, pad, uitleg));
        html.Append($"<div class=\"utrecht-form-field__input\">{invoer}</div>");
        html.Append("</div>");
        return new HtmlString(html.ToString());
    }

    private static string Toelichting(Formulierfouten fouten, string pad, string? uitleg)
    {
        var id = Formulierfouten.Id(pad);
        var html = new StringBuilder();
        if (uitleg is not null) html.Append($"<div class=\"utrecht-form-field__description utrecht-form-field-description\" id=\"{id}-uitleg\">{E(uitleg)}</div>");
        var berichten = fouten.Voor(pad);
        if (berichten.Count > 0)
        {
            html.Append($"<div class=\"utrecht-form-field__error-message utrecht-form-field-error-message\" id=\"{id}-fout\">" +
                        string.Join("<br />", berichten.Select(b => $"<span class=\"verborgen\">Fout: </span>{E(b)}")) + "</div>");
        }

        return html.ToString();
    }

    private static string Beschrijving(Formulierfouten fouten, string pad, string? uitleg)
    {
        var id = Formulierfouten.Id(pad);
        var delen = new List<string>();
        if (uitleg is not null) delen.Add($"{id}-uitleg");
        if (fouten.Heeft(pad)) delen.Add($"{id}-fout");
        return (delen.Count > 0 ? $" aria-describedby=\"{string.Join(' ', delen)}\"" : "") + (fouten.Heeft(pad) ? " aria-invalid=\"true\"" : "");
    }
}
