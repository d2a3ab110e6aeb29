using System.Runtime.CompilerServices;
using Routing.Elevators.Store;
using Routing.Graph;

namespace Routing.Elevators;

/// <summary>
/// Names the stations feeds give only as numbers (FaSta's <c>stationnumber</c>, SIRI-FM's <c>StopPlaceRef</c>), offline:
/// a station is named after the graph's public-transport place (station, stop, platform) nearest to any of its
/// equipment, within <see cref="NearM"/>. DB's station lookup (StaDa) would give the official name, but it needs a
/// second keyed API, and answers would then depend on it being up; the extract's own names are on this machine and
/// are the names people read on the map. Equipment with the same station number share the name, so an elevator whose
/// position lies off the graph is still named after its station.
/// </summary>
internal static class StationNames
{
    /// <summary>A station's equipment stands on its platforms and passages; a place farther than this is another stop.</summary>
    public const double NearM = 300;

    /// <summary>The graph's public-transport places, found once per graph.</summary>
    private static readonly ConditionalWeakTable<RoutingGraph, Place[]> StopsByGraph = [];

    /// <summary>Per feed and station, the name of the place nearest to any of its equipment; stations with none near are left out.</summary>
    public static IReadOnlyDictionary<(string Feed, string Station), string> Of(IReadOnlyList<StoredElevator> elevators, RoutingGraph graph)
    {
        ArgumentNullException.ThrowIfNull(elevators);
        ArgumentNullException.ThrowIfNull(graph);
        var stops = StopsByGraph.GetValue(graph, PublicTransportPlaces);
        var nearest = new Dictionary<(string, string), (double DistanceM, int NameId)>();
        foreach (var elevator in elevators)
        {
            if (elevator is not { Station: { } station, Lat: { } lat, Lon: { } lon })
            {
                continue;
            }
            var key = (elevator.Feed, station);
            double bestM = nearest.TryGetValue(key, out var known) ? known.DistanceM : NearM;
            int bestName = known.NameId;
            double latSlack = NearM / Coordinates.MetresPerDegree;
            foreach (var stop in stops)
            {
                double stopLat = Coordinates.ToDegrees(stop.LatE7);
                if (Math.Abs(stopLat - lat) > latSlack)
                {
                    continue; // the cheap test first: most places are kilometres away
                }
                double m = Coordinates.DistanceM(lat, lon, stopLat, Coordinates.ToDegrees(stop.LonE7));
                if (m < bestM)
                {
                    (bestM, bestName) = (m, stop.NameId);
                }
            }
            if (bestName != 0)
            {
                nearest[key] = (bestM, bestName);
            }
        }
        return nearest.ToDictionary(pair => pair.Key, pair => graph.Name(pair.Value.NameId));
    }

    private static Place[] PublicTransportPlaces(RoutingGraph graph)
    {
        var stops = new List<Place>();
        foreach (var place in graph.Places)
        {
            if (place.Kind == PlaceKind.PublicTransport && place.NameId != 0)
            {
                stops.Add(place);
            }
        }
        return [.. stops];
    }
}
