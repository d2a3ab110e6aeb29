namespace Routing.Graph;

/// <summary>
/// What the graph was built from and how: facts that cannot be derived from the arrays themselves.
/// Counts and shares are derived on demand by <see cref="GraphStatistics"/>.
/// </summary>
public sealed record GraphMetadata
{
    /// <summary>File name of the OSM extract (no directory, so graphs built on different machines compare equal).</summary>
    public required string SourceFile { get; init; }
    /// <summary>SHA-256 of the OSM extract, hex.</summary>
    public string? SourceSha256 { get; init; }
    /// <summary>Data timestamp of the extract (newest object or header replication timestamp), if known.</summary>
    public DateTimeOffset? OsmTimestamp { get; init; }
    /// <summary>Terrain model used for inclines, if any.</summary>
    public string? ElevationSource { get; init; }
    public required DateTimeOffset BuiltAtUtc { get; init; }
    public required string BuilderVersion { get; init; }
    public double BuildSeconds { get; init; }
    public long PeakMemoryBytes { get; init; }
}
