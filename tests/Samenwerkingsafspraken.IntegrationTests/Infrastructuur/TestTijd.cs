namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

/// <summary>Domain time for tests: it stands still unless a test moves it.</summary>
public sealed class TestTijd(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _nu = start;

    public override DateTimeOffset GetUtcNow() => _nu.ToUniversalTime();

    public void Zet(DateTimeOffset nu) => _nu = nu;

    public void Verzet(TimeSpan duur) => _nu += duur;
}
