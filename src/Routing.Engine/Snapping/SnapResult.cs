using Routing.Engine.Search;

namespace Routing.Engine.Snapping;

/// <summary>
/// The outcome of <see cref="SnapIndex.Snap"/>. Exactly one of the two is set when the point is near the network:
/// <paramref name="Snapped"/> when a usable edge lies within the radius, otherwise
/// <paramref name="NearestUsableBeyondRadiusM"/> when one lies within <see cref="SnapIndex.WiderSearchRadiusM"/>,
/// so the API can say "the nearest usable way is 140 m away" instead of only "no way found". Both are null when
/// nothing usable is that close (see <see cref="SnapIndex.Covers(GeoPoint)"/> to tell "far outside the map" apart).
/// </summary>
/// <param name="Snapped">Where the point snapped to; null when no usable edge lies within the radius.</param>
/// <param name="NearestUsableBeyondRadiusM">
/// Distance to the nearest usable edge when <paramref name="Snapped"/> is null and one lies within the wider radius.
/// </param>
public readonly record struct SnapResult(SnapPoint? Snapped, double? NearestUsableBeyondRadiusM);
