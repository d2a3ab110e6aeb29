namespace Routing.Elevators;

/// <summary>What a feed says about one elevator, in its own words mapped to three.</summary>
public enum FeedState
{
    /// <summary>FaSta <c>ACTIVE</c>, SIRI-FM <c>available</c>, A11yJSON <c>isWorking: true</c>.</summary>
    Active,
    /// <summary>FaSta <c>INACTIVE</c>, SIRI-FM <c>notAvailable</c>, A11yJSON <c>isWorking: false</c>.</summary>
    Inactive,
    /// <summary>FaSta <c>UNKNOWN</c>, anything else a feed says, or no word at all.</summary>
    Unknown,
}

/// <summary>One elevator as a feed answered it: the feed's own id, where it is and its state.</summary>
/// <param name="FeedId">The feed's id of the equipment (FaSta's <c>equipmentnumber</c>).</param>
/// <param name="Lat">Latitude in degrees, null when the feed gives no position (it cannot be matched by position).</param>
/// <param name="Explanation">The feed's reason for the state, if any (FaSta's <c>stateExplanation</c>).</param>
/// <param name="Level">The level it stands on, as OSM counts levels (0 the ground floor, negative below); null when the
/// feed gives none (FaSta never does).</param>
public sealed record Equipment(string FeedId, string? Description, string? Station, double? Lat, double? Lon, FeedState State, string? Explanation,
    double? Level);

/// <summary>An answer a feed gave that cannot be used: nothing it says is taken.</summary>
public sealed class FeedFormatException(string message) : Exception(message);

/// <summary>A feed state's name in the store and in answers: <c>active</c>, <c>inactive</c>, <c>unknown</c>.</summary>
public static class FeedStateNames
{
    public static string Of(FeedState state) => state switch
    {
        FeedState.Active => "active",
        FeedState.Inactive => "inactive",
        _ => "unknown",
    };

    public static FeedState Parse(string name) => name switch
    {
        "active" => FeedState.Active,
        "inactive" => FeedState.Inactive,
        _ => FeedState.Unknown,
    };
}
