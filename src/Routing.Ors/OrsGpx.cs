using NetTopologySuite.IO;
using Routing.GeoFormats;

namespace Routing.Ors;

/// <summary>
/// The <c>/gpx</c> answer: GPX 1.1 with the route as <c>rte/rtept</c> (ORS writes routes, not tracks), heights as
/// <c>ele</c> when elevation was asked, and each step's instruction as the name of the point where it starts.
/// Written by the one GPX writer, <see cref="Gpx"/>.
/// </summary>
internal static class OrsGpx
{
    public const string ContentType = Gpx.ContentType;
    private const string Creator = "accessible routing (openrouteservice-compatible API)";

    public static string Write(OrsRouteParts route, string orsProfile)
    {
        var names = new Dictionary<int, string>();
        foreach (var step in route.Segments?.SelectMany(s => s.Steps) ?? [])
        {
            names.TryAdd(step.WayPoints[0], step.Instruction);
        }
        // Positions are already rounded as ORS answers them: 6 decimals, heights to 0.1 m.
        var points = new GpxWaypoint[route.Positions.Count];
        for (int i = 0; i < points.Length; i++)
        {
            var p = route.Positions[i];
            points[i] = new GpxWaypoint(new GpxLongitude(p[0]), new GpxLatitude(p[1]), route.WithElevation ? p[2] : null)
                .WithName(names.GetValueOrDefault(i));
        }
        var metadata = new GpxMetadata(Creator, $"{orsProfile} route", null, null, null, default, null, null, null, null);
        return Gpx.Write(metadata, routes: [new GpxRoute().WithWaypoints(points)]);
    }
}
