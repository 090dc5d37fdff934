namespace Samenwerkingsafspraken.Infrastructure.Hosting;

/// <summary>
/// Where the development conveniences (a PostgreSQL cluster of our own, the offline token issuer, the schema created
/// at start) are allowed: Development, and Test, the environment the test host runs in. Everywhere else they are off.
/// </summary>
public static class Omgevingen
{
    public const string Test = "Test";

    public static bool IsLokaal(IHostEnvironment omgeving) => omgeving.IsDevelopment() || omgeving.IsEnvironment(Test);

    public static bool IsLokaal(string? omgeving) =>
        string.Equals(omgeving, Environments.Development, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(omgeving, Test, StringComparison.OrdinalIgnoreCase);
}
