using Routing.Engine.Search;
using Routing.Graph;

namespace Routing.Engine.Tests.Search;

public sealed class LandmarksTests
{
    [Fact]
    public void Sixteen_distinct_landmarks_lie_in_the_largest_component()
    {
        var landmarks = SearchTesting.HeidelbergFinder.Landmarks;
        var graph = SearchTesting.HeidelbergFinder.Graph;
        Assert.Equal(Landmarks.DefaultCount, landmarks.Count);
        Assert.Equal(landmarks.Count, landmarks.Vertices.ToArray().Distinct().Count());
        foreach (int v in landmarks.Vertices)
        {
            Assert.Equal(0, graph.VertexComponent[v]);
        }
    }

    [Fact]
    public void Bounds_never_exceed_the_walking_distance_and_are_mostly_tight()
    {
        var finder = SearchTesting.HeidelbergFinder;
        var graph = finder.Graph;
        var random = new Random(5);
        for (int run = 0; run < 5; run++)
        {
            int source = RandomMainVertex(graph, random);
            int[] distanceCm = WalkingDistancesCm(graph, source);
            long boundSum = 0, distanceSum = 0;
            for (int v = 0; v < graph.VertexCount; v++)
            {
                int bound = finder.Landmarks.LowerBoundCm(source, v);
                if (distanceCm[v] == int.MaxValue)
                {
                    Assert.Equal(0, bound); // outside the largest component: no bound
                    continue;
                }
                Assert.True(bound <= distanceCm[v], $"bound {bound} cm above the distance {distanceCm[v]} cm from {source} to {v}");
                boundSum += bound;
                distanceSum += distanceCm[v];
            }
            // Farthest-point landmarks on the rim bound most pairs well; a bad choice (or none) would fall far below.
            Assert.True(boundSum > 0.6 * distanceSum, $"bounds sum to only {boundSum / (double)distanceSum:P0} of the distances");
        }
    }

    [Fact]
    public void A_graph_without_vertices_has_no_landmarks()
    {
        var graph = new GraphBuilder().Build(new GraphMetadata { SourceFile = "empty", BuiltAtUtc = DateTimeOffset.UnixEpoch, BuilderVersion = "test" });
        var landmarks = Landmarks.Compute(graph);
        Assert.Equal(0, landmarks.Count);
    }

    private static int RandomMainVertex(RoutingGraph graph, Random random)
    {
        while (true)
        {
            int v = random.Next(graph.VertexCount);
            if (graph.VertexComponent[v] == 0)
            {
                return v;
            }
        }
    }

    /// <summary>Dijkstra on edge length, written out plainly for the check.</summary>
    private static int[] WalkingDistancesCm(RoutingGraph graph, int source)
    {
        var distance = new int[graph.VertexCount];
        Array.Fill(distance, int.MaxValue);
        distance[source] = 0;
        var queue = new PriorityQueue<int, int>();
        queue.Enqueue(source, 0);
        while (queue.TryDequeue(out int u, out int du))
        {
            if (du != distance[u])
            {
                continue;
            }
            for (int i = graph.FirstArc[u]; i < graph.FirstArc[u + 1]; i++)
            {
                int arc = graph.Arcs[i];
                int v = graph.ArcHead(arc);
                int dv = du + graph.EdgeLengthCm[arc >> 1];
                if (dv < distance[v])
                {
                    distance[v] = dv;
                    queue.Enqueue(v, dv);
                }
            }
        }
        return distance;
    }
}
