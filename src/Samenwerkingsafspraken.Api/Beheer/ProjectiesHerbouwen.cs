using Marten;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
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
/// changed. A rebuild can take minutes, so it is a job: a durable local message runs it (on another node if this one
/// dies), and its status resource shows its progress and, once finished, how long it took. The request waits a little
/// (<see cref="Herbouwmeldingen"/>, or what its Prefer header asks): a rebuild done by then is answered 200 with its
/// result, any other 202 with the job's status resource in Location.
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
    [EndpointDescription("Start de herbouw als taak. Is de taak binnen de wachttijd klaar (standaard 2 seconden; met `Prefer: wait=N` " +
                         "kiest u zelf, tot 30 seconden), dan is het antwoord 200 met de afgeronde taak (`voltooid` met `duurInMilliseconden`, " +
                         "of `mislukt` met `fout`) en in Content-Location haar statusbron. Anders, of met `Prefer: respond-async`, is het " +
                         "antwoord 202 met de taak zoals zij dan staat en in Location haar statusbron: vraag die op tot `status` `voltooid` " +
                         "of `mislukt` is; `voortgang` toont hoeveel gebeurtenissen verwerkt zijn. Preference-Applied noemt de voorkeur " +
                         "die is gevolgd. Per projectie loopt er één herbouw tegelijk: een tweede verzoek terwijl er een wacht of loopt is 409.")]
    [ProducesResponseType<Herbouwtaak>(200)]
    [ProducesResponseType<Herbouwtaak>(202)]
    [Problemen(401, 403, 404, 409)]
    public static async Task<IResult> Herbouwen(string naam, HttpContext http, IDocumentSession session, IMessageBus bus, Herbouwmeldingen meldingen)
    {
        if (!MartenConfiguratie.Herbouwbaar.Contains(naam))
        {
            return Problemen.NietGevonden($"Er is geen projectie '{naam}'. Bekend: {string.Join(", ", MartenConfiguratie.Herbouwbaar)}.");
        }

        var lopend = await session.Query<Herbouwtaak>().FirstOrDefaultAsync(t => t.LopendVoor == naam, http.RequestAborted);
        if (lopend is not null) return AlBezig(lopend);

        var voorkeur = Voorkeur.Van(http.Request);
        var wachttijd = voorkeur switch
        {
            { WachtSeconden: { } seconden } => TimeSpan.FromSeconds(Math.Min(seconden, Herbouwmeldingen.MaximaleWachttijd.TotalSeconds)),
            { Asynchroon: true } => TimeSpan.Zero,
            _ => meldingen.StandaardWachttijd,
        };

        var taak = new Herbouwtaak
        {
            Id = Guid.CreateVersion7(),
            Projectie = naam,
            AangevraagdDoor = Gebruiker.Van(http.User).Id,
            AangevraagdOp = DateTimeOffset.UtcNow,
        };
        var einde = wachttijd > TimeSpan.Zero ? meldingen.Verwacht(taak.Id) : null;
        try
        {
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

            if (voorkeur.WachtSeconden is not null) http.Response.Headers.Append(Voorkeur.ToegepastKop, $"wait={(int)wachttijd.TotalSeconds}");
            if (einde is not null)
            {
                var afgerond = await Afgerond(einde, wachttijd, http.RequestAborted);
                if (afgerond is null)
                {
                    // Not done within the wait: answer with the job as it stands now (running, with its progress).
                    await using var stand = session.DocumentStore.QuerySession();
                    taak = await stand.LoadAsync<Herbouwtaak>(taak.Id, CancellationToken.None) ?? taak;
                    afgerond = taak.Status is Herbouwstatus.Voltooid or Herbouwstatus.Mislukt ? taak : null;
                }

                if (afgerond is not null)
                {
                    http.Response.Headers.ContentLocation = Herbouwtaak.Locatie(afgerond.Id);
                    return Results.Json(afgerond, Json.Options, statusCode: StatusCodes.Status200OK);
                }
            }
            else if (voorkeur.Asynchroon)
            {
                http.Response.Headers.Append(Voorkeur.ToegepastKop, "respond-async");
            }
        }
        finally
        {
            meldingen.Vergeet(taak.Id);
        }

        http.Response.Headers.Location = Herbouwtaak.Locatie(taak.Id);
        return Results.Json(taak, Json.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>The operation's Prefer header and the headers of its two answers, in the OpenAPI document.</summary>
    public static Task Beschrijf(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        if (operation.OperationId != "projectieHerbouwen") return Task.CompletedTask;

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Voorkeur.Kop, In = ParameterLocation.Header, Required = false,
            Description = "RFC 7240. `respond-async`: antwoord meteen 202. `wait=N`: wacht tot N seconden (hoogstens 30) op het resultaat " +
                          "en antwoord daarna 202. Zonder voorkeur wacht de herbouw 2 seconden. Onbekende voorkeuren worden genegeerd.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = System.Text.Json.Nodes.JsonValue.Create("respond-async, wait=10"),
        });
        var toegepast = new OpenApiHeader
        {
            Description = "De gevolgde voorkeur uit Prefer: `wait=N` met de gebruikte wachttijd, of `respond-async`.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };
        foreach (var (status, kop, omschrijving) in new[]
                 {
                     ("200", "Content-Location", "De statusbron van de afgeronde taak."),
                     ("202", "Location", "De statusbron van de taak: vraag die op tot zij voltooid of mislukt is."),
                 })
        {
            if (operation.Responses?.TryGetValue(status, out var antwoord) != true || antwoord is not OpenApiResponse beschreven) continue;
            beschreven.Description = status == "200" ? "De herbouw is binnen de wachttijd afgerond (voltooid of mislukt)." : "De herbouw loopt als taak.";
            beschreven.Headers ??= new Dictionary<string, IOpenApiHeader>();
            beschreven.Headers[kop] = new OpenApiHeader { Description = omschrijving, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            beschreven.Headers[Voorkeur.ToegepastKop] = toegepast;
        }

        return Task.CompletedTask;
    }

    /// <summary>The finished job if it ends within the wait, else null (also when the client gave up waiting: the job goes on).</summary>
    private static async Task<Herbouwtaak?> Afgerond(Task<Herbouwtaak> einde, TimeSpan wachttijd, CancellationToken afgebroken)
    {
        try
        {
            return await einde.WaitAsync(wachttijd, afgebroken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            return null;
        }
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
        services.AddSingleton<Herbouwmeldingen>()
            .ConfigureMarten(opts => opts.Schema.For<Herbouwtaak>()
                .Duplicate(t => t.LopendVoor, configure: index => index.IsUnique = true));
}
