using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Samenwerkingsafspraken.Infrastructure.Http;

/// <summary>
/// Behind a TLS-terminating proxy or ingress the service sees plain HTTP from the proxy: X-Forwarded-Proto and
/// X-Forwarded-For say what the client used, but only when they come from a proxy we name. Settings
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR, for a pod
/// network whose addresses change); without them only loopback is trusted, as in ASP.NET Core.
/// </summary>
public static class DoorgestuurdeHeaders
{
    public static IServiceCollection AddDoorgestuurdeHeaders(this IServiceCollection services, IConfiguration configuratie)
    {
        var proxies = configuratie.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var netwerken = configuratie.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            foreach (var netwerk in netwerken) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(netwerk.Trim()));
        });
        return services;
    }

    public static IApplicationBuilder UseDoorgestuurdeHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
