namespace Routing.Engine.Search;

/// <summary>
/// A cheapest path between two snap points. It leaves <see cref="From"/> along its edge to <see cref="FirstVertex"/>,
/// follows <see cref="Arcs"/> (each arc is <c>edge * 2 + direction</c>) to <see cref="LastVertex"/>, and reaches
/// <see cref="To"/> along its edge. When both points lie on one edge and the direct way along it is cheapest,
/// <see cref="FirstVertex"/> and <see cref="LastVertex"/> are -1 and <see cref="Arcs"/> is empty.
/// </summary>
/// <param name="CostS">The cost the profile gives this path (the same in every search algorithm).</param>
/// <param name="SettledVertices">How many vertices the search settled: the work it did.</param>
public sealed record SearchPath(SnapPoint From, SnapPoint To, int FirstVertex, IReadOnlyList<int> Arcs, int LastVertex, double CostS, int SettledVertices)
{
    public bool StaysOnOneEdge => FirstVertex < 0;
}
