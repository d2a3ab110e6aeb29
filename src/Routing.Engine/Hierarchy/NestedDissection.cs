using Routing.Graph;

namespace Routing.Engine.Hierarchy;

/// <summary>
/// The metric-independent contraction order of a customizable contraction hierarchy (Dibbelt, Strasser and Wagner,
/// 2016): nested dissection, which puts the vertices of a small separator above both halves it separates, recursively.
/// A good order keeps the chordal supergraph small and its elimination tree shallow, which is what query time and
/// customization time follow; it does not depend on any profile, so one order serves every preset and every overlay.
/// <para>
/// Separators come from geometric cuts (the road network is nearly planar): each cell is sorted along four directions
/// (north-south, east-west and both diagonals) and cut at five places from 30 % to 70 %; the cut whose crossing edges
/// are covered by the fewest vertices, weighed by its balance, wins. The cover is greedy: for each crossing edge not yet covered, the end with more crossing
/// edges joins the separator. RoutingKit's inertial flow refines such cuts with max-flow; this simpler cut is enough
/// for a city (benchmarks/README.md gives the sizes it yields). Before dissecting, dead ends and chain vertices are
/// peeled off to the lowest ranks (<see cref="PeelLowDegrees"/>).
/// </para>
/// </summary>
internal static class NestedDissection
{
    /// <summary>Cells this small are ordered as they come: separating them further changes nothing measurable.</summary>
    private const int LeafCellSize = 4;

    /// <summary>Where along each direction a cell may be cut: the median, and off it where the network is thinner.</summary>
    private static readonly double[] SplitShares = [0.3, 0.4, 0.5, 0.6, 0.7];

    /// <summary>The order: element r is the vertex of rank r (separators last, so the top separator ranks highest).</summary>
    public static int[] Order(RoutingGraph graph)
    {
        var neighbours = Neighbours(graph);
        var order = new int[graph.VertexCount];
        int peeled = PeelLowDegrees(neighbours, order);
        var (first, flat) = Flatten(neighbours);
        var dissection = new Dissector(graph, first, flat, order, peeled);
        var core = new List<int>(graph.VertexCount - peeled);
        for (int v = 0; v < graph.VertexCount; v++)
        {
            if (neighbours[v] is not null)
            {
                core.Add(v);
            }
        }
        int[] cell = [.. core];
        dissection.Dissect(cell, 0, cell.Length);
        return order;
    }

    /// <summary>
    /// Ranks lowest, one by one, every vertex with at most two neighbours left: dead ends and the inner vertices of
    /// chains (kerbs, crossings, benches split footways into many). Contracting such a vertex adds at most the one
    /// shortcut between its two neighbours, so no order can do better there, and nested dissection is left with the
    /// core of real junctions. Peeled vertices leave the lists (set to null); the lists of the rest gain the shortcuts.
    /// Returns how many were peeled, written to the front of <paramref name="order"/>.
    /// </summary>
    private static int PeelLowDegrees(List<int>?[] neighbours, int[] order)
    {
        var pending = new Queue<int>();
        for (int v = 0; v < neighbours.Length; v++)
        {
            if (neighbours[v]!.Count <= 2)
            {
                pending.Enqueue(v);
            }
        }
        int peeled = 0;
        while (pending.TryDequeue(out int v))
        {
            var own = neighbours[v];
            if (own is null || own.Count > 2)
            {
                continue; // peeled already, or it gained a neighbour since it was queued
            }
            order[peeled++] = v;
            neighbours[v] = null;
            foreach (int w in own)
            {
                neighbours[w]!.Remove(v);
            }
            if (own.Count == 2 && !neighbours[own[0]]!.Contains(own[1]))
            {
                neighbours[own[0]]!.Add(own[1]);
                neighbours[own[1]]!.Add(own[0]);
            }
            foreach (int w in own)
            {
                if (neighbours[w]!.Count <= 2)
                {
                    pending.Enqueue(w);
                }
            }
        }
        return peeled;
    }

    /// <summary>Each vertex's distinct neighbours, loops left out.</summary>
    private static List<int>?[] Neighbours(RoutingGraph graph)
    {
        int n = graph.VertexCount;
        var neighbours = new List<int>?[n];
        for (int v = 0; v < n; v++)
        {
            var list = new List<int>(graph.FirstArc[v + 1] - graph.FirstArc[v]);
            for (int i = graph.FirstArc[v]; i < graph.FirstArc[v + 1]; i++)
            {
                int w = graph.ArcHead(graph.Arcs[i]);
                if (w != v && !list.Contains(w))
                {
                    list.Add(w);
                }
            }
            neighbours[v] = list;
        }
        return neighbours;
    }

    /// <summary>The core's lists in one flat array (peeled vertices have none), for the dissection's inner loops.</summary>
    private static (int[] First, int[] Flat) Flatten(List<int>?[] neighbours)
    {
        var first = new int[neighbours.Length + 1];
        for (int v = 0; v < neighbours.Length; v++)
        {
            first[v + 1] = first[v] + (neighbours[v]?.Count ?? 0);
        }
        var flat = new int[first[^1]];
        for (int v = 0; v < neighbours.Length; v++)
        {
            neighbours[v]?.CopyTo(flat, first[v]);
        }
        return (first, flat);
    }

