namespace Routing.Graph.Facts;

/// <summary>How a pedestrian crossing is controlled (<c>crossing=*</c>, <c>crossing:markings</c>, <c>crossing:signals</c>).</summary>
public enum CrossingKind : byte
{
    None = 0,
    /// <summary>A crossing whose kind is not tagged.</summary>
    Unknown,
    Unmarked,
    Marked,
    TrafficSignals,
}
