using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Options;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Bewijs;
using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.Referenties;
using Samenwerkingsafspraken.Referenties.Delen;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Varianten;
using Samenwerkingsafspraken.Varianten.Gebruik;
using Samenwerkingsafspraken.Werkgevers;
using Weasel.Core;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>The event store and documents on PostgreSQL: one place that says what Marten stores and projects.</summary>
public static class MartenConfiguratie
{
    public const string Schema = "samenwerkingsafspraken";

    /// <summary>The projections a beheerder may rebuild (after a change of their code or of the proof rule).</summary>
    public static readonly IReadOnlyList<string> Herbouwbaar =
        [nameof(Samenwerkingsafspraak), nameof(Werkgever), nameof(Arbeidsmarktregio), nameof(Gemeente), nameof(Variant), nameof(Hergebruikverzoek), "Referentie",
         VariantgebruikProjectie.Naam, nameof(Referentiedelingen), WerkgeverrelatiesProjectie.Naam];

    public static StoreOptions Opties(IServiceProvider services)
    {
        var opts = new StoreOptions();
        opts.DatabaseSchemaName = Schema;
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

        opts.Events.StreamIdentity = StreamIdentity.AsGuid;
        opts.Events.AppendMode = EventAppendMode.Rich;
        opts.Events.TimeProvider = services.GetRequiredService<Klok>();
        opts.Events.MetadataConfig.HeadersEnabled = true;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.Logger(new MartenLogboek(services.GetRequiredService<ILoggerFactory>().CreateLogger<IDocumentStore>()));

        opts.Projections.Add(new AggregateProjection<Arbeidsmarktregio>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new AggregateProjection<Gemeente>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new AggregateProjection<Werkgever>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new AggregateProjection<Variant>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new AggregateProjection<Samenwerkingsafspraak>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new AggregateProjection<Hergebruikverzoek>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new AggregateProjection<Referentiedelingen>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new WerkgeverrelatiesProjectie(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new VariantgebruikProjectie(), ProjectionLifecycle.Async);
        opts.Projections.Add(new ReferentieProjectie(services.GetRequiredService<IOptions<Bewijsregel>>().Value), ProjectionLifecycle.Inline);

        opts.Schema.For<Samenwerkingsafspraak>()
            .Index(a => a.Arbeidsmarktregio)
            .Index(a => a.Werkgever.KvkNummer);
        opts.Schema.For<Hergebruikverzoek>()
            .Index(v => v.DoelArbeidsmarktregio)
            .Index(v => v.KvkNummer)
            .Index(v => v.OpenSleutel, index => index.IsUnique = true);
        opts.Schema.For<Referentie>()
            .Index(r => r.KvkNummer);
        opts.Schema.For<Variantgebruik>()
            .Index(g => g.Arbeidsmarktregio)
            .Index(g => g.Sector);
        opts.Schema.For<IdempotenteOpdracht>();
        opts.ConfigureerGemeenten();
        opts.ConfigureerWerkgevers();

        return opts;
    }
}
