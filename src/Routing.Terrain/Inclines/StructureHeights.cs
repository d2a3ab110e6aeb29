using Routing.Graph;

namespace Routing.Terrain;

/// <summary>
/// Heights of vertices on bridges and in tunnels, where the terrain under them says nothing: each takes the
/// length-weighted mean of its neighbours (a discrete harmonic interpolation), solved by Gauss-Seidel sweeps. On a
/// chain of edges between two ground vertices the result is the straight line between them, whatever the river or
/// hill in between.
/// </summary>
internal static class StructureHeights
{
    /// <summary>Structures are a few edges long; a sweep is cheap, and this many always converge for them.</summary>
    private const int MaxSweeps = 2000;
    private const double ConvergedM = 0.001;
    /// <summary>Weights are 1 / length; very short edges would otherwise dominate their vertex.</summary>
    private const double MinWeightLengthM = 1;

    /// <param name="floating">Vertices on structures; their entries in <paramref name="elevationM"/> hold the terrain's value on entry.</param>
    public static void Interpolate(RoutingGraph graph, IReadOnlyList<int> floating, float[] elevationM)
    {
        // Structures with no ground vertex anywhere (a bridge cut off by the extract's edge) keep the terrain's value.
        var terrainM = new float[floating.Count];
        for (int i = 0; i < floating.Count; i++)
        {
            terrainM[i] = elevationM[floating[i]];
            elevationM[floating[i]] = float.NaN;
        }

        var arcs = graph.Arcs;
        var lengthCm = graph.EdgeLengthCm;
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double largestChangeM = 0;
            foreach (int v in floating)
            {
                double weighted = 0, weights = 0;
                for (int i = graph.FirstArc[v]; i < graph.FirstArc[v + 1]; i++)
                {
                    int edge = arcs[i] >> 1;
                    float neighbourM = elevationM[graph.ArcHead(arcs[i])];
                    if (float.IsNaN(neighbourM) || GraphTerrain.JoinsLevels(graph.ClassOfEdge(edge)))
                    {
                        continue;
                    }
                    double weight = 1 / Math.Max(lengthCm[edge] / 100.0, MinWeightLengthM);
                    weighted += weight * neighbourM;
                    weights += weight;
                }
                if (weights > 0)
                {
                    float updatedM = (float)(weighted / weights);
                    largestChangeM = Math.Max(largestChangeM, float.IsNaN(elevationM[v]) ? double.PositiveInfinity : Math.Abs(updatedM - elevationM[v]));
                    elevationM[v] = updatedM;
                }
            }
            if (largestChangeM < ConvergedM)
            {
                break;
            }
        }

        for (int i = 0; i < floating.Count; i++)
        {
            if (float.IsNaN(elevationM[floating[i]]))
            {
                elevationM[floating[i]] = terrainM[i];
            }
        }
    }
}
