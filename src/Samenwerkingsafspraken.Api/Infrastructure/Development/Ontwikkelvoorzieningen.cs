using Samenwerkingsafspraken.Infrastructure.Hosting;

namespace Samenwerkingsafspraken.Infrastructure.Development;

/// <summary>
/// The one place where the development conveniences enter the service, and only in Development and Test: the local
/// PostgreSQL cluster (<see cref="LokaleDatabase"/>). The offline token issuer (<see cref="Security.LocalIssuer"/>)
/// is gated the same way in <see cref="Security.Authentication"/>; the schema is created at start only there too
/// (<see cref="Persistence.DatabaseInstellingen.SchemaBijStart"/>). Everywhere else <see cref="Startcontrole"/>
/// refuses to start without the real settings.
/// </summary>
public static class Ontwikkelvoorzieningen
{
    public static IServiceCollection AddOntwikkelvoorzieningen(this IServiceCollection services, IHostEnvironment omgeving)
    {
        if (Omgevingen.IsLokaal(omgeving)) services.AddSingleton<LokaleDatabase>();
        return services;
    }
}
