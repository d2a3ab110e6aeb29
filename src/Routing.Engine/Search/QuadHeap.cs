namespace Routing.Engine.Search;

/// <summary>
/// A 4-ary min-heap of vertex ids with decrease-key (RoutingKit's <c>id_queue.h</c>): each vertex is in it at most
/// once, so it never holds stale entries and its capacity is the vertex count. Four children share a cache line or
/// two, which makes it shallower and faster than a binary heap. Clearing is O(1): slots are only read for vertices
/// pushed since (the caller knows which through its generation stamps).
/// </summary>
internal sealed class QuadHeap
{
    /// <summary>The slot a vertex had when it was popped: it is settled.</summary>
    private const int Popped = -1;

    private readonly Entry[] _entries;
    private readonly int[] _slotOf;
    private int _count;

    public QuadHeap(int capacity)
    {
        _entries = new Entry[Math.Max(capacity, 1)];
        _slotOf = new int[Math.Max(capacity, 1)];
    }

    public int Count => _count;

    /// <summary>The smallest key; +infinity when empty, which reads naturally in the stopping test.</summary>
    public double MinKey => _count > 0 ? _entries[0].Key : double.PositiveInfinity;

    public void Clear() => _count = 0;

    /// <summary>Whether a vertex pushed in this search has been popped. Meaningless for vertices not pushed.</summary>
    public bool WasPopped(int vertex) => _slotOf[vertex] == Popped;

    public void Push(int vertex, double key) => SiftUp(_count++, vertex, key);

    /// <summary>Lowers the key of a vertex still in the heap.</summary>
    public void DecreaseKey(int vertex, double key) => SiftUp(_slotOf[vertex], vertex, key);

    public int Pop()
    {
        var entries = _entries;
        int top = entries[0].Vertex;
        _slotOf[top] = Popped;
        int last = --_count;
        if (last > 0)
        {
            SiftDown(entries[last]);
        }
        return top;
    }

    private void SiftUp(int slot, int vertex, double key)
    {
        var entries = _entries;
        var slotOf = _slotOf;
        while (slot > 0)
        {
            int parent = (slot - 1) >> 2;
            ref var p = ref entries[parent];
            if (p.Key <= key)
            {
                break;
            }
            entries[slot] = p;
            slotOf[p.Vertex] = slot;
            slot = parent;
        }
        entries[slot] = new Entry(key, vertex);
        slotOf[vertex] = slot;
    }

    /// <summary>Places <paramref name="moving"/> (the former last entry) from the root down.</summary>
    private void SiftDown(Entry moving)
    {
        var entries = _entries;
        var slotOf = _slotOf;
        int count = _count;
        int slot = 0;
        while (true)
        {
            int first = (slot << 2) + 1;
            if (first >= count)
            {
                break;
            }
            int best = first;
            double bestKey = entries[first].Key;
            int end = Math.Min(first + 4, count);
            for (int c = first + 1; c < end; c++)
            {
                double k = entries[c].Key;
                if (k < bestKey)
                {
                    bestKey = k;
                    best = c;
                }
            }
            if (bestKey >= moving.Key)
            {
                break;
            }
            entries[slot] = entries[best];
            slotOf[entries[slot].Vertex] = slot;
            slot = best;
        }
        entries[slot] = moving;
        slotOf[moving.Vertex] = slot;
    }

    private readonly record struct Entry(double Key, int Vertex);
}
