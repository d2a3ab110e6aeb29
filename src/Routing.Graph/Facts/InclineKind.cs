namespace Routing.Graph.Facts;

/// <summary>What is known about an edge's incline in its forward direction.</summary>
public enum InclineKind : byte
{
    Unknown = 0,
    /// <summary>A value in per mille is known (tagged or from the terrain model).</summary>
    Value,
    /// <summary><c>incline=up</c>: rises in the forward direction, by an unknown amount.</summary>
    UpNoValue,
    /// <summary><c>incline=down</c>: falls in the forward direction, by an unknown amount.</summary>
    DownNoValue,
}
