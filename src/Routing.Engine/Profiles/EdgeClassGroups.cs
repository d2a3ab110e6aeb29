using System.Runtime.CompilerServices;
using Routing.Graph;

namespace Routing.Engine.Profiles;

/// <summary>
/// A graph's edge classes split into their incline and their rest (every other fact). Terrain inclines multiply the
/// classes (Heidelberg: 12,800 classes from about 1,200 rests and 1,250 inclines), so a profile is compiled by judging
/// each distinct rest and each distinct incline once and multiplying their parts per class, as
/// <see cref="ProfileRules.Edge"/> combines them for a single class. Made once per graph and kept with it.
/// </summary>
internal sealed class EdgeClassGroups
{
    private static readonly ConditionalWeakTable<RoutingGraph, EdgeClassGroups> Cache = [];

    private EdgeClassGroups(ReadOnlySpan<EdgeClass> classes)
    {
        RestOfClass = Group(classes, RestOf, out var rests);
        InclineOfClass = Group(classes, InclineOf, out var inclines);
        Rests = rests;
        Inclines = inclines;
    }

    public static EdgeClassGroups Of(RoutingGraph graph) => Cache.GetValue(graph, g => new EdgeClassGroups(g.EdgeClasses));

    /// <summary>For each class, the index of its rest in <see cref="Rests"/>.</summary>
    public int[] RestOfClass { get; }

    /// <summary>For each class, the index of its incline in <see cref="Inclines"/>.</summary>
    public int[] InclineOfClass { get; }

    /// <summary>One class per distinct rest: judge these with <see cref="ProfileRules.AllButIncline"/>.</summary>
    public EdgeClass[] Rests { get; }

    /// <summary>One class per distinct incline: judge these with <see cref="ProfileRules.Incline"/>.</summary>
    public EdgeClass[] Inclines { get; }

    /// <summary>The class without its incline: everything <see cref="ProfileRules.AllButIncline"/> may read.</summary>
    public static EdgeClass RestOf(EdgeClass edge) =>
        edge with
        {
            InclineKind = default, InclineEvidence = default, InclinePermille = 0, SteepestInclinePermille = 0,
            InclineConfidence = default, InclineSpreadPermille = 0,
        };

    /// <summary>Only what <see cref="ProfileRules.Incline"/> reads: the incline values and whether the edge is steps.</summary>
    public static EdgeClass InclineOf(EdgeClass edge) => new()
    {
        InclineKind = edge.InclineKind,
        InclinePermille = edge.InclinePermille,
        SteepestInclinePermille = edge.SteepestInclinePermille,
        InclineConfidence = edge.InclineConfidence,
        InclineSpreadPermille = edge.InclineSpreadPermille,
        Flags = edge.Flags & EdgeFlags.Steps,
    };

    private static int[] Group(ReadOnlySpan<EdgeClass> classes, Func<EdgeClass, EdgeClass> key, out EdgeClass[] groups)
    {
        var ids = new Dictionary<EdgeClass, int>();
        var groupOfClass = new int[classes.Length];
        for (int c = 0; c < classes.Length; c++)
        {
            var k = key(classes[c]);
            if (!ids.TryGetValue(k, out int id))
            {
                id = ids.Count;
                ids.Add(k, id);
            }
            groupOfClass[c] = id;
        }
        groups = new EdgeClass[ids.Count];
        foreach (var (k, id) in ids)
        {
            groups[id] = k;
        }
        return groupOfClass;
    }
}
