using System.Globalization;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;

namespace Samenwerkingsafspraken.Afspraken.ResultatenRegistreren;

/// <summary>The four counts of a quarter as typed (the registry holds counts only, never people).</summary>
public sealed class Tellingen
{
    public string? Plaatsingen { get; set; }
    public string? NaZesMaandenInWerk { get; set; }
    public string? NaTwaalfMaandenInWerk { get; set; }
    public string? Uitval { get; set; }

    public static Tellingen Van(Resultaten r) => new()
    {
        Plaatsingen = Tekst(r.Plaatsingen), NaZesMaandenInWerk = Tekst(r.NaZesMaandenInWerk), NaTwaalfMaandenInWerk = Tekst(r.NaTwaalfMaandenInWerk),
        Uitval = Tekst(r.Uitval),
    };

    public (int? Plaatsingen, int? NaZes, int? NaTwaalf, int? Uitval) Lees(Invoer invoer) => (
        invoer.GeheelGetal("plaatsingen", Plaatsingen, "Plaatsingen"),
        invoer.GeheelGetal("naZesMaandenInWerk", NaZesMaandenInWerk, "Na zes maanden nog in werk"),
        invoer.GeheelGetal("naTwaalfMaandenInWerk", NaTwaalfMaandenInWerk, "Na twaalf maanden nog in werk"),
        invoer.GeheelGetal("uitval", Uitval, "Uitval"));

    public static IEnumerable<Veld> Velden =>
    [
        new("plaatsingen", "Plaatsingen", "Vul het aantal plaatsingen in (0 als er geen waren)."),
        new("naZesMaandenInWerk", "Na zes maanden nog in werk", "Vul in hoeveel mensen na zes maanden nog in werk zijn (0 als er geen zijn)."),
        new("naTwaalfMaandenInWerk", "Na twaalf maanden nog in werk", "Vul in hoeveel mensen na twaalf maanden nog in werk zijn (0 als er geen zijn)."),
        new("uitval", "Uitval", "Vul het aantal uitvallers in (0 als er geen waren)."),
    ];

    private static string Tekst(int getal) => getal.ToString(CultureInfo.InvariantCulture);
}
