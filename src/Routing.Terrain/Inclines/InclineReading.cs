using Routing.Graph;

namespace Routing.Terrain;

/// <summary>
/// What the terrain model says about one edge in its forward direction, with what decides how far that can be
/// trusted. Inclines are in percent, signed (negative is downhill).
/// </summary>
/// <param name="LengthM">Length of the edge.</param>
/// <param name="CellSizeM">Ground size of the model's cells along the edge (the coarsest on it).</param>
/// <param name="AveragePct">Rise over the whole edge divided by its length.</param>
/// <param name="SteepestPct">Steepest incline over any <see cref="GraphTerrain.SustainedLengthM"/> stretch: what a user feels.</param>
/// <param name="ResolvedPct">
/// Steepest incline over any stretch as long as the model can resolve (<see cref="SlopeModel.ResolvableLengthM"/>),
/// or the average when the edge is shorter: the steepest reading the model's resolution can vouch for.
/// </param>
/// <param name="ReliefPct">The steepest slope of the ground itself around the edge, in any direction.</param>
public readonly record struct InclineReading(
    double LengthM,
    double CellSizeM,
    double AveragePct,
    double SteepestPct,
    double ResolvedPct,
    double ReliefPct);