    private sealed class Dissector
    {
        private readonly int[] _neighbourFirst;
        private readonly int[] _neighbours;
        private readonly double[] _x;
        private readonly double[] _y;
        // Per vertex: the cell being cut (a stamp), its side in the candidate cut, its crossing-edge count, whether it separates.
        private readonly int[] _cellStamp;
        private readonly byte[] _side;
        private readonly int[] _crossing;
        private readonly bool[] _separates;
        private int _stamp;
        private int _ranked;

        public Dissector(RoutingGraph graph, int[] neighbourFirst, int[] neighbours, int[] order, int ranked)
        {
            int n = graph.VertexCount;
            Result = order;
            _ranked = ranked;
            (_neighbourFirst, _neighbours) = (neighbourFirst, neighbours);
            // Metres east and north of the graph's first vertex: the diagonal cuts need comparable axes.
            _x = new double[n];
            _y = new double[n];
            double cosLat = n == 0 ? 1 : Math.Cos(graph.VertexLatE7[0] / 1e7 * Math.PI / 180);
            for (int v = 0; v < n; v++)
            {
                _x[v] = graph.VertexLonE7[v] * cosLat;
                _y[v] = graph.VertexLatE7[v];
            }
            _cellStamp = new int[n];
            _side = new byte[n];
            _crossing = new int[n];
            _separates = new bool[n];
        }

        public int[] Result { get; }

        /// <summary>Orders <c>cell[start..end)</c> (reordering the segment as scratch) and appends it to the result.</summary>
        public void Dissect(int[] cell, int start, int end)
        {
            int size = end - start;
            if (size <= LeafCellSize)
            {
                for (int i = start; i < end; i++)
                {
                    Result[_ranked++] = cell[i];
                }
                return;
            }
            var segment = cell.AsSpan(start, size);
            int stamp = ++_stamp;
            foreach (int v in segment)
            {
                _cellStamp[v] = stamp;
            }

            var keys = new double[size];
            var best = new int[size];
            double bestScore = double.PositiveInfinity;
            int bestSplit = size / 2;
            for (int direction = 0; direction < 4; direction++)
            {
                var candidate = segment.ToArray();
                for (int i = 0; i < size; i++)
                {
                    int v = candidate[i];
                    keys[i] = direction switch
                    {
                        0 => _x[v],
                        1 => _y[v],
                        2 => _x[v] + _y[v],
                        _ => _x[v] - _y[v],
                    };
                }
                Array.Sort(keys, candidate);
                foreach (double share in SplitShares)
                {
                    // Small and balanced: a cut at a third that crosses the river on four bridges beats a median cut
                    // through the old town. Dividing by share × (1 − share) weighs the balance.
                    int split = (int)(size * share);
                    double score = CoverCut(candidate, split, stamp, commit: false) / (share * (1 - share));
                    if (score < bestScore)
                    {
                        (bestScore, bestSplit) = (score, split);
                        candidate.CopyTo(best, 0);
                    }
                }
            }

            // Mark the winning cover, then lay the segment out as [first part | second part | separator].
            CoverCut(best, bestSplit, stamp, commit: true);
            int half = bestSplit;
            int write = start;
            for (int i = 0; i < half; i++)
            {
                if (!_separates[best[i]])
                {
                    cell[write++] = best[i];
                }
            }
            int secondStart = write;
            for (int i = half; i < size; i++)
            {
                if (!_separates[best[i]])
                {
                    cell[write++] = best[i];
                }
            }
            int separatorStart = write;
            foreach (int v in best)
            {
                if (_separates[v])
                {
                    cell[write++] = v;
                    _separates[v] = false;
                }
            }
            Dissect(cell, start, secondStart);
            Dissect(cell, secondStart, separatorStart);
            for (int i = separatorStart; i < end; i++)
            {
                Result[_ranked++] = cell[i];
            }
        }

        /// <summary>
        /// Cuts the sorted cell before index <paramref name="half"/> and covers every edge across the cut greedily; returns
        /// the cover's size and, when <paramref name="commit"/>, leaves the cover marked in <see cref="_separates"/>.
        /// </summary>
        private int CoverCut(int[] sorted, int half, int stamp, bool commit)
        {
            for (int i = 0; i < sorted.Length; i++)
            {
                _side[sorted[i]] = i < half ? (byte)0 : (byte)1;
                _crossing[sorted[i]] = 0;
            }
            foreach (int v in sorted)
            {
                for (int i = _neighbourFirst[v]; i < _neighbourFirst[v + 1]; i++)
                {
                    int w = _neighbours[i];
                    if (_cellStamp[w] == stamp && _side[w] != _side[v])
                    {
                        _crossing[v]++;
                    }
                }
            }
            int covered = 0;
            foreach (int v in sorted)
            {
                if (_side[v] != 0 || _crossing[v] == 0)
                {
                    continue;
                }
                for (int i = _neighbourFirst[v]; i < _neighbourFirst[v + 1]; i++)
                {
                    int w = _neighbours[i];
                    if (_cellStamp[w] != stamp || _side[w] == 0 || _separates[v] || _separates[w])
                    {
                        continue;
                    }
                    int chosen = _crossing[w] > _crossing[v] ? w : v;
                    _separates[chosen] = true;
                    covered++;
                }
            }
            if (!commit)
            {
                foreach (int v in sorted)
                {
                    _separates[v] = false;
                }
            }
            return covered;
        }
    }
}
