using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.ResultatenRegistreren;

/// <summary>Counts only: the registry holds nothing about individual candidates.</summary>
public interface IResultatenVerzoek
{
    int? Plaatsingen { get; }
    int? NaZesMaandenInWerk { get; }
    int? NaTwaalfMaandenInWerk { get; }
    int? Uitval { get; }
}

public sealed record ResultatenVerzoek(string? Periode, int? Plaatsingen, int? NaZesMaandenInWerk, int? NaTwaalfMaandenInWerk, int? Uitval, long? Versie)
    : IResultatenVerzoek;

public sealed record CorrectieVerzoek(string? Reden, int? Plaatsingen, int? NaZesMaandenInWerk, int? NaTwaalfMaandenInWerk, int? Uitval, long? Versie)
    : IResultatenVerzoek;

public abstract class ResultatenRegels<T> : Invoerregels<T> where T : IResultatenVerzoek
{
    public const int Maximum = 100_000;

    protected ResultatenRegels()
    {
        RuleFor(v => v.Plaatsingen).NotNull().InclusiveBetween(0, Maximum);
        RuleFor(v => v.NaZesMaandenInWerk).NotNull().InclusiveBetween(0, Maximum);
        RuleFor(v => v.NaTwaalfMaandenInWerk).NotNull().InclusiveBetween(0, Maximum);
        RuleFor(v => v.Uitval).NotNull().InclusiveBetween(0, Maximum);
        RuleFor(v => v.NaZesMaandenInWerk).LessThanOrEqualTo(v => v.Plaatsingen).When(v => v.Plaatsingen >= 0 && v.NaZesMaandenInWerk is not null)
            .WithErrorCode("meer-dan-plaatsingen").WithMessage("Er zijn niet meer mensen na zes maanden in werk dan er zijn geplaatst.");
        RuleFor(v => v.NaTwaalfMaandenInWerk).LessThanOrEqualTo(v => v.Plaatsingen).When(v => v.Plaatsingen >= 0 && v.NaTwaalfMaandenInWerk is not null)
            .WithErrorCode("meer-dan-plaatsingen").WithMessage("Er zijn niet meer mensen na twaalf maanden in werk dan er zijn geplaatst.");
        RuleFor(v => v.Uitval).LessThanOrEqualTo(v => v.Plaatsingen).When(v => v.Plaatsingen >= 0 && v.Uitval is not null)
            .WithErrorCode("meer-dan-plaatsingen").WithMessage("Er vallen niet meer mensen uit dan er zijn geplaatst.");
    }
}

public sealed class ResultatenValidator : ResultatenRegels<ResultatenVerzoek>
{
    public ResultatenValidator()
    {
        RuleFor(v => v.Periode).NotEmpty().Must(p => Kwartaal.TryParse(p, out _)).WithErrorCode("ongeldig-formaat")
            .WithMessage("Een periode is een kwartaal: JJJJ-K1 tot en met JJJJ-K4, bijvoorbeeld 2025-K2.");
    }
}

public sealed class CorrectieValidator : ResultatenRegels<CorrectieVerzoek>
{
    public CorrectieValidator()
    {
        RuleFor(v => v.Reden).NotEmpty().MaximumLength(Grenzen.Reden);
    }
}

public static class ResultatenRegistreren
{
    public static Task<Schrijfuitkomst> Uitvoeren(Schrijver schrijver, Opdrachtcontext context, Guid id, ResultatenVerzoek verzoek, Klok klok) =>
        schrijver.WijzigAfspraak(context, id, verzoek, new ResultatenValidator(), verzoek?.Versie,
            (afspraak, door) => Beslis(afspraak, verzoek!, door, klok.Vandaag, klok.GetUtcNow()));

    public static Task<Schrijfuitkomst> Corrigeren(Schrijver schrijver, Opdrachtcontext context, Guid id, string periode, CorrectieVerzoek verzoek,
        Klok klok) =>
        schrijver.WijzigAfspraak(context, id, verzoek, new CorrectieValidator(), verzoek?.Versie,
            (afspraak, door) => Corrigeer(afspraak, periode, verzoek!, door, klok.GetUtcNow()), verzoek?.Reden);

    public static Resultaten Tellingen(IResultatenVerzoek v) =>
        new(v.Plaatsingen!.Value, v.NaZesMaandenInWerk!.Value, v.NaTwaalfMaandenInWerk!.Value, v.Uitval!.Value);

