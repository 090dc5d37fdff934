namespace Samenwerkingsafspraken.Infrastructure.OpenApi;

/// <summary>
/// A lookup of one versioned resource: it sends the version as ETag and answers If-None-Match with 304. The OpenAPI
/// document says so for these operations only (and for every write that answers with the resource).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MetETagAttribute : Attribute;
