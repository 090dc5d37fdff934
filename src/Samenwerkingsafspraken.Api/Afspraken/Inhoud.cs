using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Varianten;
using Samenwerkingsafspraken.Werkgevers.Registreren;

namespace Samenwerkingsafspraken.Afspraken;

public sealed record RegiopartijVerzoek(string? Oin, string? Naam, string? Soort, bool? Ondertekent, string? Contactrol);

public sealed record WerkafspraakVerzoek(string? VariantCode, Dictionary<string, JsonElement>? Parameters, string? Maatwerk);

public sealed record DoelstellingenVerzoek(int? PlaatsingenPerJaar, int? DuurzamePlaatsingenPerJaar);

public sealed record LooptijdVerzoek(DateOnly? Startdatum, DateOnly? Einddatum);

/// <summary>One line of the werkaanbod: places in a sector (and a function), through a variant of the agreement, from a date.</summary>
public sealed record WerkaanbodVerzoek(string? Sector, string? Functie, string? VariantCode, int? AantalPlaatsen, DateOnly? Vanaf);

/// <summary>The content of an agreement as a request carries it: when it is drawn up, and when it is amended.</summary>
public interface IAfspraakinhoudVerzoek
{
    string? Titel { get; }
    string? WerkgeverContactrol { get; }
    IReadOnlyList<RegiopartijVerzoek>? Regiopartijen { get; }
    IReadOnlyList<WerkafspraakVerzoek>? Werkafspraken { get; }
    IReadOnlyList<string>? Doelgroepen { get; }
    IReadOnlyList<string>? Beroepen { get; }
    DoelstellingenVerzoek? Doelstellingen { get; }
    LooptijdVerzoek? Looptijd { get; }
    IReadOnlyList<WerkaanbodVerzoek>? Werkaanbod { get; }
}

/// <summary>The limits of an agreement's content; generous for real use, tight enough that nothing absurd gets in.</summary>
public static class Grenzen
{
    public const int Titel = 200;
    public const int Naam = 200;
    public const int Contactrol = 200;
    public const int Maatwerk = 4000;
    public const int Reden = 2000;
    public const int Lessen = 4000;
    public const int Beroep = 100;
    public const int Beroepen = 25;
    public const int Regiopartijen = 20;
    public const int Werkafspraken = 50;
    public const int PlaatsingenPerJaar = 10_000;
    public const int LooptijdInJaren = 10;
    public const int Werkaanbodregels = 25;
    public const int Functie = 100;
    public const int PlaatsenPerRegel = 10_000;
    public static readonly DateOnly VroegsteStart = new(2000, 1, 1);

    /// <summary>The latest end date for a start date: ten years on, and never past the date window.</summary>
    public static DateOnly LaatsteEinddatum(DateOnly startdatum) =>
        startdatum > Datumvenster.Laatst.AddYears(-LooptijdInJaren) ? Datumvenster.Laatst : startdatum.AddYears(LooptijdInJaren);
}

public sealed class RegiopartijRegels : Invoerregels<RegiopartijVerzoek>
{
    public static readonly RegiopartijRegels Instantie = new();

    public RegiopartijRegels()
    {
        RuleFor(p => p.Oin).NotEmpty().Matches(Formaten.Oin()).WithMessage("Een OIN bestaat uit precies 20 cijfers.");
        RuleFor(p => p.Naam).NotEmpty().MaximumLength(Grenzen.Naam);
        RuleFor(p => p.Soort).NotEmpty().Must(s => Enum.TryParse<Partijsoort>(s, true, out _)).WithErrorCode("onbekende-waarde")
            .WithMessage($"Soort is een van: {string.Join(", ", Enum.GetNames<Partijsoort>().Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)))}.");
        RuleFor(p => p.Contactrol).MaximumLength(Grenzen.Contactrol);
    }
}

/// <summary>The rules of one werkafspraak that need no catalogue; the catalogue's rules follow in <see cref="AfspraakinhoudRegels{T}"/>.</summary>
public sealed class WerkafspraakRegels : Invoerregels<WerkafspraakVerzoek>
{
    public static readonly WerkafspraakRegels Instantie = new();

    public WerkafspraakRegels()
    {
        RuleFor(w => w.Maatwerk).MaximumLength(Grenzen.Maatwerk).WithErrorCode("te-lang").WithMessage($"Maatwerk is ten hoogste {Grenzen.Maatwerk} tekens.");
    }
}

public sealed class LooptijdRegels : Invoerregels<LooptijdVerzoek>
{
    public static readonly LooptijdRegels Instantie = new();

