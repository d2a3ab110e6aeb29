namespace Routing.Graph.Facts;

/// <summary>
/// How far an edge's incline can be trusted. A tag is a measurement; a terrain model's reading is trusted only where
/// the model can resolve the stretch (see <c>InclineConfidenceRule</c> in Routing.Terrain, derived by comparing a model
/// with the inclines mappers tagged).
/// </summary>
public enum InclineConfidence : byte
{
    /// <summary>No incline value is known.</summary>
    None = 0,
    /// <summary>Measured by a mapper (<c>incline=*</c>) or by a barrier report.</summary>
    Measured,
    /// <summary>From a terrain model that resolves the stretch: beyond a limit by more than its error, it blocks.</summary>
    High,
    /// <summary>From a terrain model that cannot resolve the stretch (too short for its cells, on a structure, a steep neighbourhood): a hint, never a block by default.</summary>
    Low,
}
