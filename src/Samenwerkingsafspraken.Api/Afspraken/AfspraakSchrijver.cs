using FluentValidation;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Afspraken;

/// <summary>The write path of an agreement's activities: its aggregate, its API shape and its not-found answer, said once.</summary>
public static class AfspraakSchrijver
{
    public static Task<IResult> WijzigAfspraak<TVerzoek>(this Schrijver schrijver, Guid id, TVerzoek verzoek, IValidator<TVerzoek>? validator, long? versie,
        Func<Samenwerkingsafspraak, Besluit> beslis, string? reden = null) =>
        schrijver.Wijzig<Samenwerkingsafspraak, TVerzoek>(id, verzoek, validator, versie, afspraak => Task.FromResult(beslis(afspraak)),
            SamenwerkingsafspraakWeergave.Van, $"Samenwerkingsafspraak {id} bestaat niet.", reden);
}
