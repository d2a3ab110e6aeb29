using Routing.Engine;
using Routing.Engine.Routes;
using Routing.Transit.Timetables;

namespace Routing.Transit.Trips;

/// <summary>The answer: itineraries, or why there are none with the least-violating one.</summary>
public sealed record TripPlan(IReadOnlyList<Itinerary> Itineraries, TripRefusal? Refusal, bool Demo);

/// <summary>Why no itinerary: every blocker in words, and the itinerary that breaks the fewest rules (or none).</summary>
public sealed record TripRefusal(IReadOnlyList<string> Blockers, Itinerary? LeastViolating);

public sealed record Itinerary(DateTimeOffset Departure, DateTimeOffset Arrival, int Transfers, double WalkDistanceM, double WalkCostS,
    IReadOnlyList<ItineraryLeg> Legs)
{
    public int DurationS => (int)(Arrival - Departure).TotalSeconds;

    /// <summary>What this itinerary rests on or breaks: unknown accessibility (penalized), or on a least-violating one the rule broken.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

public abstract record ItineraryLeg(DateTimeOffset Departure, DateTimeOffset Arrival);

/// <summary>A walk or roll judged by the street engine for the request's profile; <paramref name="Route"/> is null when both ends are one point.</summary>
/// <param name="InsideStationS">Time on pathways inside a station (elevators, ramps) beyond the street part.</param>
public sealed record WalkLeg(DateTimeOffset Departure, DateTimeOffset Arrival, GeoPoint From, GeoPoint To, Route? Route, int InsideStationS)
    : ItineraryLeg(Departure, Arrival);

public sealed record TransitStop(string Id, string Name, GeoPoint Position, Accessibility WheelchairBoarding, DateTimeOffset? Arrival, DateTimeOffset? Departure);

/// <summary>A ride.</summary>
/// <param name="Mode">tram, subway, rail, bus, ferry ... from the GTFS route type.</param>
/// <param name="Colour">The line's colour as six hex digits, or empty.</param>
/// <param name="UnknownAccessibility">The trip or a stop used has no accessibility recorded; the itinerary paid the penalty for it.</param>
public sealed record TransitLeg(DateTimeOffset Departure, DateTimeOffset Arrival, string Mode, string RouteShortName, string RouteLongName, string Colour,
    string Headsign, string TripId, TransitStop From, TransitStop To, Accessibility WheelchairAccessible, IReadOnlyList<TransitStop> IntermediateStops,
    IReadOnlyList<GeoPoint> Geometry, bool UnknownAccessibility) : ItineraryLeg(Departure, Arrival);
