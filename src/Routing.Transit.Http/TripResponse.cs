using Routing.Engine;
using Routing.GeoFormats;
using Routing.Transit.Timetables;
using Routing.Transit.Trips;

namespace Routing.Transit.Http;

/// <summary>The answer of <c>POST /v1/trips</c>.</summary>
/// <param name="Notice">Says that the timetable is a demo when it is.</param>
internal sealed record TripResponse(bool Demo, string? Notice, IReadOnlyList<ItineraryDto> Itineraries)
{
    public static ItineraryDto Of(Itinerary itinerary) => new(itinerary.Departure, itinerary.Arrival, itinerary.DurationS, itinerary.Transfers,
        Math.Round(itinerary.WalkDistanceM, 1), Math.Round(itinerary.WalkCostS, 1), itinerary.Notes, [.. itinerary.Legs.Select(LegOf)]);

    private static object LegOf(ItineraryLeg leg) => leg switch
    {
        TransitLeg ride => new TransitLegDto("transit", ride.Departure, ride.Arrival, (int)(ride.Arrival - ride.Departure).TotalSeconds, ride.Mode,
            new LineDto(ride.RouteShortName, ride.RouteLongName, ride.Colour.Length > 0 ? ride.Colour : null), ride.Headsign, ride.TripId,
            StopOf(ride.From), StopOf(ride.To), Word(ride.WheelchairAccessible), ride.UnknownAccessibility, [.. ride.IntermediateStops.Select(StopOf)],
            Line(ride.Geometry)),
        WalkLeg walk => new WalkLegDto("walk", walk.Departure, walk.Arrival, (int)(walk.Arrival - walk.Departure).TotalSeconds,
            Math.Round(walk.Route?.DistanceM ?? 0, 1), walk.Route is { } r ? Math.Round(r.CostS, 1) : 0, walk.InsideStationS,
            Line(walk.Route?.Geometry ?? [walk.From, walk.To]),
            [.. (walk.Route?.Segments ?? []).Select(s => new WalkSegmentDto(s.Name, s.Highway, Math.Round(s.DistanceM, 1), s.Surface.Value, s.InclinePct.Value, s.WidthCm.Value))],
            [.. (walk.Route?.Instructions ?? []).Select(i => new InstructionDto(i.Type, i.Text, Math.Round(i.DistanceM, 1)))],
            [.. (walk.Route?.Warnings ?? []).Select(w => new WarningDto(w.Type, w.Message))]),
        _ => throw new ArgumentOutOfRangeException(nameof(leg), leg.GetType().Name, "an itinerary has walks and rides only"),
    };

    private static StopDto StopOf(TransitStop stop) => new(stop.Id, stop.Name, Math.Round(stop.Position.Lat, 7), Math.Round(stop.Position.Lon, 7),
        Word(stop.WheelchairBoarding), stop.Arrival, stop.Departure);

    private static string Word(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Accessible => "yes",
        Accessibility.NotAccessible => "no",
        _ => "unknown",
    };

    private static GeoJsonGeometry Line(IReadOnlyList<GeoPoint> points) => GeoJsonGeometry.LineString([.. points.Select(p => GeoJsonGeometry.Position(p.Lat, p.Lon))]);
}

/// <param name="WalkDistanceM">Metres walked or rolled over the whole itinerary.</param>
/// <param name="WalkCostS">What the walks cost by the profile (their effort), seconds.</param>
internal sealed record ItineraryDto(DateTimeOffset Departure, DateTimeOffset Arrival, int DurationS, int Transfers, double WalkDistanceM, double WalkCostS,
    IReadOnlyList<string> Notes, IReadOnlyList<object> Legs);

internal sealed record LineDto(string ShortName, string LongName, string? Color);

/// <param name="WheelchairBoarding">yes, no or unknown (GTFS 1, 2, 0 or empty; inherited from the station).</param>
internal sealed record StopDto(string Id, string Name, double Lat, double Lon, string WheelchairBoarding, DateTimeOffset? Arrival, DateTimeOffset? Departure);

/// <param name="AccessibilityUnknown">The trip or a stop it uses has no accessibility recorded; the itinerary paid the penalty.</param>
internal sealed record TransitLegDto(string Type, DateTimeOffset Departure, DateTimeOffset Arrival, int DurationS, string Mode, LineDto Route, string Headsign,
    string TripId, StopDto From, StopDto To, string WheelchairAccessible, bool AccessibilityUnknown, IReadOnlyList<StopDto> IntermediateStops, GeoJsonGeometry Geometry);

/// <param name="InsideStationS">Seconds on pathways inside a station (elevators, ramps) on top of the street part.</param>
internal sealed record WalkLegDto(string Type, DateTimeOffset Departure, DateTimeOffset Arrival, int DurationS, double DistanceM, double CostS, int InsideStationS,
    GeoJsonGeometry Geometry, IReadOnlyList<WalkSegmentDto> Segments, IReadOnlyList<InstructionDto> Instructions, IReadOnlyList<WarningDto> Warnings);

internal sealed record WalkSegmentDto(string Name, string Highway, double DistanceM, string? Surface, double? InclinePct, int? WidthCm);

internal sealed record InstructionDto(string Type, string Text, double DistanceM);

internal sealed record WarningDto(string Type, string Message);
