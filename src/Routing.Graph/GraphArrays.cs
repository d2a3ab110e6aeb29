namespace Routing.Graph;

/// <summary>
/// The arrays of a <see cref="RoutingGraph"/> before they are wrapped: what the builder produces and what the file
/// format reads and writes. <see cref="Validate"/> checks every cross-reference, so a graph never holds an index out
/// of range whatever file it came from.
/// </summary>
internal sealed record GraphArrays
{
    public required int[] VertexLatE7 { get; init; }
    public required int[] VertexLonE7 { get; init; }
    public required long[] VertexOsmNodeId { get; init; }
    public required int[] VertexNodeClass { get; init; }
    public required int[] VertexComponent { get; init; }
    public required int[] ComponentSize { get; init; }
    public required int[] FirstArc { get; init; }
    public required int[] Arcs { get; init; }
    public required int[] EdgeFrom { get; init; }
    public required int[] EdgeTo { get; init; }
    public required int[] EdgeLengthCm { get; init; }
    public required int[] EdgeClass { get; init; }
    public required long[] EdgeOsmWayId { get; init; }
    /// <summary>Index into the name table; 0 is the empty name (the edge has none).</summary>
    public required int[] EdgeNameId { get; init; }
    public required int[] EdgeFirstShapePoint { get; init; }
    public required int[] ShapeLatE7 { get; init; }
    public required int[] ShapeLonE7 { get; init; }
    /// <summary>Ground elevation of each vertex in metres above sea level, NaN where no terrain model covers it.</summary>
    public required float[] VertexElevationM { get; init; }
    /// <summary>Elevation of each shape point, metres; NaN where unknown.</summary>
    public required float[] ShapeElevationM { get; init; }
    public required EdgeClass[] EdgeClasses { get; init; }
    public required NodeClass[] NodeClasses { get; init; }
    /// <summary>Name n is the UTF-8 text <c>NameBytes[NameOffsets[n] .. NameOffsets[n + 1]]</c>; name 0 is empty.</summary>
    public required int[] NameOffsets { get; init; }
    public required byte[] NameBytes { get; init; }
    /// <summary>Named points of interest; their names are in the same name table as the streets'.</summary>
    public required Place[] Places { get; init; }
    /// <summary>The levels elevator vertices serve, sorted by vertex and level (<see cref="ElementLevel.Of"/> searches them).</summary>
    public required ElementLevel[] VertexLevels { get; init; }
    /// <summary>The levels elevator edges serve, sorted by edge and level.</summary>
    public required ElementLevel[] EdgeLevels { get; init; }
    /// <summary>The parks, gardens, cemeteries and woods edges lie in; their names are in the shared name table.</summary>
    public required GreenArea[] GreenAreas { get; init; }
    /// <summary>The index into <see cref="GreenAreas"/> of the area each edge lies in, <see cref="GreenArea.None"/> for none.</summary>
    public required int[] EdgeGreenArea { get; init; }

