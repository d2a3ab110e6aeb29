using Routing.Graph;

namespace Routing.Osm.Tests.Import;

/// <summary>Finds graph parts by their OSM ids, so tests can speak in the fixture's terms.</summary>
internal static class GraphQueries
{
    public static List<int> EdgesOfWay(this RoutingGraph graph, long wayId)
    {
        var edges = new List<int>();
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            if (graph.EdgeOsmWayId[e] == wayId)
            {
                edges.Add(e);
            }
        }
        return edges;
    }

    public static int VertexOfNode(this RoutingGraph graph, long nodeId)
    {
        for (int v = 0; v < graph.VertexCount; v++)
        {
            if (graph.VertexOsmNodeId[v] == nodeId)
            {
                return v;
            }
        }
        return -1;
    }

    public static (long From, long To) EndNodes(this RoutingGraph graph, int edge) =>
        (graph.VertexOsmNodeId[graph.EdgeFrom[edge]], graph.VertexOsmNodeId[graph.EdgeTo[edge]]);

    /// <summary>The single edge of a way between two OSM nodes, in either direction.</summary>
    public static int EdgeBetween(this RoutingGraph graph, long wayId, long nodeA, long nodeB) =>
        graph.EdgesOfWay(wayId).Single(e => graph.EndNodes(e) == (nodeA, nodeB) || graph.EndNodes(e) == (nodeB, nodeA));
}
