namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

/// <summary>The repository the tests run from, for the documents they hold against the code.</summary>
public static class Repository
{
    public static string Map { get; } = Zoek();

    private static string Zoek()
    {
        for (var map = new DirectoryInfo(AppContext.BaseDirectory); map is not null; map = map.Parent)
        {
            if (File.Exists(Path.Combine(map.FullName, "docs", "authenticatie.md")) && Directory.Exists(Path.Combine(map.FullName, "src"))) return map.FullName;
        }

        throw new InvalidOperationException("The repository (with docs/ and src/) was not found above " + AppContext.BaseDirectory);
    }
}
