using System.ComponentModel;

namespace Routing.Elevators.Http;

internal sealed record ElevatorListDto(
    [property: Description("Every equipment any feed answered, with what routes make of it now.")] IReadOnlyList<ElevatorDto> Elevators,
    [property: Description("A state no feed confirmed for this long counts as unknown (Elevators:StaleAfterSeconds).")] int StaleAfterS,
    [property: Description("How far an equipment may lie from the graph's elevator to be matched (Elevators:MatchDistanceM).")] double MatchDistanceM,
    [property: Description("The licence terms of the feeds' data.")] string Attribution);

/// <param name="State">working, out_of_service or unknown: what routes see (stale news is unknown).</param>
/// <param name="FeedState">What the feed last said: active, inactive or unknown.</param>
/// <param name="AgeS">Seconds since a feed last confirmed the state.</param>
internal sealed record ElevatorDto(
    string Id,
    string Feed,
    string FeedId,
    string? Description,
    [property: Description("The feed's station: FaSta's station number, SIRI-FM's stop place, A11yJSON's place name.")] string? Station,
    [property: Description("The station's name from the map: the public-transport place nearest to its equipment within 300 m; null when none is.")] string? StationName,
    double? Lat,
    double? Lon,
    [property: Description("The level the feed gives it, as OSM counts levels (0 the ground floor, negative below); null when the feed gives none (FaSta never does).")] double? Level,
    [property: Description("working, out_of_service or unknown: what routes see (stale news is unknown).")] string State,
    [property: Description("What the feed last said: active, inactive or unknown.")] string FeedState,
    string? Explanation,
    bool Stale,
    DateTimeOffset Since,
    DateTimeOffset CheckedAt,
    [property: Description("Seconds since a feed last confirmed the state.")] long AgeS,
    [property: Description("The graph's elevator node or way it stands for; null when unmatched (listed, not guessed).")] ElevatorMatchDto? Match);

internal sealed record ElevatorMatchDto(IReadOnlyList<long> OsmNodeIds, IReadOnlyList<long> OsmWayIds, double Lat, double Lon, double? DistanceM,
    [property: Description("The levels the matched elevator serves (OSM level), ascending; empty when the map gives none.")] IReadOnlyList<double> Levels,
    [property: Description("same (it serves the equipment's level), unknown (either gives no level) or different (only when no elevator within reach serves the equipment's level or has an unknown one).")] string LevelAgreement,
    [property: Description("True when a planner set it.")] bool ByHand, string? By, DateTimeOffset? At);

internal sealed record ElevatorHistoryDto(string Id, IReadOnlyList<StateChangeDto> Changes,
    [property: Description("Hours out of service in the last 30 days.")] double HoursOutOfService);

internal sealed record StateChangeDto(string State, DateTimeOffset At, string? Explanation);

internal sealed record OutOfServiceDto(int Days, IReadOnlyList<OutOfServiceRowDto> Elevators);

internal sealed record OutOfServiceRowDto(string Id, string? Description, string? Station, string? StationName, double Hours, int Outages, string State);

/// <summary>A planner's match: the point of the elevator node or way meant; both null: the equipment matches nothing.</summary>
internal sealed record MatchRequest(double? Lat, double? Lon);
