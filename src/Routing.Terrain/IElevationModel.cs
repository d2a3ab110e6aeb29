namespace Routing.Terrain;

/// <summary>A terrain model: the elevation of the ground at any WGS 84 point it covers. Read from several threads at once (a build samples edges on every core).</summary>
public interface IElevationModel
{
    /// <summary>
    /// Elevation in metres above sea level, interpolated bilinearly between the model's cells; false where the model
    /// has no data (outside its coverage, or every surrounding cell is a void).
    /// </summary>
    bool TryGetElevationM(double latitude, double longitude, out double elevationM);

    /// <summary>
    /// The ground size in metres of the cells of the model that answers at this point (the larger of the two sides),
    /// NaN where no model has data. How far a derived incline can be trusted follows from it: a 90 m grid cannot see
    /// a 20 m ramp, a 1 m ground model can.
    /// </summary>
    double CellSizeMAt(double latitude, double longitude);

    /// <summary>What the model is, for graph metadata and messages: file names, format, resolution.</summary>
    string Description { get; }
}
