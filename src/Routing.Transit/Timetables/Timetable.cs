using Routing.Texts;

namespace Routing.Transit.Timetables;

/// <summary>GTFS <c>location_type</c>.</summary>
public enum LocationType : byte
{
    StopOrPlatform = 0,
    Station = 1,
    Entrance = 2,
    GenericNode = 3,
    BoardingArea = 4,
}

/// <summary>GTFS accessibility: <c>wheelchair_boarding</c> on stops, <c>wheelchair_accessible</c> on trips.</summary>
public enum Accessibility : byte
{
    /// <summary>0 or empty: nobody said.</summary>
    Unknown = 0,
    Accessible = 1,
    NotAccessible = 2,
}

/// <summary>GTFS <c>pathway_mode</c>.</summary>
public enum PathwayMode : byte
{
    Walkway = 1,
    Stairs = 2,
    MovingSidewalk = 3,
    Escalator = 4,
    Elevator = 5,
    FareGate = 6,
    ExitGate = 7,
}

/// <summary>A <c>pathways.txt</c> row: a way inside a station between two of its locations.</summary>
public readonly record struct Pathway(string Id, int FromStop, int ToStop, PathwayMode Mode, bool Bidirectional, int TraversalS, double LengthM);

/// <summary>A <c>transfers.txt</c> row: type 2 with its minimum time, or 3 (not possible).</summary>
public readonly record struct TransferRule(int FromStop, int ToStop, int Type, int MinTransferS);

/// <summary>
/// A timetable in plain arrays, as the round-based search reads it. Trips with the same route and the same stops in
/// the same order form a pattern (RAPTOR's "route"), their stop times laid out trip by trip so that a scan along a
/// pattern reads consecutive ints; within a pattern no trip overtakes another (those are split off on import), so the
/// trips are ordered by departure at every stop. Times are seconds after noon minus 12 h of the service day (GTFS
/// time, which may pass 24:00:00).
/// </summary>
public sealed class Timetable
{
    public required string[] StopIds { get; init; }
    public required string[] StopNames { get; init; }
    public required string?[] StopPlatformCodes { get; init; }
    public required double[] StopLat { get; init; }
    public required double[] StopLon { get; init; }
    public required LocationType[] StopLocationTypes { get; init; }
    /// <summary>The parent station's index, or -1.</summary>
    public required int[] StopParents { get; init; }
    /// <summary><c>wheelchair_boarding</c>, inherited from the parent station where the stop leaves it empty.</summary>
    public required Accessibility[] StopWheelchair { get; init; }

    public required string[] RouteIds { get; init; }
    public required string[] RouteShortNames { get; init; }
    public required string[] RouteLongNames { get; init; }
    /// <summary>GTFS <c>route_type</c> (0 tram, 1 subway, 2 rail, 3 bus ...).</summary>
    public required int[] RouteTypes { get; init; }
    /// <summary><c>route_color</c> as six hex digits, or empty.</summary>
    public required string[] RouteColors { get; init; }

    public required string[] TripIds { get; init; }
    public required int[] TripRoutes { get; init; }
    public required int[] TripServices { get; init; }
    public required Accessibility[] TripWheelchair { get; init; }
    public required string[] TripHeadsigns { get; init; }
    /// <summary>Per trip, its shape (<c>shapes.txt</c>), or -1.</summary>
    public required int[] TripShapes { get; init; }

    /// <summary>Shape k's points are <c>ShapeLatE7/ShapeLonE7[ShapeStart[k] .. ShapeStart[k + 1]]</c>, in degrees times 10^7.</summary>
    public required int[] ShapeStart { get; init; }
    public required int[] ShapeLatE7 { get; init; }
    public required int[] ShapeLonE7 { get; init; }

    /// <summary>Pattern p's stops are <c>PatternStops[PatternStopStart[p] .. PatternStopStart[p + 1]]</c>.</summary>
    public required int[] PatternStopStart { get; init; }
    public required int[] PatternStops { get; init; }
    /// <summary>Pattern p's trips, by departure, are <c>PatternTrips[PatternTripStart[p] .. PatternTripStart[p + 1]]</c>.</summary>
    public required int[] PatternTripStart { get; init; }
    public required int[] PatternTrips { get; init; }
    /// <summary>
    /// Where pattern p's stop times start in <see cref="Arrivals"/>, <see cref="Departures"/> and <see cref="NoBoarding"/>:
    /// trip j (of the pattern) at its stop i is <c>PatternTimeStart[p] + j * stopCount + i</c>.
    /// </summary>
    public required int[] PatternTimeStart { get; init; }
    public required int[] Arrivals { get; init; }
    public required int[] Departures { get; init; }
    /// <summary>Bit 1: no pickup (<c>pickup_type</c> 1), bit 2: no drop-off (<c>drop_off_type</c> 1).</summary>
    public required byte[] NoBoarding { get; init; }

    /// <summary>Stop s is served by <c>(StopPatterns[k], StopPatternPositions[k])</c> for k in <c>StopPatternStart[s] .. StopPatternStart[s + 1]</c>.</summary>
    public required int[] StopPatternStart { get; init; }
    public required int[] StopPatterns { get; init; }
    public required int[] StopPatternPositions { get; init; }

    public required ServiceCalendar Services { get; init; }
    public required Pathway[] Pathways { get; init; }
    public required TransferRule[] Transfers { get; init; }
    public required TimeZoneInfo TimeZone { get; init; }
    public required string[] AgencyNames { get; init; }

    /// <summary>True for the demo feed derived from OSM route relations: a guess at a timetable, never a real one.</summary>
    public bool IsDemo { get; init; }

    public int StopCount => StopIds.Length;
    public int PatternCount => PatternTimeStart.Length;
    public int TripCount => TripIds.Length;

    public const byte NoPickup = 1;
    public const byte NoDropOff = 2;

    /// <summary>How many stops pattern p has.</summary>
    public int PatternLength(int pattern) => PatternStopStart[pattern + 1] - PatternStopStart[pattern];

    /// <summary>The display name of a stop: its name, with the platform code when it has one ("Bismarckplatz, platform C").</summary>
    public string StopLabel(int stop, TextLanguage language) =>
        StopPlatformCodes[stop] is { Length: > 0 } code ? language.Format("trip.stop_platform", StopNames[stop], code) : StopNames[stop];
}