    /// <summary>Throws <see cref="GraphValidationException"/> naming the first array that breaks a rule.</summary>
    public void Validate()
    {
        int vertices = VertexLatE7.Length;
        int edges = EdgeFrom.Length;
        ExpectLength(nameof(VertexLonE7), VertexLonE7.Length, vertices);
        ExpectLength(nameof(VertexOsmNodeId), VertexOsmNodeId.Length, vertices);
        ExpectLength(nameof(VertexNodeClass), VertexNodeClass.Length, vertices);
        ExpectLength(nameof(VertexComponent), VertexComponent.Length, vertices);
        ExpectLength(nameof(FirstArc), FirstArc.Length, vertices + 1);
        ExpectLength(nameof(Arcs), Arcs.Length, 2 * edges);
        ExpectLength(nameof(EdgeTo), EdgeTo.Length, edges);
        ExpectLength(nameof(EdgeLengthCm), EdgeLengthCm.Length, edges);
        ExpectLength(nameof(EdgeClass), EdgeClass.Length, edges);
        ExpectLength(nameof(EdgeOsmWayId), EdgeOsmWayId.Length, edges);
        ExpectLength(nameof(EdgeNameId), EdgeNameId.Length, edges);
        ExpectLength(nameof(EdgeFirstShapePoint), EdgeFirstShapePoint.Length, edges + 1);
        ExpectLength(nameof(ShapeLonE7), ShapeLonE7.Length, ShapeLatE7.Length);
        ExpectLength(nameof(VertexElevationM), VertexElevationM.Length, vertices);
        ExpectLength(nameof(ShapeElevationM), ShapeElevationM.Length, ShapeLatE7.Length);
        ExpectLength(nameof(EdgeGreenArea), EdgeGreenArea.Length, edges);
        if (NodeClasses.Length == 0 || !NodeClasses[0].IsPlain)
        {
            throw new GraphValidationException(nameof(NodeClasses), "class 0 must be the plain node");
        }

        if (NameOffsets.Length < 2 || NameOffsets[1] != 0)
        {
            throw new GraphValidationException(nameof(NameOffsets), "name 0 must be the empty name");
        }

        ExpectInRange(nameof(VertexNodeClass), VertexNodeClass, NodeClasses.Length);
        ExpectInRange(nameof(VertexComponent), VertexComponent, ComponentSize.Length);
        ExpectInRange(nameof(EdgeFrom), EdgeFrom, vertices);
        ExpectInRange(nameof(EdgeTo), EdgeTo, vertices);
        ExpectInRange(nameof(EdgeClass), EdgeClass, EdgeClasses.Length);
        ExpectInRange(nameof(Arcs), Arcs, 2 * edges);
        ExpectInRange(nameof(EdgeNameId), EdgeNameId, NameOffsets.Length - 1);
        for (int p = 0; p < Places.Length; p++)
        {
            if ((uint)Places[p].NameId >= (uint)(NameOffsets.Length - 1))
            {
                throw new GraphValidationException(nameof(Places), $"place {p} has name {Places[p].NameId}, expected 0 to {NameOffsets.Length - 2}");
            }
        }
        for (int a = 0; a < GreenAreas.Length; a++)
        {
            if ((uint)GreenAreas[a].NameId >= (uint)(NameOffsets.Length - 1) || !Enum.IsDefined(GreenAreas[a].Kind))
            {
                throw new GraphValidationException(nameof(GreenAreas), $"area {a} has name {GreenAreas[a].NameId} and kind {(byte)GreenAreas[a].Kind}, expected a name 0 to {NameOffsets.Length - 2} and a known kind");
            }
        }
        for (int e = 0; e < edges; e++)
        {
            if (EdgeGreenArea[e] < GreenArea.None || EdgeGreenArea[e] >= GreenAreas.Length)
            {
                throw new GraphValidationException(nameof(EdgeGreenArea), $"edge {e} lies in area {EdgeGreenArea[e]}, expected {GreenArea.None} (none) to {GreenAreas.Length - 1}");
            }
        }
        ExpectSortedLevels(nameof(VertexLevels), VertexLevels, vertices);
        ExpectSortedLevels(nameof(EdgeLevels), EdgeLevels, edges);
        ExpectMonotone(nameof(FirstArc), FirstArc, Arcs.Length);
        ExpectMonotone(nameof(EdgeFirstShapePoint), EdgeFirstShapePoint, ShapeLatE7.Length);
        // Names are only decoded on demand, so their UTF-8 is not checked here; a bad byte decodes to U+FFFD.
        ExpectMonotone(nameof(NameOffsets), NameOffsets, NameBytes.Length);
        for (int e = 0; e < edges; e++)
        {
            if (EdgeLengthCm[e] < 0)
            {
                throw new GraphValidationException(nameof(EdgeLengthCm), $"edge {e} has negative length {EdgeLengthCm[e]}");
            }
        }
        for (int v = 0; v < vertices; v++)
        {
            for (int i = FirstArc[v]; i < FirstArc[v + 1]; i++)
            {
                int arc = Arcs[i];
                int edge = arc >> 1;
                int tail = (arc & 1) == 0 ? EdgeFrom[edge] : EdgeTo[edge];
                if (tail != v)
                {
                    throw new GraphValidationException(nameof(Arcs), $"arc {arc} is listed under vertex {v} but starts at vertex {tail}");
                }
            }
        }
    }

    private static void ExpectLength(string array, int actual, int expected)
    {
        if (actual != expected)
        {
            throw new GraphValidationException(array, $"expected {expected} elements, found {actual}");
        }
    }

    private static void ExpectInRange(string array, int[] values, int exclusiveMax)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if ((uint)values[i] >= (uint)exclusiveMax)
            {
                throw new GraphValidationException(array, $"element {i} is {values[i]}, expected 0 to {exclusiveMax - 1}");
            }
        }
    }

    /// <summary>Lookups search the entries, so they must be in order; a level is a finite number, each once per element.</summary>
    private static void ExpectSortedLevels(string array, ElementLevel[] levels, int elements)
    {
        for (int i = 0; i < levels.Length; i++)
        {
            var entry = levels[i];
            if ((uint)entry.Element >= (uint)elements || !float.IsFinite(entry.Level))
            {
                throw new GraphValidationException(array, $"entry {i} is element {entry.Element} at level {entry.Level}, expected an element 0 to {elements - 1} and a finite level");
            }
            if (i > 0 && (levels[i - 1].Element > entry.Element || (levels[i - 1].Element == entry.Element && levels[i - 1].Level >= entry.Level)))
            {
                throw new GraphValidationException(array, $"entry {i} is out of order: expected entries sorted by element and level, each level once");
            }
        }
    }

    private static void ExpectMonotone(string array, int[] offsets, int total)
    {
        if (offsets[0] != 0 || offsets[^1] != total)
        {
            throw new GraphValidationException(array, $"expected offsets from 0 to {total}, found {offsets[0]} to {offsets[^1]}");
        }
        for (int i = 1; i < offsets.Length; i++)
        {
            if (offsets[i] < offsets[i - 1])
            {
                throw new GraphValidationException(array, $"offsets decrease at element {i}");
            }
        }
    }
}

/// <summary>A graph's arrays contradict each other.</summary>
public sealed class GraphValidationException(string array, string problem)
    : Exception($"{array}: {problem}")
{
    public string Array { get; } = array;
}
