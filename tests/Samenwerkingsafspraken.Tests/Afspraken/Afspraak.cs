using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Opstellen;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Tests.Afspraken;

/// <summary>Builds an agreement from its events, as the projection and the write path do.</summary>
public static class Afspraak
{
    public const string Kvk = "01234567";
    public const string Gemeente = "00000001001589623000";
    public const string Uwv = "00000001003214345000";

    public static readonly Guid Id = Guid.Parse("01960000-0000-7000-8000-000000000001");

    public static AfspraakOpgesteld Opgesteld(DateOnly? start = null, DateOnly? eind = null)
    {
        var verzoek = Afspraak_opstellen.Verzoek() with
        {
            Regiopartijen =
            [
                new RegiopartijVerzoek(Gemeente, "Gemeente Groningen", "gemeente", true, null),
                new RegiopartijVerzoek(Uwv, "UWV", "uwv", false, null),
            ],
            Looptijd = new LooptijdVerzoek(start ?? new DateOnly(2025, 1, 1), eind ?? new DateOnly(2026, 12, 31)),
        };
        return (AfspraakOpgesteld)AfspraakOpstellen.Beslis(Id, verzoek, Testkader.Kader(), Testkader.Regiopartij(), Testkader.Nu).Gebeurtenissen.Single();
    }

    public static Partij Werkgever => new(Partijrol.Werkgever, Kvk, "Bouwbedrijf Noord B.V.");

    public static Partij Gemeentepartij => new(Partijrol.Regiopartij, Gemeente, "Gemeente Groningen");

    public static Samenwerkingsafspraak Na(params object[] gebeurtenissen) => Schrijver.Evolueer<Samenwerkingsafspraak>(null, gebeurtenissen, 0);

    public static Samenwerkingsafspraak Concept() => Na(Opgesteld());

    public static object[] Actief() =>
    [
        Opgesteld(),
        new AfspraakOndertekend(Id, Werkgever, 1, Testkader.Nu),
        new AfspraakOndertekend(Id, Gemeentepartij, 1, Testkader.Nu),
        new AfspraakGeactiveerd(Id, new DateOnly(2025, 1, 1), Testkader.Nu),
    ];

    public static Samenwerkingsafspraak ActieveAfspraak(params object[] daarna) => Na([.. Actief(), .. daarna]);

    /// <summary>Active from 2025-01-01, with the last signature recorded at the given moment.</summary>
    public static Samenwerkingsafspraak GeactiveerdOp(DateTimeOffset op, params object[] daarna) =>
        Na([Opgesteld(), new AfspraakOndertekend(Id, Werkgever, 1, op), new AfspraakOndertekend(Id, Gemeentepartij, 1, op),
            new AfspraakGeactiveerd(Id, new DateOnly(2025, 1, 1), op), .. daarna]);
}
