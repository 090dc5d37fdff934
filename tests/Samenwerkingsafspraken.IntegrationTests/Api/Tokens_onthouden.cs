using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Api;

/// <summary>A validated token is remembered; a token that differs in any character is validated (and refused) on its own.</summary>
public sealed class Tokens_onthouden(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task een_onthouden_token_laat_een_vervalste_variant_niet_door()
    {
        var token = Tokens.Auditor();
        (await Get("/v1/samenwerkingsafspraken/" + Guid.NewGuid(), token)).Status.ShouldBe(404);
        (await Get("/v1/samenwerkingsafspraken/" + Guid.NewGuid(), token)).Status.ShouldBe(404);

        var vervalst = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        (await Get("/v1/samenwerkingsafspraken/" + Guid.NewGuid(), vervalst)).Probleem(401);
    }
}
