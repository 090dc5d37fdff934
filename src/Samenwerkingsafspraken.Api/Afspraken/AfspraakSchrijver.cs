using FluentValidation;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Afspraken;

/// <summary>The write path of an agreement's activities: its aggregate, its API shape and its not-found answer, said once.</summary>
public static class AfspraakSchrijver
{
    public static Task<Schrijfuitkomst> WijzigAfspraak<TVerzoek>(this Schrijver schrijver, Opdrachtcontext context, Guid id, TVerzoek verzoek,
        IValidator<TVerzoek>? validator, long? versie, Func<Samenwerkingsafspraak, Gebruiker, Besluit> beslis, string? reden = null) =>
        schrijver.Wijzig(context, new Wijzigopdracht<Samenwerkingsafspraak, TVerzoek>(id, verzoek)
        {
            VersieInBody = versie,
            Validator = _ => validator,
            Beslis = (afspraak, g) => Task.FromResult(beslis(afspraak, g.Gebruiker)),
            Antwoord = SamenwerkingsafspraakWeergave.Van,
            NietGevonden = $"Samenwerkingsafspraak {id} bestaat niet.",
            Reden = reden,
        });
}
