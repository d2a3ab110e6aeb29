using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Transit.Timetables;

namespace Routing.Transit.Trips;

/// <summary>Where a stop meets the street: its own position, or an entrance of its station and the time inside to the platform.</summary>
internal readonly record struct StreetDoor(int Stop, int Door, int InsideS);

/// <summary>
/// The ways inside stations (<c>pathways.txt</c>) for one profile and one set of barrier reports. A wheeled profile
/// never takes stairs or escalators, and an elevator is out when the barrier overlay says one is out within
/// <see cref="ElevatorReportRadiusM"/> of either end: a verified <c>elevator_out_of_service</c> report, or a live feed's
/// equipment out of service (<see cref="ReportedBarrier.ElevatorOut"/>; the overlay carries both, placed at the map's
/// elevator the equipment matched or, matching none, at the equipment's own position). A platform that has pathways meets the street only at its
/// station's entrances, through what remains; one without pathways meets it at its own position.
/// </summary>
internal sealed class StationPaths
{
    public const double ElevatorReportRadiusM = 25;
    /// <summary>A pathway with neither traversal time nor length takes this long.</summary>
    public const int DefaultPathwayS = 30;

    private readonly Timetable _timetable;
    private readonly List<StreetDoor>[] _doors;

    public StationPaths(Timetable timetable, ProfileSettings profile, BarrierOverlay overlay)
    {
        _timetable = timetable;
        var outOfService = overlay.Active.Select(a => a.Report).Where(r => r.ElevatorOut && r.Geometry.Type == BarrierGeometryType.Point).ToList();
        int stops = timetable.StopCount;
        var adjacency = new List<(int To, int DurationS)>?[stops];
        var hasPathway = new bool[stops];
        foreach (var pathway in timetable.Pathways)
        {
            hasPathway[pathway.FromStop] = hasPathway[pathway.ToStop] = true;
            if (profile.Wheeled && pathway.Mode is PathwayMode.Stairs or PathwayMode.Escalator)
            {
                continue;
            }
            if (pathway.Mode == PathwayMode.Elevator && outOfService.Find(r => Near(r.Geometry.Points[0], pathway)) is { } report)
            {
                BrokenElevators.Add((pathway, report));
                continue;
            }
            int seconds = pathway.TraversalS > 0 ? pathway.TraversalS
                : pathway.LengthM > 0 ? (int)Math.Ceiling(pathway.LengthM / profile.SpeedMps) : DefaultPathwayS;
            (adjacency[pathway.FromStop] ??= []).Add((pathway.ToStop, seconds));
            if (pathway.Bidirectional)
            {
                (adjacency[pathway.ToStop] ??= []).Add((pathway.FromStop, seconds));
            }
        }
        _doors = new List<StreetDoor>[stops];
        for (int s = 0; s < stops; s++)
        {
            if (timetable.StopLocationTypes[s] != LocationType.StopOrPlatform)
            {
                continue;
            }
            _doors[s] = hasPathway[s] ? Entrances(s, adjacency) : [new StreetDoor(s, s, 0)];
        }
    }

    /// <summary>Elevators out of service, each with the report or live state that says so: what a refusal names.</summary>
    public List<(Pathway Pathway, ReportedBarrier Report)> BrokenElevators { get; } = [];

    /// <summary>Where the platform meets the street (empty: nowhere this profile can go).</summary>
    public IReadOnlyList<StreetDoor> DoorsOf(int stop) => _doors[stop] ?? [];

    /// <summary>The shortest time inside the station from <paramref name="from"/> to <paramref name="to"/> by pathways, or -1.</summary>
    public int InsideS(int from, int to) => _inside.TryGetValue((from, to), out int seconds) ? seconds : -1;

    private readonly Dictionary<(int, int), int> _inside = [];

    /// <summary>Dijkstra over the station's few pathways from the platform; entrances reached become doors, platforms reached inside transfers.</summary>
    private List<StreetDoor> Entrances(int platform, List<(int To, int DurationS)>?[] adjacency)
    {
        var doors = new List<StreetDoor>();
        var best = new Dictionary<int, int> { [platform] = 0 };
        var queue = new PriorityQueue<int, int>();
        queue.Enqueue(platform, 0);
        while (queue.TryDequeue(out int node, out int seconds))
        {
            if (seconds > best[node])
            {
                continue;
            }
            if (node != platform)
            {
                if (_timetable.StopLocationTypes[node] == LocationType.Entrance)
                {
                    doors.Add(new StreetDoor(platform, node, seconds));
                }
                else if (_timetable.StopLocationTypes[node] == LocationType.StopOrPlatform)
                {
                    _inside[(platform, node)] = seconds;
                }
            }
            foreach (var (to, duration) in adjacency[node] ?? [])
            {
                int next = seconds + duration;
                if (!best.TryGetValue(to, out int known) || next < known)
                {
                    best[to] = next;
                    queue.Enqueue(to, next);
                }
            }
        }
        return doors;
    }

    private bool Near(Engine.GeoPoint report, Pathway pathway) =>
        NearStop(report, pathway.FromStop) || NearStop(report, pathway.ToStop);

    private bool NearStop(Engine.GeoPoint report, int stop) =>
        !double.IsNaN(_timetable.StopLat[stop]) && Geo.DistanceM(report.Lat, report.Lon, _timetable.StopLat[stop], _timetable.StopLon[stop]) <= ElevatorReportRadiusM;
}

internal static class Geo
{
    public static double DistanceM(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthRadiusM = 6_371_000;
        double dLat = (lat2 - lat1) * Math.PI / 180, dLon = (lon2 - lon1) * Math.PI / 180;
        double h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusM * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
