using System.Collections.Concurrent;
using Routing.Engine.Hierarchy;
using Routing.Engine.Profiles;
using Routing.Graph;

namespace Routing.Engine.Search;

/// <summary>
/// Cheapest paths between snap points for any compiled profile: exact bidirectional ALT search over the shared
/// read-only graph, or the hierarchy query when the profile carries a customized contraction hierarchy. Landmarks are
/// computed once here (profile-independent); search memory is rented per request from a pool, so any number of
/// requests may search in parallel. Thread-safe.
/// </summary>
public sealed class PathFinder
{
    private readonly ConcurrentBag<SearchSpace> _spaces = [];

    public PathFinder(RoutingGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Graph = graph;
        Landmarks = Landmarks.Compute(graph);
    }

    public RoutingGraph Graph { get; }

    internal Landmarks Landmarks { get; }

    /// <summary>
    /// The cheapest path from <paramref name="from"/> to <paramref name="to"/> for <paramref name="profile"/> (compiled
    /// for this graph), with its cost as <see cref="SearchCosts"/> defines it; null when every path is blocked.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked as the search goes).</exception>
    public SearchPath? Find(CompiledProfile profile, SnapPoint from, SnapPoint to, CancellationToken cancellationToken = default) =>
        Search(profile, from, to, useHierarchy: true, cancellationToken);

    /// <summary>The same answer by ALT even when the profile has a hierarchy: the baseline hierarchies are measured against.</summary>
    internal SearchPath? FindWithAlt(CompiledProfile profile, SnapPoint from, SnapPoint to) => Search(profile, from, to, useHierarchy: false, CancellationToken.None);

    private SearchPath? Search(CompiledProfile profile, SnapPoint from, SnapPoint to, bool useHierarchy, CancellationToken cancellationToken)
    {
        Check(profile, from, to);
        // A hierarchy query settles a few hundred vertices: one check before it is as good as one inside.
        cancellationToken.ThrowIfCancellationRequested();
        if (!_spaces.TryTake(out var space))
        {
            space = new SearchSpace(Graph.VertexCount, Landmarks.Count);
        }
        try
        {
            return useHierarchy && profile.Hierarchy is { } hierarchy
                ? HierarchySearch.Find(hierarchy, profile, space, from, to)
                : BidirectionalAltSearch.Find(Graph, profile, Landmarks, space, from, to, cancellationToken);
        }
        finally
        {
            // Safe to reuse even after an exception: the next search starts a new generation.
            _spaces.Add(space);
        }
    }

    /// <summary>The same answer by plain Dijkstra: the reference for tests and the baseline for benchmarks.</summary>
    internal SearchPath? FindWithDijkstra(CompiledProfile profile, SnapPoint from, SnapPoint to)
    {
        Check(profile, from, to);
        return DijkstraSearch.Find(Graph, profile, from, to);
    }

    private void Check(CompiledProfile profile, SnapPoint from, SnapPoint to)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!ReferenceEquals(profile.Graph, Graph))
        {
            throw new ArgumentException("the profile was compiled for another graph", nameof(profile));
        }
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)from.Edge, (uint)Graph.EdgeCount, nameof(from));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)to.Edge, (uint)Graph.EdgeCount, nameof(to));
    }
}