    public LooptijdRegels()
    {
        RuleFor(l => l.Startdatum).NotNull().Must(d => Datumvenster.Bevat(d!.Value)).WithErrorCode("buiten-venster")
            .WithMessage($"De startdatum ligt {Datumvenster.Omschrijving}.");
        RuleFor(l => l.Einddatum).NotNull().Must(d => Datumvenster.Bevat(d!.Value)).WithErrorCode("buiten-venster")
            .WithMessage($"De einddatum ligt {Datumvenster.Omschrijving}.");
        When(l => l is { Startdatum: { } start, Einddatum: { } eind } && Datumvenster.Bevat(start) && Datumvenster.Bevat(eind), () =>
        {
            RuleFor(l => l.Einddatum).Must((l, eind) => eind > l.Startdatum)
                .WithErrorCode("voor-startdatum").WithMessage("De einddatum ligt na de startdatum.");
            RuleFor(l => l.Einddatum).Must((l, eind) => eind <= Grenzen.LaatsteEinddatum(l.Startdatum!.Value))
                .WithErrorCode("te-lang").WithMessage($"Een looptijd is ten hoogste {Grenzen.LooptijdInJaren} jaar.");
        });
    }
}

/// <summary>
/// Validation rules for agreement content, all problems at once, including the catalogue of variants. Built once; the
/// catalogue comes with each validation (<see cref="Kadercontext"/>).
/// </summary>
public abstract class AfspraakinhoudRegels<T> : Invoerregels<T> where T : IAfspraakinhoudVerzoek
{
    protected AfspraakinhoudRegels()
    {
        RuleFor(v => v.Titel).NotEmpty().MaximumLength(Grenzen.Titel);
        RuleFor(v => v.WerkgeverContactrol).MaximumLength(Grenzen.Contactrol);

        RuleFor(v => v.Regiopartijen).NotEmpty().WithMessage("Noem ten minste één regiopartij.")
            .Must(p => p is null || p.Count <= Grenzen.Regiopartijen).WithErrorCode("te-veel").WithMessage($"Ten hoogste {Grenzen.Regiopartijen} regiopartijen.")
            .Must(p => p is null || p.Where(x => x?.Oin is not null).GroupBy(x => x.Oin).All(g => g.Count() == 1)).WithErrorCode("dubbel")
            .WithMessage("Elke regiopartij (OIN) komt één keer voor.")
            .Must(p => p is null || p.Count == 0 || p.Any(x => x?.Ondertekent == true)).WithErrorCode("geen-ondertekenaar")
            .WithMessage("Ten minste één regiopartij ondertekent de afspraak (ondertekent: true).");
        RuleForEach(v => v.Regiopartijen).NotNull().WithMessage("Een regiopartij is leeg.").SetValidator(RegiopartijRegels.Instantie);

        RuleFor(v => v.Werkafspraken).NotEmpty().WithMessage("Een afspraak heeft ten minste één werkafspraak.")
            .Must(w => w is null || w.Count <= Grenzen.Werkafspraken).WithErrorCode("te-veel").WithMessage($"Ten hoogste {Grenzen.Werkafspraken} werkafspraken.");
        RuleFor(v => v.Werkafspraken).Custom((werkafspraken, context) => ControleerWerkafspraken(werkafspraken, context.Kader(), context));

        RuleFor(v => v.Doelgroepen).NotEmpty().WithMessage("Noem ten minste één doelgroep.")
            .Must(d => d is null || d.Distinct().Count() == d.Count).WithErrorCode("dubbel").WithMessage("Elke doelgroep komt één keer voor.");
        RuleForEach(v => v.Doelgroepen).NotEmpty().Must(d => Enum.TryParse<Doelgroep>(d, true, out _)).WithErrorCode("onbekende-waarde")
            .WithMessage($"Doelgroep is een van: {string.Join(", ", Enum.GetNames<Doelgroep>().Select(Camel))}.");

        RuleFor(v => v.Beroepen).Must(b => b is null || b.Count <= Grenzen.Beroepen).WithErrorCode("te-veel")
            .WithMessage($"Ten hoogste {Grenzen.Beroepen} beroepen.");
        RuleForEach(v => v.Beroepen).NotEmpty().MaximumLength(Grenzen.Beroep);

        RuleFor(v => v.Doelstellingen).NotNull().WithMessage("Noem de doelstellingen.");
        RuleFor(v => v.Doelstellingen!.PlaatsingenPerJaar).NotNull().InclusiveBetween(0, Grenzen.PlaatsingenPerJaar)
            .When(v => v.Doelstellingen is not null).OverridePropertyName("doelstellingen.plaatsingenPerJaar");
        RuleFor(v => v.Doelstellingen!.DuurzamePlaatsingenPerJaar).NotNull().InclusiveBetween(0, Grenzen.PlaatsingenPerJaar)
            .When(v => v.Doelstellingen is not null).OverridePropertyName("doelstellingen.duurzamePlaatsingenPerJaar");
        RuleFor(v => v.Doelstellingen!.DuurzamePlaatsingenPerJaar)
            .Must((v, duurzaam) => duurzaam is null || v.Doelstellingen!.PlaatsingenPerJaar is null || duurzaam <= v.Doelstellingen.PlaatsingenPerJaar)
            .When(v => v.Doelstellingen is not null).OverridePropertyName("doelstellingen.duurzamePlaatsingenPerJaar")
            .WithErrorCode("meer-dan-plaatsingen").WithMessage("Er kunnen niet meer duurzame plaatsingen zijn dan plaatsingen.");

        RuleFor(v => v.Looptijd).NotNull().WithMessage("Noem de looptijd (startdatum en einddatum).").SetValidator(LooptijdRegels.Instantie!);

        RuleFor(v => v.Werkaanbod).Must(w => w is null || w.Count <= Grenzen.Werkaanbodregels).WithErrorCode("te-veel")
            .WithMessage($"Ten hoogste {Grenzen.Werkaanbodregels} regels werkaanbod.");
        RuleFor(v => v.Werkaanbod).Custom((werkaanbod, context) => ControleerWerkaanbod(werkaanbod, context));
    }

