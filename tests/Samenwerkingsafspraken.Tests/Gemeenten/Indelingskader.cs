using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Arbeidsmarktregios.Beheren;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Referentiedata;

namespace Samenwerkingsafspraken.Tests.Gemeenten;

/// <summary>The shipped delineation in memory (35 regions, 342 gemeenten from the registry's start date), to decide against.</summary>
public static class Indelingskader
{
    public static readonly DateOnly Begin = ReferentiedataImport.RegiosGeldigVanaf;

    public static readonly DateOnly Jaar2027 = new(2027, 1, 1);

    public static IReadOnlyDictionary<string, Arbeidsmarktregio> Regios() =>
        ReferentiedataImport.LeesRegios().ToDictionary(r => r.Code, r => Arbeidsmarktregio.Evolueer(null,
            new ArbeidsmarktregioVastgesteld(Arbeidsmarktregio.StreamId(r.Code), r.Code, r.Naam, Begin, [], null), 1));

    public static IReadOnlyDictionary<string, Gemeente> Gemeenten() =>
        ReferentiedataImport.LeesGemeenten().Gemeenten.ToDictionary(g => g.Code, g => Gemeente.Evolueer(null,
            new GemeenteVastgesteld(Gemeente.StreamId(g.Code), g.Code, g.Naam, g.Provincie, g.Arbeidsmarktregio, Begin, []), 1));

    public static Regiokader Kader() => new(Regios(), Gemeenten());

    public static T Na<T>(T toestand, params object[] gebeurtenissen) where T : class, Samenwerkingsafspraken.Infrastructure.Writing.IAggregate<T> =>
        Samenwerkingsafspraken.Infrastructure.Writing.Schrijver.Evolueer(toestand, gebeurtenissen, toestand.Version);
}
