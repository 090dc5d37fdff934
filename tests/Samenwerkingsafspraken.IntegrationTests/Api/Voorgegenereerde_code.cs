using System.Diagnostics;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Api;

/// <summary>
/// The committed handler code (Internal/Generated) is what the service loads outside Development: it must be what
/// the documented command writes today, or a node would run yesterday's endpoints.
/// </summary>
public sealed class Voorgegenereerde_code(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task de_vastgelegde_code_is_wat_codegen_write_nu_schrijft()
    {
        var uitvoer = Path.Combine(Path.GetTempPath(), $"samenwerkingsafspraken-codegen-{Guid.NewGuid():N}");
        var api = typeof(Program).Assembly.Location;
        var opdracht = new ProcessStartInfo("dotnet", [api, "codegen", "write"])
        {
            WorkingDirectory = Path.GetDirectoryName(api)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                [VoorgegenereerdeCode.UitvoerSleutel.Replace(":", "__")] = uitvoer,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__" + DatabaseConnection.Name] = Fixture.ConnectionString,
                ["Authenticatie__LocalIssuerKeyFile"] = Fixture.Uitgever.KeyFile,
            },
        };

        using var proces = Process.Start(opdracht)!;
        var uit = proces.StandardOutput.ReadToEndAsync();
        var fout = proces.StandardError.ReadToEndAsync();
        await proces.WaitForExitAsync();
        proces.ExitCode.ShouldBe(0, await uit + await fout);

        var vastgelegd = Path.Combine(RepositoryPaths.Root!, "src", "Samenwerkingsafspraken.Api", "Internal", "Generated");
        var verwacht = Bestanden(uitvoer);
        verwacht.Keys.ShouldNotBeEmpty();
        Bestanden(vastgelegd).Keys.ShouldBe(verwacht.Keys, ignoreOrder: true,
            customMessage: "Regenereer: dotnet run --project src/Samenwerkingsafspraken.Api -- codegen write");
        foreach (var (bestand, inhoud) in verwacht)
        {
            File.ReadAllText(Path.Combine(vastgelegd, bestand)).ShouldBe(inhoud,
                $"{bestand} is verouderd. Regenereer: dotnet run --project src/Samenwerkingsafspraken.Api -- codegen write");
        }

        Directory.Delete(uitvoer, recursive: true);
    }

    private static Dictionary<string, string> Bestanden(string map) =>
        Directory.GetFiles(map, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(pad => Path.GetRelativePath(map, pad), File.ReadAllText);
}