    /// <summary>
    /// Each line: a known sector, places, a date within the term, a variant (when named) that the agreement itself
    /// agrees; no two lines for the same sector and function, because filled places are recorded per line.
    /// </summary>
    private static void ControleerWerkaanbod(IReadOnlyList<WerkaanbodVerzoek>? werkaanbod, ValidationContext<T> context)
    {
        var varianten = context.InstanceToValidate.Werkafspraken?.Where(w => w is not null).Select(w => w.VariantCode).ToHashSet() ?? [];
        var looptijd = context.InstanceToValidate.Looptijd;
        var gezien = new List<(string Sector, string? Functie)>();
        for (var i = 0; i < (werkaanbod?.Count ?? 0); i++)
        {
            var regel = werkaanbod![i];
            var pad = $"werkaanbod[{i}]";
            void Fout(string veld, string code, string reden) => context.AddFailure(new ValidationFailure($"{pad}.{veld}", reden) { ErrorCode = code });
            if (regel is null)
            {
                context.AddFailure(new ValidationFailure(pad, "Een regel werkaanbod is leeg.") { ErrorCode = "verplicht" });
                continue;
            }

            if (string.IsNullOrWhiteSpace(regel.Sector)) Fout("sector", "verplicht", "Noem de sector van het werk (zie GET /v1/sectoren).");
            else if (Werkgevers.Sectoren.Vind(regel.Sector) is null) Fout("sector", "onbekende-sector", $"Onbekende sector '{regel.Sector}'. Zie GET /v1/sectoren.");
            if (regel.Functie is { } functie && functie.Trim().Length > Grenzen.Functie) Fout("functie", "te-lang", $"Een functie is ten hoogste {Grenzen.Functie} tekens.");
            if (regel.VariantCode is { } variant && !varianten.Contains(variant))
                Fout("variantCode", "variant-niet-afgesproken", $"Variant '{variant}' is geen werkafspraak van deze afspraak.");
            if (regel.AantalPlaatsen is null) Fout("aantalPlaatsen", "verplicht", "Noem het aantal plaatsen.");
            else if (regel.AantalPlaatsen is < 1 or > Grenzen.PlaatsenPerRegel)
                Fout("aantalPlaatsen", "buiten-bereik", $"Het aantal plaatsen ligt tussen 1 en {Grenzen.PlaatsenPerRegel}.");
            if (regel.Vanaf is not { } vanaf) Fout("vanaf", "verplicht", "Noem vanaf wanneer het werk er is (JJJJ-MM-DD).");
            else if (!Datumvenster.Bevat(vanaf)) Fout("vanaf", "buiten-venster", $"De datum ligt {Datumvenster.Omschrijving}.");
            else if (looptijd is { Startdatum: { } start, Einddatum: { } eind } && (vanaf < start || vanaf > eind))
                Fout("vanaf", "buiten-looptijd", "Het werk wordt aangeboden binnen de looptijd van de afspraak.");

            if (string.IsNullOrWhiteSpace(regel.Sector)) continue;
            var sleutel = (regel.Sector, Werkaanbodregels.Functie(regel.Functie));
            if (gezien.Any(g => g.Sector == sleutel.Sector && Werkaanbodregels.ZelfdeFunctie(g.Functie, sleutel.Item2)))
                Fout("functie", "dubbel", "Elke combinatie van sector en functie komt één keer voor: tel de plaatsen samen.");
            gezien.Add(sleutel);
        }
    }

