using System.Globalization;
using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Engine.Search;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Texts;

namespace Routing.Engine.Snapping;

/// <summary>
/// Where a waypoint that the profile cannot leave could move to get a route: the nearest point on a way of the
/// profile's main network (<see cref="ProfileNetwork"/>), as far as <see cref="SnapIndex.WiderSearchRadiusM"/>.
/// </summary>
/// <param name="WaypointIndex">The waypoint to move (0 the start, the last the destination).</param>
/// <param name="Point">Where to move it: on the way, so a request with it snaps there.</param>
/// <param name="DistanceM">From the requested point to <paramref name="Point"/>.</param>
/// <param name="Direction">From the requested point: north, northeast, east ... northwest.</param>
/// <param name="Name">The way's name; empty when it has none.</param>
/// <param name="Message">In the request's language: "start 96 m north, at Hauptstraße, has a route".</param>
public sealed record MoveSuggestion(int WaypointIndex, GeoPoint Point, double DistanceM, string Direction, long OsmWayId, string Name, string Message);

/// <summary>
/// Adds to a refusal where to move each waypoint of the failed leg that lies off the profile's main network. Every
/// suggested point lies on the main network, from which the profile reaches every other point of it and is reached
/// from it, so with the suggested moves made (and the other end of the leg on the main network, or moved too) the
/// leg has a route.
/// </summary>
internal sealed class MoveSuggestions(RoutingGraph graph, SnapIndex snapIndex)
{
    private static readonly string[] Compass = ["north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest"];

    public NoRoute AddTo(NoRoute refusal, RouteRequest request, IReadOnlyList<SnapPoint> snapped, CompiledProfile profile)
    {
        var network = profile.Network;
        var language = RouteTexts.LanguageOf(request.Language);
        var suggestions = new List<MoveSuggestion>(2);
        for (int waypoint = refusal.LegIndex; waypoint <= refusal.LegIndex + 1; waypoint++)
        {
            if (network.IsOnMain(snapped[waypoint].Edge))
            {
                continue;
            }
            var requested = request.Waypoints[waypoint];
            if (snapIndex.NearestOnMain(requested, SnapIndex.WiderSearchRadiusM, profile) is { } target)
            {
                suggestions.Add(Suggest(waypoint, request.Waypoints.Count, requested, target, language));
            }
        }
        return suggestions.Count == 0 ? refusal : refusal with { Suggestions = suggestions };
    }

    private MoveSuggestion Suggest(int waypoint, int waypointCount, GeoPoint requested, in SnapPoint target, TextLanguage language)
    {
        string direction = Compass[(int)Math.Round(BearingDeg(requested, target.Point) / 45) % 8];
        long wayId = graph.EdgeOsmWayId[target.Edge];
        string name = graph.EdgeName(target.Edge);
        string where = WayNames.Of(name, FactNames.Of(graph.ClassOfEdge(target.Edge).Highway), language, WayCase.On);
        string distance = RouteTexts.Number(target.DistanceM, "0", language);
        string compass = RouteTexts.Get("compass." + direction, language);
        string message = waypoint == 0 ? RouteTexts.Format("move.start", language, distance, compass, where)
            : waypoint == waypointCount - 1 ? RouteTexts.Format("move.destination", language, distance, compass, where)
            : RouteTexts.Format("move.via", language, distance, compass, where, waypoint.ToString(CultureInfo.InvariantCulture));
        return new MoveSuggestion(waypoint, target.Point, target.DistanceM, direction, wayId, name, message);
    }

    /// <summary>Compass bearing from a to b in degrees (0 north, 90 east), on a local flat earth: fine within a kilometre.</summary>
    private static double BearingDeg(GeoPoint a, GeoPoint b)
    {
        double degrees = Math.Atan2((b.Lon - a.Lon) * Math.Cos(a.Lat * (Math.PI / 180)), b.Lat - a.Lat) * (180 / Math.PI);
        return degrees < 0 ? degrees + 360 : degrees;
    }
}
