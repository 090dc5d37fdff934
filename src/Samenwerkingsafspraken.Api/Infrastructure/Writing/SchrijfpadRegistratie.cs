using Marten;
using Samenwerkingsafspraken.Referentiedata;

namespace Samenwerkingsafspraken.Infrastructure.Writing;

public static class SchrijfpadRegistratie
{
    /// <summary>The write path and the reference data it holds: one of each per node, shared by the API and the web pages.</summary>
    public static IServiceCollection AddSchrijfpad(this IServiceCollection services)
    {
        services.AddSingleton<Referentiewijzigingen>();
        services.ConfigureMarten((provider, opts) => opts.Listeners.Add(provider.GetRequiredService<Referentiewijzigingen>()));
        services.AddSingleton<Referentiecache>();
        services.AddSingleton<Schrijver>();
        services.AddSingleton<MultiStreamWriting.Meerstroomschrijver>();
        return services;
    }
}
