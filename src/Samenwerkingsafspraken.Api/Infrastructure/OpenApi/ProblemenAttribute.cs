namespace Samenwerkingsafspraken.Infrastructure.OpenApi;

/// <summary>The problem responses (problem+json) an operation can give, for its OpenAPI description.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProblemenAttribute(params int[] statussen) : Attribute
{
    public IReadOnlyList<int> Statussen { get; } = statussen;
}