    private static void ControleerWerkafspraken(IReadOnlyList<WerkafspraakVerzoek>? werkafspraken, Referentiekader kader, ValidationContext<T> context)
    {
        for (var i = 0; i < (werkafspraken?.Count ?? 0); i++)
        {
            var werkafspraak = werkafspraken![i];
            var pad = $"werkafspraken[{i}]";
            if (werkafspraak is null)
            {
                context.AddFailure(new ValidationFailure(pad, "Een werkafspraak is leeg.") { ErrorCode = "verplicht" });
                continue;
            }

            foreach (var fout in WerkafspraakRegels.Instantie.Validate(werkafspraak).Errors)
            {
                context.AddFailure(new ValidationFailure($"{pad}.{fout.PropertyName}", fout.ErrorMessage) { ErrorCode = fout.ErrorCode });
            }

            if (string.IsNullOrWhiteSpace(werkafspraak.VariantCode))
            {
                context.AddFailure(new ValidationFailure($"{pad}.variantCode", "Noem de variant (variantCode).") { ErrorCode = "verplicht" });
                continue;
            }

            if (!kader.Varianten.TryGetValue(werkafspraak.VariantCode, out var variant))
            {
                context.AddFailure(new ValidationFailure($"{pad}.variantCode", $"Variant '{werkafspraak.VariantCode}' staat niet in de catalogus.")
                    { ErrorCode = "onbekende-variant" });
                continue;
            }

            if (!variant.IsActief)
            {
                context.AddFailure(new ValidationFailure($"{pad}.variantCode", $"Variant '{variant.Code}' is uitgefaseerd en kan niet meer worden afgesproken.")
                    { ErrorCode = "variant-uitgefaseerd" });
                continue;
            }

            foreach (var fout in Parametercontrole.Controleer(variant, werkafspraak.Parameters))
            {
                context.AddFailure(new ValidationFailure($"{pad}.parameters.{fout.Parameter}", fout.Reden) { ErrorCode = fout.Code });
            }
        }
    }

    private static string Camel(string naam) => JsonNamingPolicy.CamelCase.ConvertName(naam);
}

public static class AfspraakinhoudMapping
{
    /// <summary>The content as agreed; parameters left out take the standard value of the variant.</summary>
    public static Afspraakinhoud NaarInhoud(this IAfspraakinhoudVerzoek v, Referentiekader kader) => new(
        v.Titel!.Trim(),
        string.IsNullOrWhiteSpace(v.WerkgeverContactrol) ? null : v.WerkgeverContactrol.Trim(),
        v.Regiopartijen!.Select(p => new Regiopartij(p.Oin!, p.Naam!.Trim(), Enum.Parse<Partijsoort>(p.Soort!, true), p.Ondertekent ?? false,
            string.IsNullOrWhiteSpace(p.Contactrol) ? null : p.Contactrol.Trim())).ToList(),
        v.Werkafspraken!.Select(w => new Werkafspraak(w.VariantCode!, kader.Varianten[w.VariantCode!].MetStandaardwaarden(w.Parameters),
            string.IsNullOrWhiteSpace(w.Maatwerk) ? null : w.Maatwerk.Trim())).ToList(),
        v.Doelgroepen!.Select(d => Enum.Parse<Doelgroep>(d, true)).ToList(),
        (v.Beroepen ?? []).Select(b => b.Trim()).ToList(),
        new Doelstellingen(v.Doelstellingen!.PlaatsingenPerJaar!.Value, v.Doelstellingen.DuurzamePlaatsingenPerJaar!.Value),
        new Looptijd(v.Looptijd!.Startdatum!.Value, v.Looptijd.Einddatum!.Value))
    {
        Werkaanbod = (v.Werkaanbod ?? []).Select(w => new Werkaanbodregel(w.Sector!, Werkaanbodregels.Functie(w.Functie),
            string.IsNullOrWhiteSpace(w.VariantCode) ? null : w.VariantCode, w.AantalPlaatsen!.Value, w.Vanaf!.Value)).ToList(),
    };
}
