using System.Security.Claims;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.Tests.Beveiliging;

public sealed class Tokencache_onthouden
{
    private sealed class Tijd(DateTimeOffset nu) : TimeProvider
    {
        public DateTimeOffset Nu { get; set; } = nu;

        public override DateTimeOffset GetUtcNow() => Nu;
    }

    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void een_gevalideerd_token_wordt_herkend_tot_het_verloopt_en_niet_daarna()
    {
        var tijd = new Tijd(Start);
        var cache = new Tokencache(tijd);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "a")], "Bearer"));
        cache.Onthoud("token-a", principal, Start.AddMinutes(5));

        cache.Probeer("token-a", out var gevonden).ShouldBeTrue();
        gevonden.ShouldBeSameAs(principal);

        tijd.Nu = Start.AddMinutes(5);
        cache.Probeer("token-a", out _).ShouldBeFalse();
    }

    [Fact]
    public void alleen_precies_hetzelfde_token_wordt_herkend()
    {
        var cache = new Tokencache(new Tijd(Start));
        cache.Onthoud("header.inhoud.handtekening", new ClaimsPrincipal(), Start.AddHours(1));

        cache.Probeer("header.inhoud.handtekeninG", out _).ShouldBeFalse();
        cache.Probeer("header.inhoud.handtekening ", out _).ShouldBeFalse();
        cache.Probeer("onbekend", out _).ShouldBeFalse();
    }
}
