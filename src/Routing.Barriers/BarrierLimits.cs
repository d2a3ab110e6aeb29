namespace Routing.Barriers;

/// <summary>What a report may hold; anything beyond is refused as absurd or oversized.</summary>
public static class BarrierLimits
{
    public const int MaxDescriptionLength = 2000;
    public const int MinKerbHeightCm = 0;
    public const int MaxKerbHeightCm = 50;
    public const int MinRemainingWidthCm = 0;
    public const int MaxRemainingWidthCm = 1000;
    public const double MinInclinePct = 0;
    public const double MaxInclinePct = 100;

    /// <summary>Most positions in a line or polygon ring.</summary>
    public const int MaxPositions = 1000;

    /// <summary>The largest extent (bounding-box diagonal) of a line or polygon: a construction site, not a district.</summary>
    public const double MaxExtentM = 5000;
}
