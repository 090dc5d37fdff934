using Samenwerkingsafspraken.Infrastructure.Development;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>
/// Where the database is: the configured connection string <c>ConnectionStrings:Samenwerkingsafspraken</c>, or, in
/// Development and Test only, a local PostgreSQL cluster (<see cref="LokaleDatabase"/>, absent elsewhere).
/// </summary>
public sealed class DatabaseConnection(IConfiguration configuration, LokaleDatabase? lokaal = null)
{
    public const string Name = "Samenwerkingsafspraken";

    public string ConnectionString =>
        configuration.GetConnectionString(Name) is { Length: > 0 } configured && !string.IsNullOrWhiteSpace(configured)
            ? configured
            : lokaal?.ConnectionString
              ?? throw new InvalidOperationException($"ConnectionStrings:{Name} is not configured (ConnectionStrings__{Name}).");
}

/// <summary>The repository's ignored <c>.local</c> folder, found from the working directory or the binaries.</summary>
public static class RepositoryPaths
{
    public static string LocalFolder => Path.Combine(Root ?? Directory.GetCurrentDirectory(), ".local");

    public static string? Root =>
        FindUpwards(Directory.GetCurrentDirectory()) ?? FindUpwards(AppContext.BaseDirectory);

    private static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Samenwerkingsafspraken.sln"))) return dir.FullName;
        }

        return null;
    }
}
