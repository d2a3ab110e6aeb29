using System.Text.Json.Serialization;
using Routing.Engine;
using Routing.Routes.Http;
using Routing.Transit.Timetables;
using Routing.Transit.Trips;

namespace Routing.Transit.Http;

/// <summary>The answer of <c>POST /v1/trips</c>.</summary>
/// <param name="Notice">Says that the timetable is a demo when it is.</param>
internal sealed record TripResponse(bool Demo, string? Notice, IReadOnlyList<ItineraryDto> Itineraries)
{
    public static ItineraryDto Of(Itinerary itinerary) => new(itinerary.Departure, itinerary.Arrival, itinerary.DurationS, itinerary.Transfers,
        Math.Round(itinerary.WalkDistanceM, 1), Math.Round(itinerary.WalkCostS, 1), itinerary.Notes, [.. itinerary.Legs.Select(LegOf)]);

    private static LegDto LegOf(ItineraryLeg leg) => leg switch
    {
        TransitLeg ride => new TransitLegDto(ride.Departure, ride.Arrival, (int)(ride.Arrival - ride.Departure).TotalSeconds, ride.Mode,
            new LineDto(ride.RouteShortName, ride.RouteLongName, ride.Colour.Length > 0 ? ride.Colour : null), ride.Headsign, ride.TripId,
            StopOf(ride.From), StopOf(ride.To), Word(ride.WheelchairAccessible), ride.UnknownAccessibility, [.. ride.IntermediateStops.Select(StopOf)],
            Line(ride.Geometry)),
        WalkLeg walk => WalkOf(walk),
        _ => throw new ArgumentOutOfRangeException(nameof(leg), leg.GetType().Name, "an itinerary has walks and rides only"),
    };

    /// <summary>A walk as a route is written: its line with heights, and the route's own segments (indexing that line), instructions and warnings.</summary>
    private static WalkLegDto WalkOf(WalkLeg walk)
    {
        var route = walk.Route;
        var line = new RouteLine(route?.Geometry ?? [walk.From, walk.To], route?.Elevation);
        return new WalkLegDto(walk.Departure, walk.Arrival, (int)(walk.Arrival - walk.Departure).TotalSeconds,
            Math.Round(route?.DistanceM ?? 0, 1), route is null ? 0 : Math.Round(route.CostS, 1), walk.InsideStationS,
            new LineStringDto(Positions.All(line)),
            route is null ? new SegmentList([]) : RouteMapper.SegmentsOf(route, line),
            route is null ? [] : RouteMapper.Instructions(route.Instructions),
            route is null ? [] : RouteMapper.Warnings(route.Warnings));
    }

    private static StopDto StopOf(TransitStop stop) => new(stop.Id, stop.Name, Math.Round(stop.Position.Lat, 7), Math.Round(stop.Position.Lon, 7),
        Word(stop.WheelchairBoarding), stop.Arrival, stop.Departure);

    private static string Word(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Accessible => "yes",
        Accessibility.NotAccessible => "no",
        _ => "unknown",
    };

    /// <summary>A ride's line written as a walk's and a route's are (one LineString schema for every leg), without heights.</summary>
    private static LineStringDto Line(IReadOnlyList<GeoPoint> points) => new(Positions.All(new RouteLine(points, elevation: null)));
}

/// <param name="WalkDistanceM">Metres walked or rolled over the whole itinerary.</param>
/// <param name="WalkCostS">What the walks cost by the profile (their effort), seconds.</param>
internal sealed record ItineraryDto(DateTimeOffset Departure, DateTimeOffset Arrival, int DurationS, int Transfers, double WalkDistanceM, double WalkCostS,
    IReadOnlyList<string> Notes, IReadOnlyList<LegDto> Legs);

internal sealed record LineDto(string ShortName, string LongName, string? Color);

/// <param name="WheelchairBoarding">yes, no or unknown (GTFS 1, 2, 0 or empty; inherited from the station).</param>
internal sealed record StopDto(string Id, string Name, double Lat, double Lon, string WheelchairBoarding, DateTimeOffset? Arrival, DateTimeOffset? Departure);

/// <summary>
/// A leg of an itinerary, a walk or a ride, told apart by its <c>type</c>. Declared as one polymorphic type so that the
/// OpenAPI document describes each kind's members (oneOf with a discriminator), not an object of any shape.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(WalkLegDto), "walk")]
[JsonDerivedType(typeof(TransitLegDto), "transit")]
internal abstract record LegDto;

/// <param name="AccessibilityUnknown">The trip or a stop it uses has no accessibility recorded; the itinerary paid the penalty.</param>
internal sealed record TransitLegDto(DateTimeOffset Departure, DateTimeOffset Arrival, int DurationS, string Mode, LineDto Route, string Headsign,
    string TripId, StopDto From, StopDto To, string WheelchairAccessible, bool AccessibilityUnknown, IReadOnlyList<StopDto> IntermediateStops, LineStringDto Geometry) : LegDto;

/// <param name="InsideStationS">Seconds on pathways inside a station (elevators, ramps) on top of the street part.</param>
/// <param name="Geometry">The walk's line as a route's ([lon, lat, elevation_m] where the graph has heights); its segments' first_point and last_point index its coordinates.</param>
/// <param name="Segments">The same segments, in the same shape, as <c>/v1/routes</c> answers for the walk's two points and the profile.</param>
/// <param name="Instructions">The route's instructions, in the request's language.</param>
/// <param name="Warnings">The route's warnings, in the request's language.</param>
internal sealed record WalkLegDto(DateTimeOffset Departure, DateTimeOffset Arrival, int DurationS, double DistanceM, double CostS, int InsideStationS,
    LineStringDto Geometry, SegmentList Segments, InstructionDto[] Instructions, WarningDto[] Warnings) : LegDto;
