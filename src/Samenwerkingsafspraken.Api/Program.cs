using JasperFx;
using Marten;
using Samenwerkingsafspraken.Beheer;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Hosting;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Observability;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Integriteit;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Voorbeeldgegevens;
using Scalar.AspNetCore;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Marten;

var builder = WebApplication.CreateBuilder(args);

if (args is ["token", .. var tokenArgs])
{
    return TokenCommando.Voer(tokenArgs, builder.Configuration);
}

if (args is ["gezondheid", .. var gezondheidArgs])
{
    return await Gezondheidsprobe.Voer(gezondheidArgs, builder.Configuration, Console.Error);
}

if (Startcontrole.Weiger(args, builder.Configuration, builder.Environment, Console.Error) is { } weigering) return weigering;

if (args is ["integriteit", .. var integriteitArgs])
{
    return await IntegriteitCommando.Voer(integriteitArgs, builder.Configuration, Console.Out, Console.Error, builder.Environment);
}

builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = StrikteInvoer.MaximaleGrootte);
if (string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

Validatie.ConfigureerGlobaal();
builder.AddTelemetrie();
builder.Services.AddSingleton(new Klok(TimeProvider.System));
builder.AddVoorbeeldgegevens(args);
builder.Services.AddDatabase(builder.Configuration, builder.Environment);
builder.Services.AddCluster(builder.Configuration);
builder.Services.AddDoorgestuurdeHeaders(builder.Configuration);
builder.Services.AddBeheer();
builder.Services.AddIdempotentieOpruimen();
builder.Services.AddSingleton<ReferentiedataImport>();
builder.Services.Configure<Samenwerkingsafspraken.Afspraken.Bewijs.Bewijsregel>(builder.Configuration.GetSection(Samenwerkingsafspraken.Afspraken.Bewijs.Bewijsregel.Sectie));
builder.Services.AddIntegriteit();
builder.Services.AddSchrijfpad();
builder.Services.AddVoorgegenereerdeCode(builder.Configuration);

// Runs before Wolverine's and Marten's own start-up work: the schema and reference data are there first.
builder.Services.AddHostedService<DatabaseInitialisatie>();

builder.Services.AddMarten(MartenConfiguratie.Opties)
    .UseNpgsqlDataSource()
    .UseLightweightSessions()
    .IntegrateWithWolverine(integration => integration.UseWolverineManagedEventSubscriptionDistribution = true);

builder.Host.UseWolverine(opts =>
{
    opts.Policies.UseDurableLocalQueues();

    // A scheduled expiry that meets a concurrent write to the same agreement tries again.
    opts.OnException<JasperFx.ConcurrencyException>().RetryWithCooldown(
        TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));
    opts.Durability.MessageStorageSchemaName = "wolverine";
    IdempotentieBewaartermijn.Plan(opts);

    // Extensions by hand: the automatic discovery loads every assembly the application ships (the spreadsheet and CSV
    // libraries among them) to look for Wolverine modules, about 5 MiB of a node's memory for nothing. The one module
    // among them is the Roslyn compiler, which only Development uses (see VoorgegenereerdeCode).
    if (builder.Environment.IsDevelopment()) opts.UseRuntimeCompilation();
}, ExtensionDiscovery.ManualOnly);

builder.Services.AddWolverineHttp();
builder.Services.ConfigureHttpJsonOptions(options => Json.Configure(options.SerializerOptions));
builder.Services.AddApiConventies();
builder.Services.AddAuthenticatie(builder.Configuration, builder.Environment);
builder.Services.AddToegangsbeleid();
builder.Services.AddTokencache();
builder.Services.AddWebapplicatie(builder.Configuration, builder.Environment);
builder.Services.AddOpenApiDocument(builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<DatabaseGezondheid>("database", tags: ["ready"]);

var app = builder.Build();

app.UseDoorgestuurdeHeaders();
app.UseTelemetrie();
app.UseApiConventies();
app.UseWebapplicatie();
app.UseAuthentication();
app.UseToegangsbeleid();
app.UseStrikteInvoer();
app.UseAuthorization();
app.UseHandlerSpans();

app.MapWebapplicatie();
app.MapOpenApi("/v1/openapi.json").MetToegangssleutel(Toegangsbeleid.Sleutels.OpenApiDocument);
app.MapScalarApiReference("/documentatie", options => options.WithTitle("Samenwerkingsafspraken API").WithOpenApiRoutePattern("/v1/openapi.json"))
    .MetToegangssleutel(Toegangsbeleid.Sleutels.ApiReferentie);
app.MapHealthChecks("/health", new() { Predicate = _ => false }).MetToegangssleutel(Toegangsbeleid.Sleutels.Gezondheid);
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).MetToegangssleutel(Toegangsbeleid.Sleutels.Gezondheid);
app.MapWolverineEndpoints(http =>
{
    // Who may call what is the access policy's business (Infrastructure/Security/Toegangsbeleid.cs), not attributes.
    http.RejectUnparseableQueryValues = true;

    // Generate every endpoint's code at start, so that a mistake fails the start (and the tests), not a request.
    http.WarmUpRoutes = RouteWarmup.Eager;
});

if (VoorbeeldgegevensCommando.IsCommando(args)) return await VoorbeeldgegevensCommando.Voer(app, args);

return await app.StartDienstOfCommando(args);

public partial class Program;
