using System.Globalization;
using NetTopologySuite.IO;
using Routing.Engine.Routes;
using Routing.GeoFormats;
using Route = Routing.Engine.Routes.Route;

namespace Routing.Routes.Http;

/// <summary>
/// <c>format=gpx</c>: GPX 1.1 for navigation apps. The route is one track (<c>trk/trkseg/trkpt</c>); every
/// instruction is a waypoint (<c>wpt</c>) with the instruction text as <c>name</c> and <c>desc</c> and its machine
/// name as <c>type</c>, in the order of the route. Written by the one GPX writer, <see cref="Gpx"/>.
/// </summary>
internal static class GpxWriter
{
    public const string Namespace = "http://www.topografix.com/GPX/1/1";
    public const string ContentType = Gpx.ContentType;
    private const string Creator = "Routing.Api (accessible routing, OpenStreetMap data)";

    /// <param name="detail">What the client asked for (the full answer by default): instructions become waypoints, heights <c>ele</c>.</param>
    public static string Write(Route route, string profileName, RouteDetail? detail = null)
    {
        detail ??= RouteDetail.Full;
        var line = RouteLine.Of(route, detail);
        string name = $"Route for profile {profileName}";
        var bounds = new GpxBoundingBox(
            new GpxLongitude(RouteMapper.Degrees(route.Bbox.MinLon)), new GpxLatitude(RouteMapper.Degrees(route.Bbox.MinLat)),
            new GpxLongitude(RouteMapper.Degrees(route.Bbox.MaxLon)), new GpxLatitude(RouteMapper.Degrees(route.Bbox.MaxLat)));
        var metadata = new GpxMetadata(Creator, name, Invariant($"{RouteMapper.Metres(route.DistanceM)} m, {RouteMapper.Seconds(route.DurationS)} s"),
            null, null, default, null, null, bounds, null);

        var waypoints = detail.Instructions
            ? route.Instructions.Select(instruction => Point(instruction.Location.Lat, instruction.Location.Lon, null)
                .WithName(instruction.Text)
                .WithDescription(Invariant($"{instruction.Text} ({RouteMapper.Metres(instruction.DistanceM)} m)"))
                .WithClassification(instruction.Type))
            : [];
        var points = new GpxWaypoint[line.Count];
        for (int i = 0; i < points.Length; i++)
        {
            var point = line.Point(i);
            points[i] = Point(point.Lat, point.Lon, line.HasElevation ? RouteMapper.Metres(line.ElevationM(i)) : null);
        }
        var track = new GpxTrack().WithName(name).WithSegments([new GpxTrackSegment().WithWaypoints(points)]);
        return Gpx.Write(metadata, waypoints, tracks: [track]);
    }

    /// <summary>A point to 7 decimals (about 1 cm), the precision of every coordinate the API answers.</summary>
    private static GpxWaypoint Point(double lat, double lon, double? elevationM) =>
        new(new GpxLongitude(RouteMapper.Degrees(lon)), new GpxLatitude(RouteMapper.Degrees(lat)), elevationM);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
