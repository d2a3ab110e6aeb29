using Routing.Graph;

namespace Routing.Engine.Search;

/// <summary>
/// Landmarks for ALT: a few vertices of the largest component with the walking distance (edge length, both
/// directions, no profile) from each to every vertex. By the triangle inequality
/// <c>|d(L, u) − d(L, v)| ≤ d(u, v)</c>, so the largest such difference is a lower bound of the distance between
/// u and v; times a profile's <see cref="Profiles.CompiledProfile.MinCostPerMetre"/> it bounds the cost of any path.
/// Lengths do not depend on the profile, so one set serves every request. Immutable and thread-safe once built.
/// </summary>
internal sealed class Landmarks
{
    /// <summary>Enough to bound a city well; more would mostly cost memory bandwidth in the search loop.</summary>
    public const int DefaultCount = 16;

    /// <summary>Distance to a vertex no landmark reaches (outside the largest component): it gives no bound.</summary>
    public const int Unreachable = int.MaxValue;

    private readonly int[] _vertices;
    private readonly int[] _distanceCm;

    private Landmarks(int[] vertices, int[] distanceCm)
    {
        _vertices = vertices;
        _distanceCm = distanceCm;
    }

    /// <summary>How many landmarks there are (fewer than asked when the largest component is tiny; 0 for an empty graph).</summary>
    public int Count => _vertices.Length;

    public ReadOnlySpan<int> Vertices => _vertices;

    /// <summary>
    /// Vertex-major distances: <c>DistanceCm[v * Count + l]</c> is the distance from landmark l to vertex v, so the
    /// search reads one vertex's bounds from one or two cache lines.
    /// </summary>
    public ReadOnlySpan<int> DistanceCm => _distanceCm;

    /// <summary>Whether the landmarks reach the vertex (it lies in the largest component).</summary>
    public bool Reaches(int vertex) => Count > 0 && _distanceCm[vertex * Count] != Unreachable;

    /// <summary>A lower bound of the walking distance between two vertices in cm; 0 when either is unreachable.</summary>
    public int LowerBoundCm(int u, int v)
    {
        if (!Reaches(u) || !Reaches(v))
        {
            return 0;
        }
        var du = _distanceCm.AsSpan(u * Count, Count);
        var dv = _distanceCm.AsSpan(v * Count, Count);
        int bound = 0;
        for (int l = 0; l < du.Length; l++)
        {
            bound = Math.Max(bound, Math.Abs(du[l] - dv[l]));
        }
        return bound;
    }

    /// <summary>
    /// Farthest-point selection: the first landmark is the vertex of the largest component farthest from its centre,
    /// each next one the vertex farthest (by walking distance) from all chosen so far. Landmarks on the rim bound
    /// well for every query, because a query's target then lies "behind" some landmark as seen from its source.
    /// The Dijkstra run that finds the next landmark is the one whose distances are stored, so choosing costs nothing
    /// extra (Heidelberg: 16 runs over 34k vertices, some tens of milliseconds).
    /// </summary>
    public static Landmarks Compute(RoutingGraph graph, int count = DefaultCount)
    {
        int vertexCount = graph.VertexCount;
        var component = graph.VertexComponent;
        int members = 0;
        for (int v = 0; v < vertexCount; v++)
        {
            members += component[v] == 0 ? 1 : 0;
        }
        count = Math.Min(count, members);
        if (count == 0)
        {
            return new Landmarks([], []);
        }

        var vertices = new int[count];
        var distanceCm = new int[vertexCount * count];
        var nearestLandmarkCm = new int[vertexCount];
        Array.Fill(nearestLandmarkCm, Unreachable);
        var single = new int[vertexCount];
        var heap = new QuadHeap(vertexCount);

        int next = FarthestFromCentre(graph);
        for (int l = 0; l < count; l++)
        {
            vertices[l] = next;
            ShortestLengths(graph, next, single, heap);
            int farthest = next;
            int farthestCm = -1;
            for (int v = 0; v < vertexCount; v++)
            {
                int d = single[v];
                distanceCm[(v * count) + l] = d;
                if (d == Unreachable)
                {
                    continue;
                }
                int nearest = Math.Min(nearestLandmarkCm[v], d);
                nearestLandmarkCm[v] = nearest;
                if (nearest > farthestCm)
                {
                    farthestCm = nearest;
                    farthest = v;
                }
            }
            next = farthest;
        }
        return new Landmarks(vertices, distanceCm);
    }

    private static int FarthestFromCentre(RoutingGraph graph)
    {
        var component = graph.VertexComponent;
        var lat = graph.VertexLatE7;
        var lon = graph.VertexLonE7;
        double sumLat = 0, sumLon = 0;
        int members = 0;
        for (int v = 0; v < graph.VertexCount; v++)
        {
            if (component[v] == 0)
            {
                sumLat += lat[v];
                sumLon += lon[v];
                members++;
            }
        }
        double centreLat = sumLat / members, centreLon = sumLon / members;
        // Degrees of longitude shrink with latitude; without this the "farthest" vertex would lean east-west.
        double lonScale = Math.Cos(centreLat / 1e7 * Math.PI / 180);
        int farthest = -1;
        double farthestSquared = -1;
        for (int v = 0; v < graph.VertexCount; v++)
        {
            if (component[v] != 0)
            {
                continue;
            }
            double dLat = lat[v] - centreLat, dLon = (lon[v] - centreLon) * lonScale;
            double squared = (dLat * dLat) + (dLon * dLon);
            if (squared > farthestSquared)
            {
                farthestSquared = squared;
                farthest = v;
            }
        }
        return farthest;
    }

    /// <summary>Plain Dijkstra on edge length, every edge usable both ways.</summary>
    private static void ShortestLengths(RoutingGraph graph, int source, int[] distanceCm, QuadHeap heap)
    {
        var firstArc = graph.FirstArc;
        var arcs = graph.Arcs;
        var edgeFrom = graph.EdgeFrom;
        var edgeTo = graph.EdgeTo;
        var lengthCm = graph.EdgeLengthCm;
        Array.Fill(distanceCm, Unreachable);
        distanceCm[source] = 0;
        heap.Clear();
        heap.Push(source, 0);
        while (heap.Count > 0)
        {
            int u = heap.Pop();
            int du = distanceCm[u];
            for (int i = firstArc[u]; i < firstArc[u + 1]; i++)
            {
                int arc = arcs[i];
                int edge = arc >> 1;
                int v = (arc & 1) == 0 ? edgeTo[edge] : edgeFrom[edge];
                int dv = du + lengthCm[edge];
                int known = distanceCm[v];
                if (known == Unreachable)
                {
                    distanceCm[v] = dv;
                    heap.Push(v, dv);
                }
                else if (dv < known && !heap.WasPopped(v))
                {
                    distanceCm[v] = dv;
                    heap.DecreaseKey(v, dv);
                }
            }
        }
    }
}
