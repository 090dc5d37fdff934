using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Options;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Bewijs;
using Samenwerkingsafspraken.Afspraken.Importeren;
using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.Referenties;
using Samenwerkingsafspraken.Referenties.Delen;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Varianten;
using Samenwerkingsafspraken.Varianten.Gebruik;
using Samenwerkingsafspraken.Referenties.Zoeken;
using Samenwerkingsafspraken.Werkaanbod;
using Samenwerkingsafspraken.Werkgevers;
using Weasel.Core;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>The event store and documents on PostgreSQL: one place that says what Marten stores and projects.</summary>
public static class MartenConfiguratie
{
    public const string Schema = "samenwerkingsafspraken";

    /// <summary>The projections a beheerder may rebuild (after a change of their code or of the proof rule).</summary>
    public static readonly IReadOnlyList<string> Herbouwbaar =
        [nameof(Samenwerkingsafspraak), nameof(Werkgever), nameof(Arbeidsmarktregio), nameof(Gemeente), nameof(Variant), nameof(Hergebruikverzoek),
         nameof(Afsprakenimport), "Referentie", VariantgebruikProjectie.Naam, WerkaanbodProjectie.Naam, nameof(Referentiedelingen),
         WerkgeverrelatiesProjectie.Naam];

    /// <summary>
    /// How Marten writes a document's JSON (below: camelCase members, enum values by name as declared), for reading
    /// stored JSON that Marten streams without deserializing it (<see cref="Afspraken.Register.AfspraakFilter.Regels"/>).
    /// </summary>
    public static readonly JsonSerializerOptions Documentjson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static StoreOptions Opties(IServiceProvider services)
    {
        var opts = new StoreOptions();
        opts.DatabaseSchemaName = Schema;
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

        opts.Events.StreamIdentity = StreamIdentity.AsGuid;
        // Event timestamps from the domain clock (Klok), without Rich mode's extra round trips for sequence numbers
        // and stream state: every append here names its expected version (StartStream, FetchForWriting, or an
        // explicit version), so inline projections see the right versions.
        opts.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;

        // One connection per session: a command's reads and its write, or a lookup's queries, share one pool checkout.
        opts.UseStickyConnectionLifetimes = true;

        // The write path reads, in its one read batch, what the inline projections will update; with this, they take
        // those documents (and the aggregate fetched for writing) from the session instead of reading them again.
        opts.Events.UseIdentityMapForAggregates = true;
        opts.Events.TimeProvider = services.GetRequiredService<Klok>();
        opts.Events.MetadataConfig.HeadersEnabled = true;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.UserNameEnabled = true;

        opts.Projections.Add(new AggregateProjection<Arbeidsmarktregio>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new AggregateProjection<Gemeente>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new AggregateProjection<Werkgever>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new AggregateProjection<Variant>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new AggregateProjection<Samenwerkingsafspraak>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new AggregateProjection<Hergebruikverzoek>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new AggregateProjection<Afsprakenimport>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new AggregateProjection<Referentiedelingen>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new WerkgeverrelatiesProjectie(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new VariantgebruikProjectie(), ProjectionLifecycle.Async);
        opts.Projections.Add(new WerkaanbodProjectie(), ProjectionLifecycle.Async);
        opts.Projections.Add(new ReferentieProjectie(services.GetRequiredService<IOptions<Bewijsregel>>().Value), ProjectionLifecycle.Inline);

        Indexen(opts);
        opts.Schema.For<IdempotenteOpdracht>();
        opts.ConfigureerGemeenten();
        opts.ConfigureerWerkgevers();
        opts.ConfigureerWatWerkt();
        opts.ConfigureerReferenties();
        opts.ConfigureerWerkaanbod();

        return opts;
    }

    /// <summary>
    /// Every filter of a lookup on a column of its own (a duplicated field, so that the query needs no JSON
    /// operator and the index is used whatever the parameters), with indexes in the order the lookups page:
    /// latest change first, by keyset (<see cref="Afspraken.Register.Bladwijzer"/>).
    /// </summary>
    private static void Indexen(StoreOptions opts)
    {
        // A duplicated field brings an index of its own: here each one becomes the composite that a lookup pages along.
        opts.Schema.For<Samenwerkingsafspraak>()
            .Duplicate(a => a.Arbeidsmarktregio, configure: Pagina("regio", "?"))
            .Duplicate(a => a.Status, configure: Pagina("regio_status", "arbeidsmarktregio, ?"))
            .Duplicate(a => a.Werkgever.KvkNummer, configure: Pagina("werkgever", "?"))
            .Duplicate(a => a.LaatstGewijzigdOp, configure: Pagina("alle", "?"))
            .GinIndexJsonDataMember(a => a.Inhoud.Werkafspraken);

        opts.Schema.For<Hergebruikverzoek>()
            .Duplicate(v => v.DoelArbeidsmarktregio)
            .Duplicate(v => v.KvkNummer)
            .Duplicate(v => v.BronAfspraakId)
            .Index(v => v.OpenSleutel, index => index.IsUnique = true);
        opts.Schema.For<Variantgebruik>()
            .Duplicate(g => g.Arbeidsmarktregio)
            .Duplicate(g => g.Sector)
            .Duplicate(g => g.Startdatum)
            .Duplicate(g => g.Einddatum);
    }

    /// <summary>The filter's columns (the duplicated one is '?') followed by the order of the pages: a page is a short range scan.</summary>
    private static Action<Marten.Schema.DocumentIndex> Pagina(string naam, string filter) => index =>
    {
        index.Name = $"mt_doc_samenwerkingsafspraak_pagina_{naam}";
        index.Mask = filter == "?" && naam == "alle" ? "?, id" : $"{filter}, laatst_gewijzigd_op, id";
    };
}
