namespace Routing.Graph.Facts;

/// <summary>How a road carries pedestrians (<c>sidewalk=*</c> and <c>sidewalk:*</c>).</summary>
public enum SidewalkKind : byte
{
    /// <summary>The edge is not a road: footway, path, steps ...</summary>
    NotARoad = 0,
    /// <summary>A road whose sidewalks are not tagged.</summary>
    Unknown,
    /// <summary>A sidewalk on one or both sides: walking happens on it, with its own facts when tagged.</summary>
    Present,
    /// <summary>No sidewalk: walking happens on the carriageway.</summary>
    None,
    /// <summary>The sidewalks are mapped as ways of their own; the road centreline should not be used for walking.</summary>
    Separate,
}
