namespace Routing.Elevators.Feeds;

/// <summary>What a feed may say as a level.</summary>
internal static class FeedLevels
{
    /// <summary>The deepest station and the tallest tower stay within a few hundred levels; beyond that a number is no level.</summary>
    private const double MaxAbsoluteLevel = 300;

    public static bool IsPlausible(double level) => double.IsFinite(level) && Math.Abs(level) <= MaxAbsoluteLevel;
}
