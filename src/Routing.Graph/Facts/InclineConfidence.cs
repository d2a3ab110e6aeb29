namespace Routing.Graph.Facts;

/// <summary>
/// How far an edge's incline can be trusted. A tag is a measurement; a terrain model's reading is trusted only where
/// the model can resolve the stretch (see <c>SlopeModel</c> in Routing.Terrain, fitted by comparing a model
/// with the inclines mappers tagged).
/// </summary>
public enum InclineConfidence : byte
{
    /// <summary>No incline value is known.</summary>
    None = 0,
    /// <summary>Measured by a mapper (<c>incline=*</c>) or by a barrier report.</summary>
    Measured,
    /// <summary>From a terrain model that resolves the stretch (at least one cell long): very likely beyond a limit, it blocks.</summary>
    High,
    /// <summary>From a terrain model that cannot resolve the stretch (shorter than a cell, on a structure): priced by its chance, never a block by default.</summary>
    Low,
}
