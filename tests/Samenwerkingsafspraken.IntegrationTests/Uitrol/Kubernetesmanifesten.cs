using System.Reflection;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Samenwerkingsafspraken.Infrastructure.Hosting;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using YamlDotNet.Serialization;

namespace Samenwerkingsafspraken.IntegrationTests.Uitrol;

/// <summary>
/// deploy/kubernetes, checked offline: every manifest deserialises strictly into the typed models of the Kubernetes
/// client (an unknown or misspelt field fails), and what the manifests say fits the service: the probes answer on
/// the real service, the Job runs the real migration command, the settings pass the service's own start check.
/// </summary>
public sealed class Kubernetesmanifesten(ApiFixture fixture) : IntegratieTest(fixture)
{
    private static string Map => Path.Combine(RepositoryPaths.Root!, "deploy", "kubernetes");

    private static readonly Lazy<IReadOnlyList<object>> Objecten = new(() =>
        Resources().SelectMany(bestand => KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(Map, bestand)), strict: true)).ToList());

    private static T Enig<T>() => Objecten.Value.OfType<T>().ShouldHaveSingleItem();

    private static IReadOnlyList<string> Resources()
    {
        var kustomization = new DeserializerBuilder().Build()
            .Deserialize<Dictionary<string, object>>(File.ReadAllText(Path.Combine(Map, "kustomization.yaml")));
        return ((List<object>)kustomization["resources"]).Cast<string>().ToList();
    }

    [Fact]
    public void de_kustomization_noemt_elk_manifest_en_elk_manifest_is_strikt_geldig()
    {
        var bestanden = Directory.GetFiles(Map, "*.yaml").Select(Path.GetFileName).Where(b => b != "kustomization.yaml").ToList();
        Resources().ShouldBe(bestanden!, ignoreOrder: true);

        Objecten.Value.Select(o => o.GetType()).ShouldBe(
            [typeof(V1Namespace), typeof(V1ConfigMap), typeof(V1Secret), typeof(V1Secret), typeof(V1Job), typeof(V1Deployment), typeof(V1Service),
             typeof(V1PodDisruptionBudget), typeof(V2HorizontalPodAutoscaler)], ignoreOrder: true);
    }

    [Fact]
    public void een_onbekend_veld_valt_op()
    {
        // The control case: strict deserialisation is what catches a typo such as 'replica' for 'replicas'.
        var tekst = File.ReadAllText(Path.Combine(Map, "deployment.yaml")).Replace("  replicas: 3", "  replica: 3");
        Should.Throw<Exception>(() => KubernetesYaml.LoadAllFromString(tekst, strict: true));
    }

    [Fact]
    public async Task de_probes_wijzen_naar_paden_die_de_dienst_beantwoordt()
    {
        var container = Enig<V1Deployment>().Spec.Template.Spec.Containers.ShouldHaveSingleItem();
        container.ReadinessProbe.HttpGet.Path.ShouldBe("/health/ready");
        container.LivenessProbe.HttpGet.Path.ShouldBe("/health");
        container.StartupProbe.HttpGet.Path.ShouldBe("/health");
        foreach (var probe in new[] { container.ReadinessProbe, container.LivenessProbe, container.StartupProbe })
        {
            probe.HttpGet.Port.Value.ShouldBe("http");
            (await Get(probe.HttpGet.Path)).Status.ShouldBe(200, probe.HttpGet.Path);
        }

        container.Ports.ShouldHaveSingleItem().ShouldSatisfyAllConditions(p => p.Name.ShouldBe("http"), p => p.ContainerPort.ShouldBe(8080));
        File.ReadAllText(Path.Combine(RepositoryPaths.Root!, "deploy", "Dockerfile")).ShouldContain("ASPNETCORE_URLS=http://+:8080");
    }

    [Fact]
    public void drie_replicas_een_budget_een_autoscaler_en_een_service_die_bij_de_deployment_horen()
    {
        var deployment = Enig<V1Deployment>();
        deployment.Spec.Replicas.ShouldBe(3);
        var labels = deployment.Spec.Template.Metadata.Labels;
        deployment.Spec.Selector.MatchLabels.ShouldAllBe(l => labels[l.Key] == l.Value);

        var budget = Enig<V1PodDisruptionBudget>();
        budget.Spec.Selector.MatchLabels.ShouldAllBe(l => labels[l.Key] == l.Value);
        budget.Spec.MinAvailable.Value.ShouldBe("2");

        var autoscaler = Enig<V2HorizontalPodAutoscaler>();
        autoscaler.Spec.ScaleTargetRef.ShouldSatisfyAllConditions(t => t.Kind.ShouldBe("Deployment"), t => t.Name.ShouldBe(deployment.Metadata.Name));
        autoscaler.Spec.MinReplicas.ShouldBe(3);
        var poolgrootte = int.Parse(Enig<V1ConfigMap>().Data["Database__MaxPoolSize"]);
        (autoscaler.Spec.MaxReplicas * poolgrootte).ShouldBeLessThanOrEqualTo(90, "PostgreSQL's default max_connections is 100");

        var service = Enig<V1Service>();
        service.Spec.Selector.ShouldAllBe(l => labels[l.Key] == l.Value);
        service.Spec.Ports.ShouldHaveSingleItem().TargetPort.Value.ShouldBe("http");

        foreach (var container in deployment.Spec.Template.Spec.Containers.Concat(Enig<V1Job>().Spec.Template.Spec.Containers))
        {
            container.Resources.Requests.Keys.ShouldBe(["cpu", "memory"], ignoreOrder: true);
            container.Resources.Limits.Keys.ShouldContain("memory");
        }
    }

    [Fact]
    public void de_job_draait_het_echte_migratiecommando_met_hetzelfde_image()
    {
        var job = Enig<V1Job>().Spec.Template.Spec;
        var container = job.Containers.ShouldHaveSingleItem();
        container.Image.ShouldBe(Enig<V1Deployment>().Spec.Template.Spec.Containers.Single().Image);
        container.Args.ShouldBe(["migreren"]);
        typeof(MigrerenCommando).GetCustomAttribute<JasperFx.CommandLine.DescriptionAttribute>()!.Name.ShouldBe("migreren");
        job.RestartPolicy.ShouldBe("Never");
        File.ReadAllText(Path.Combine(RepositoryPaths.Root!, "deploy", "Dockerfile")).ShouldContain("ENTRYPOINT [\"dotnet\", \"Samenwerkingsafspraken.Api.dll\"]");
    }

    [Fact]
    public void de_instellingen_zijn_instellingen_van_de_dienst_en_doorstaan_haar_startcontrole()
    {
        var deployment = Omgeving(Enig<V1Deployment>().Spec.Template.Spec.Containers.Single());
        deployment.Keys.Where(k => !Bekend(k)).ShouldBeEmpty("every variable is one the service reads");
        Startcontrole.Bezwaren(Configuratie(deployment), Productie(deployment), dienst: true).ShouldBeEmpty();

        var job = Omgeving(Enig<V1Job>().Spec.Template.Spec.Containers.Single());
        job.Keys.Where(k => !Bekend(k)).ShouldBeEmpty();
        Startcontrole.Bezwaren(Configuratie(job), Productie(job), dienst: false).ShouldBeEmpty();

        // And the control case: without the OIDC secret the same check objects.
        var zonderOidc = deployment.Where(p => !p.Key.StartsWith("Authenticatie__")).ToDictionary();
        Startcontrole.Bezwaren(Configuratie(zonderOidc), Productie(zonderOidc), dienst: true).ShouldNotBeEmpty();
    }

    /// <summary>The variables a container gets: its env, and every key of the ConfigMaps and Secrets it takes whole.</summary>
    private static Dictionary<string, string> Omgeving(V1Container container)
    {
        var omgeving = new Dictionary<string, string>();
        foreach (var bron in container.EnvFrom ?? [])
        {
            var data = bron.ConfigMapRef is { } configMap
                ? Objecten.Value.OfType<V1ConfigMap>().Single(c => c.Metadata.Name == configMap.Name).Data
                : Objecten.Value.OfType<V1Secret>().Single(s => s.Metadata.Name == bron.SecretRef.Name).StringData;
            foreach (var (sleutel, waarde) in data) omgeving[sleutel] = waarde;
        }

        foreach (var variabele in container.Env ?? []) omgeving[variabele.Name] = variabele.Value;
        return omgeving;
    }

    private static bool Bekend(string variabele)
    {
        var sleutel = variabele.Replace("__", ":");
        string[] sleutels =
        [
            $"ConnectionStrings:{DatabaseConnection.Name}", "Authenticatie:Authority", "Authenticatie:Audience", "Authenticatie:Issuer",
            "Authenticatie:SigningKeyFile", DatabaseInstellingen.MaxPoolSizeSleutel, DatabaseInstellingen.PoolWaitSecondsSleutel,
            DatabaseInstellingen.RetryAfterSecondsSleutel, Clusterinstellingen.HeartbeatSecondsSleutel, Clusterinstellingen.StaleNodeSecondsSleutel,
            Samenwerkingsafspraken.Infrastructure.Writing.IdempotentieBewaartermijn.Sleutel, "OpenApi:ServerUrl", "ASPNETCORE_ENVIRONMENT",
            "OTEL_SERVICE_NAME", "OTEL_EXPORTER_OTLP_ENDPOINT",
        ];
        return sleutels.Contains(sleutel) || System.Text.RegularExpressions.Regex.IsMatch(sleutel, "^ForwardedHeaders:(KnownNetworks|KnownProxies):[0-9]+$");
    }

    private static IConfiguration Configuratie(Dictionary<string, string> omgeving) =>
        new ConfigurationBuilder().AddInMemoryCollection(omgeving.Select(p => new KeyValuePair<string, string?>(p.Key.Replace("__", ":"), p.Value))).Build();

    private static IHostEnvironment Productie(Dictionary<string, string> omgeving)
    {
        omgeving["ASPNETCORE_ENVIRONMENT"].ShouldBe("Production");
        return new HostingEnvironment { EnvironmentName = omgeving["ASPNETCORE_ENVIRONMENT"] };
    }
}
