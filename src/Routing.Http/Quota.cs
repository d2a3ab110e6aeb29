using Microsoft.AspNetCore.Builder;

namespace Routing.Http;

/// <summary>Which quota an endpoint counts against; the service's rate limiter reads it from the endpoint's metadata.</summary>
public enum Quota
{
    /// <summary>Searches that can take seconds: isochrones, matrices, fix-first, barrier impact, audit.</summary>
    Expensive,

    /// <summary>One route: milliseconds, but the service's main load.</summary>
    Routes,
}

/// <summary>Endpoint metadata: the endpoint's <see cref="Quota"/>.</summary>
public sealed record QuotaMetadata(Quota Quota);

public static class QuotaConventions
{
    public static TBuilder WithQuota<TBuilder>(this TBuilder builder, Quota quota) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new QuotaMetadata(quota));
}
