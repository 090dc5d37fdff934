namespace Samenwerkingsafspraken.BrowserTests.Infrastructuur;

/// <summary>Domain time for the data set: it stands still unless the set-up moves it (a year of results).</summary>
public sealed class TestTijd(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _nu = start;

    public override DateTimeOffset GetUtcNow() => _nu.ToUniversalTime();

    public void Zet(DateTimeOffset nu) => _nu = nu;
}
