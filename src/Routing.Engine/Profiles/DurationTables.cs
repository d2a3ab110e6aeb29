using Routing.Graph;

namespace Routing.Engine.Profiles;

/// <summary>
/// Physical time (no cost factors or penalties) per arc kind (<c>2 * edge class + direction</c>, overlay classes
/// included) and per node class, taken from <see cref="CompiledProfile.EdgeVerdict"/> and
/// <see cref="CompiledProfile.VertexVerdict"/>, so that a duration summed over a search tree equals the duration the
/// route assembler reports for the same path.
/// </summary>
internal sealed class DurationTables
{
    private readonly CompiledProfile _profile;

    public DurationTables(CompiledProfile profile, RoutingGraph graph)
    {
        _profile = profile;
        int edgeKinds = profile.ArcCostPerMetre.Length;
        PerMetreS = new double[edgeKinds];
        FixedS = new double[edgeKinds];
        var representative = new int[edgeKinds / 2];
        Array.Fill(representative, -1);
        var classIds = profile.EdgeClassIds;
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            representative[classIds[edge]] = edge; // a verdict is judged per class; any edge of it will do
        }
        for (int edgeClass = 0; edgeClass < representative.Length; edgeClass++)
        {
            if (representative[edgeClass] < 0)
            {
                continue;
            }
            for (int direction = 0; direction < 2; direction++)
            {
                var verdict = profile.EdgeVerdict(graph, representative[edgeClass], backward: direction == 1);
                PerMetreS[(2 * edgeClass) + direction] = verdict.DurationSecondsPerMetre;
                FixedS[(2 * edgeClass) + direction] = verdict.FixedDurationS;
            }
        }
        NodeS = new double[profile.NodeCost.Length];
        var nodeClasses = profile.VertexNodeClasses;
        var judged = new bool[NodeS.Length];
        for (int vertex = 0; vertex < graph.VertexCount; vertex++)
        {
            if (!judged[nodeClasses[vertex]])
            {
                NodeS[nodeClasses[vertex]] = profile.VertexVerdict(graph, vertex).DurationS;
                judged[nodeClasses[vertex]] = true;
            }
        }
    }

    /// <summary>Seconds per metre of each arc kind.</summary>
    public double[] PerMetreS { get; }

    /// <summary>Fixed seconds of each arc kind (an elevator's ride).</summary>
    public double[] FixedS { get; }

    /// <summary>Seconds of passing a vertex of each node class (a signalled crossing's wait, a kerb).</summary>
    public double[] NodeS { get; }

    /// <summary>
    /// Seconds of travelling part of an edge (no vertex): 0 for a part shorter than
    /// <see cref="CompiledProfile.NegligibleM"/>, which a route does not travel either.
    /// </summary>
    public double PartialEdgeS(int edge, bool backward, double metres)
    {
        int kind = (2 * _profile.EdgeClassIds[edge]) + (backward ? 1 : 0);
        return metres < CompiledProfile.NegligibleM ? 0 : (metres * PerMetreS[kind]) + FixedS[kind];
    }
}
