using Routing.Engine.Profiles;

namespace Routing.Transit.Http;

/// <summary>The body of <c>POST /v1/trips</c> (snake_case).</summary>
internal sealed record TripRequestBody
{
    public PointBody? From { get; init; }
    public PointBody? To { get; init; }
    /// <summary>ISO 8601 with offset; give this or <see cref="Arrival"/> (neither: now).</summary>
    public string? Departure { get; init; }
    public string? Arrival { get; init; }
    public string? Profile { get; init; }
    /// <summary>The route constraints, read into the engine's own overrides (the names of <c>/v1/routes</c>).</summary>
    public ConstraintOverrides? Constraints { get; init; }
    public string? Language { get; init; }
    public TransitOptionsBody? Transit { get; init; }
}

internal sealed record PointBody
{
    public double? Lat { get; init; }
    public double? Lon { get; init; }
}

internal sealed record TransitOptionsBody
{
    /// <summary><c>penalize</c> (default) or <c>strict</c>.</summary>
    public string? Accessibility { get; init; }
    public int? MaxTransfers { get; init; }
    /// <summary>tram, subway, rail, bus, ferry ... (default: all).</summary>
    public IReadOnlyList<string>? Modes { get; init; }
}
