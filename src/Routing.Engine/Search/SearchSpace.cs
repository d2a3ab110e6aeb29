namespace Routing.Engine.Search;

/// <summary>
/// The memory of one bidirectional search, allocated once per graph size and reused by request after request
/// (RoutingKit's <c>timestamp_flag.h</c>): a label is valid only when its stamp equals the current generation, so
/// starting a search resets every array in O(1) instead of clearing megabytes. One search at a time uses a space;
/// <see cref="PathFinder"/> rents them from a pool so requests run in parallel.
/// </summary>
internal sealed class SearchSpace
{
    public SearchSpace(int vertexCount, int landmarkCount)
    {
        VertexCount = vertexCount;
        Forward = new Label[vertexCount];
        Backward = new Label[vertexCount];
        Potential = new CachedPotential[vertexCount];
        ForwardHeap = new QuadHeap(vertexCount);
        BackwardHeap = new QuadHeap(vertexCount);
        ReferenceDistanceCm = new int[4 * landmarkCount];
        PathScratch = new int[2 * vertexCount];
    }

    public int VertexCount { get; }

    /// <summary>Stamp of the running search; labels with another stamp are unreached.</summary>
    public int Generation { get; private set; }

    public Label[] Forward { get; }
    public Label[] Backward { get; }
    public CachedPotential[] Potential { get; }
    public QuadHeap ForwardHeap { get; }
    public QuadHeap BackwardHeap { get; }

    /// <summary>Landmark distances of the four vertices the potentials are measured from (two per search end).</summary>
    public int[] ReferenceDistanceCm { get; }

    /// <summary>
    /// Room for a path's arcs while they are collected: each half (a search tree's branch) has fewer arcs than there
    /// are vertices.
    /// </summary>
    public int[] PathScratch { get; }

    /// <summary>A hierarchy query's unpacked arcs and the shortcuts still to unpack, kept for the next query.</summary>
    public List<int> HierarchyArcs { get; } = [];
    public Stack<(int Shortcut, bool GoingUp)> HierarchyPending { get; } = new();

    /// <summary>Starts a new search: every label and cached potential becomes stale at once.</summary>
    public void NextGeneration()
    {
        if (Generation == int.MaxValue)
        {
            // Once in two billion searches the stamps would repeat: clear them for real.
            Array.Clear(Forward);
            Array.Clear(Backward);
            Array.Clear(Potential);
            Generation = 0;
        }
        Generation++;
        ForwardHeap.Clear();
        BackwardHeap.Clear();
    }

    /// <summary>A tentative cost, the arc it was reached by (-1 at a search's start or end) and its stamp: 16 bytes.</summary>
    internal struct Label
    {
        public double CostS;
        public int ParentArc;
        public int Stamp;
    }

    /// <summary>A vertex's forward potential, computed when the search first touches the vertex.</summary>
    internal struct CachedPotential
    {
        public double ValueS;
        public int Stamp;
    }
}
