using Marten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.Infrastructure.Security;
using Wolverine;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Beheer;

public sealed record ProjectieLijst(IReadOnlyList<string> Projecties);

/// <summary>
/// The beheerder rebuilds a projection from all events: after its code changed, or after the proof rule's settings
/// changed. A rebuild can take minutes, so it is a job: the request answers 202 with the job's status resource in
/// Location, a durable local message runs it (on another node if this one dies), and the status resource shows its
/// progress and, once finished, how long it took.
/// </summary>
public static class ProjectiesHerbouwenEndpoint
{
    [WolverineGet("/v1/beheer/projecties", OperationId = "projectiesOpvragen")]
    [EndpointSummary("De projecties die herbouwd kunnen worden")]
    [ProducesResponseType<ProjectieLijst>(200)]
    [Problemen(401, 403)]
    public static ProjectieLijst Lijst() => new(MartenConfiguratie.Herbouwbaar);

    [WolverinePost("/v1/beheer/projecties/{naam}/herbouw", OperationId = "projectieHerbouwen")]
    [EndpointSummary("Een projectie herbouwen uit alle gebeurtenissen (als achtergrondtaak)")]
    [EndpointDescription("Start de herbouw als taak en antwoordt meteen met 202 en in Location de statusbron van de taak. Vraag die op " +
                         "tot `status` `voltooid` of `mislukt` is; `voortgang` toont hoeveel gebeurtenissen verwerkt zijn. Per projectie " +
                         "loopt er één herbouw tegelijk: een tweede verzoek terwijl er een wacht of loopt is 409.")]
    [ProducesResponseType<Herbouwtaak>(202)]
    [Problemen(401, 403, 404, 409)]
    public static async Task<IResult> Herbouwen(string naam, HttpContext http, IDocumentSession session, IMessageBus bus)
    {
        if (!MartenConfiguratie.Herbouwbaar.Contains(naam))
        {
            return Problemen.NietGevonden($"Er is geen projectie '{naam}'. Bekend: {string.Join(", ", MartenConfiguratie.Herbouwbaar)}.");
        }

        var lopend = await session.Query<Herbouwtaak>().FirstOrDefaultAsync(t => t.LopendVoor == naam, http.RequestAborted);
        if (lopend is not null) return AlBezig(lopend);

        var taak = new Herbouwtaak
        {
            Id = Guid.CreateVersion7(),
            Projectie = naam,
            AangevraagdDoor = Gebruiker.Van(http.User).Id,
            AangevraagdOp = DateTimeOffset.UtcNow,
        };
        session.Insert(taak);
        await bus.PublishAsync(new HerbouwProjectie(taak.Id));
        try
        {
            await session.SaveChangesAsync(http.RequestAborted);
        }
        catch (Exception e) when (IsUniekeSchending(e))
        {
            // Another request started the same projection's rebuild at the same moment.
            await using var vers = session.DocumentStore.QuerySession();
            return AlBezig(await vers.Query<Herbouwtaak>().FirstOrDefaultAsync(t => t.LopendVoor == naam, CancellationToken.None));
        }

        http.Response.Headers.Location = Herbouwtaak.Locatie(taak.Id);
        return Results.Json(taak, Json.Options, statusCode: StatusCodes.Status202Accepted);
    }

    [WolverineGet("/v1/beheer/herbouwtaken/{id}", OperationId = "herbouwtaakOpvragen")]
    [EndpointSummary("De toestand van een herbouwtaak")]
    [EndpointDescription("`status` is `wachtend`, `bezig`, `voltooid` of `mislukt`; een afgeronde taak heeft `duurInMilliseconden`, een mislukte `fout`. " +
                         "De ETag verandert met elke verandering van de taak (ook haar voortgang): met If-None-Match is het antwoord 304 zolang er niets veranderde.")]
    [ProducesResponseType<Herbouwtaak>(200)]
    [MetETag]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Taak(string id, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        if (!Guid.TryParseExact(id, "D", out var taakId))
        {
            return Problemen.Ongeldig([new OngeldigeParameter("id", "ongeldig-formaat", "De taak-id is een UUID, zoals in de Location van de herbouw.")]);
        }

        var taak = await session.LoadAsync<Herbouwtaak>(taakId, cancellation);
        return taak is null
            ? Problemen.NietGevonden($"Er is geen herbouwtaak {taakId}.")
            : Voorwaardelijk.AntwoordNaarInhoud(http, taak);
    }

    private static IResult AlBezig(Herbouwtaak? lopend) => Problemen.Probleem(409, "herbouw-loopt-al",
        $"Deze projectie wordt al herbouwd{(lopend is null ? "" : $": zie {Herbouwtaak.Locatie(lopend.Id)}")}. Wacht tot die taak klaar is.",
        extra: lopend is null ? null : new Dictionary<string, object?> { ["taak"] = Herbouwtaak.Locatie(lopend.Id) });

    private static bool IsUniekeSchending(Exception e)
    {
        for (Exception? binnen = e; binnen is not null; binnen = binnen.InnerException)
        {
            if (binnen is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }) return true;
        }

        return false;
    }
}

public static class BeheerRegistratie
{
    /// <summary>The job's document; a column of its own (not in the JSON) with a unique index allows one running rebuild per projection.</summary>
    public static IServiceCollection AddBeheer(this IServiceCollection services) =>
        services.ConfigureMarten(opts => opts.Schema.For<Herbouwtaak>()
            .Duplicate(t => t.LopendVoor, configure: index => index.IsUnique = true));
}
