using System.Globalization;
using Routing.Engine;
using Routing.Graph;
using Routing.Warmup;

namespace Routing.Routes.Http;

/// <summary>
/// What the service warms before it says ready: full <c>GET /v1/routes</c> answers for every preset on city trips of
/// the serving graph (found routes, and the refusals with their explanation that some pairs give a wheelchair), once
/// the presets search on the contraction hierarchy, as the first users' routes will.
/// </summary>
internal sealed class RouteWarmupRequests(GraphHolder holder) : IWarmupRequests
{
    private const int PairsPerPreset = 12;
    private const double MinTripM = 800, MaxTripM = 3000;
    private const int Seed = 26;

    /// <summary>How long the presets may take to get on the hierarchy (ordered, contracted, customized for the overlay in force).</summary>
    private static readonly TimeSpan HierarchyWait = TimeSpan.FromMinutes(2);

    public async Task<IReadOnlyList<string>> PrepareAsync(CancellationToken cancellationToken)
    {
        var router = holder.Current.Router;
        await WhenPresetsOnHierarchyAsync(router, cancellationToken).ConfigureAwait(false);
        var pairs = Trips(router.Graph);
        var round = new List<string>(pairs.Count * router.Profiles.Presets.Count);
        foreach (var (from, to) in pairs)
        {
            foreach (var preset in router.Profiles.Presets)
            {
                round.Add(string.Create(CultureInfo.InvariantCulture,
                    $"/v1/routes?from={from.Lat:F7},{from.Lon:F7}&to={to.Lat:F7},{to.Lon:F7}&profile={preset.Name}"));
            }
        }
        return round;
    }

    /// <summary>Without a hierarchy (or when it failed) routes search with ALT, and that is what is warmed.</summary>
    private static async Task WhenPresetsOnHierarchyAsync(Router router, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HierarchyWait);
        try
        {
            if (await router.HierarchyReadyAsync().WaitAsync(timeout.Token).ConfigureAwait(false) is null)
            {
                return;
            }
            // A new overlay (the barrier reports and elevator states read at start) is customized in the background.
            while (!router.PresetsOnCurrentHierarchy)
            {
                await Task.Delay(20, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Still not on the hierarchy after the wait: warm what serves now.
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // The hierarchy could not be built (logged where it is built): routes stay on ALT.
        }
    }

    /// <summary>Seeded, so every start warms the same trips: vertex pairs 0.8 to 3 km apart (any pairs on a smaller graph).</summary>
    private static List<(GeoPoint From, GeoPoint To)> Trips(RoutingGraph graph)
    {
        var trips = new List<(GeoPoint, GeoPoint)>(PairsPerPreset);
        if (graph.VertexCount < 2)
        {
            return trips;
        }
        var random = new Random(Seed);
        for (int attempt = 0; trips.Count < PairsPerPreset && attempt < 100 * PairsPerPreset; attempt++)
        {
            int a = random.Next(graph.VertexCount), b = random.Next(graph.VertexCount);
            double m = Coordinates.DistanceM(graph.VertexLatE7[a], graph.VertexLonE7[a], graph.VertexLatE7[b], graph.VertexLonE7[b]);
            bool lastChance = attempt >= 100 * PairsPerPreset - PairsPerPreset;
            if (a != b && (m is >= MinTripM and <= MaxTripM || lastChance))
            {
                trips.Add((GeoPoint.OfVertex(graph, a), GeoPoint.OfVertex(graph, b)));
            }
        }
        return trips;
    }
}
