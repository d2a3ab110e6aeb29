namespace Routing.Graph.Facts;

/// <summary>Where a fact comes from, so that a route can say how far it can be trusted.</summary>
public enum Evidence : byte
{
    Unknown = 0,
    /// <summary>Read from an explicit OSM tag on the object itself.</summary>
    Tagged,
    /// <summary>Inferred: from another tag (tracktype, kerb=lowered), a default of the way kind, or the terrain model.</summary>
    Derived,
}