    /// <summary>
    /// Results per quarter, once per quarter: for an active agreement, or an ended one (late reporting); the quarter
    /// lies (partly) inside the term and has ended, so that its figures are complete. A later change to a quarter is a
    /// correction, its own event.
    /// </summary>
    public static Besluit Beslis(Samenwerkingsafspraak afspraak, ResultatenVerzoek verzoek, Gebruiker door, DateOnly vandaag, DateTimeOffset nu)
    {
        if (Toegang.AlsPartij(door, afspraak) is null) return Regels.GeenPartij(afspraak);
        if (afspraak.Status == AfspraakStatus.Concept) return Regels.NogConcept();

        var kwartaal = Kwartaal.Van(verzoek.Periode!);
        var looptijd = afspraak.Inhoud.Looptijd with { Einddatum = afspraak.Beeindiging?.Einddatum ?? afspraak.Inhoud.Looptijd.Einddatum };
        if (!kwartaal.Overlapt(looptijd))
        {
            return Weigering.Ongeldig("periode-buiten-looptijd", $"{kwartaal} valt buiten de looptijd ({looptijd.Startdatum} tot {looptijd.Einddatum}).",
                new OngeldigeParameter("periode", "periode-buiten-looptijd", "De periode valt buiten de looptijd van de afspraak."));
        }

        if (vandaag <= kwartaal.Eind)
        {
            return Weigering.Ongeldig("periode-niet-afgelopen", $"{kwartaal} loopt tot en met {kwartaal.Eind:yyyy-MM-dd}: registreer de resultaten daarna.",
                new OngeldigeParameter("periode", "periode-niet-afgelopen", "Resultaten gaan over een kwartaal dat voorbij is."));
        }

        if (afspraak.Resultaten.Any(r => r.Periode == kwartaal.ToString()))
        {
            return Weigering.Conflict("periode-al-geregistreerd",
                $"Over {kwartaal} zijn al resultaten geregistreerd. Corrigeer ze met POST …/resultaten/{kwartaal}/correcties.");
        }

        return Besluit.Met(new ResultatenGeregistreerd(afspraak.Id, kwartaal.ToString(), Tellingen(verzoek), nu));
    }

    public static Besluit Corrigeer(Samenwerkingsafspraak afspraak, string periode, CorrectieVerzoek verzoek, Gebruiker door, DateTimeOffset nu)
    {
        if (Toegang.AlsPartij(door, afspraak) is null) return Regels.GeenPartij(afspraak);
        if (afspraak.Resultaten.FirstOrDefault(r => r.Periode == periode) is not { } bestaand)
        {
            return Weigering.NietGevonden("periode-niet-geregistreerd", $"Over {periode} zijn geen resultaten geregistreerd.");
        }

        var tellingen = Tellingen(verzoek);
        if (bestaand.Resultaten == tellingen) return Weigering.Conflict("geen-wijziging", $"De resultaten over {periode} zijn al precies zo.");
        return Besluit.Met(new ResultatenGecorrigeerd(afspraak.Id, periode, tellingen, verzoek.Reden!.Trim(), nu));
    }
}

public static class ResultatenRegistrerenEndpoint
{
    [WolverinePost("/v1/samenwerkingsafspraken/{id}/resultaten", OperationId = "resultatenRegistreren")]
    [EndpointSummary("Resultaten over een kwartaal registreren")]
    [EndpointDescription("Aantallen, nooit personen: plaatsingen, na zes en na twaalf maanden nog in werk, uitval. Eén keer per kwartaal; " +
                         "voor een actieve afspraak, of een beëindigde of verlopen (late rapportage).")]
    [ProducesResponseType<SamenwerkingsafspraakWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static Task<IResult> Post(Guid id, ResultatenVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok) =>
        ResultatenRegistreren.Uitvoeren(schrijver, HttpOpdracht.Context(http), id, verzoek, klok).AlsResultaat();
    [WolverinePost("/v1/samenwerkingsafspraken/{id}/resultaten/{periode}/correcties", OperationId = "resultatenCorrigeren")]
    [EndpointSummary("Geregistreerde resultaten corrigeren")]
    [EndpointDescription("Vervangt de aantallen van een geregistreerd kwartaal, met een reden; de oorspronkelijke registratie blijft in de historie.")]
    [ProducesResponseType<SamenwerkingsafspraakWeergave>(200)]
    [Problemen(400, 401, 403, 404, 409, 422, 428)]
    public static Task<IResult> Corrigeer(Guid id, string periode, CorrectieVerzoek verzoek, HttpContext http, Schrijver schrijver, Klok klok) =>
        ResultatenRegistreren.Corrigeren(schrijver, HttpOpdracht.Context(http), id, periode, verzoek, klok).AlsResultaat();
}
