namespace Routing.Osm.Import;

/// <summary>
/// Coordinates of every node in the extract, looked up by OSM id. PBF and XML extracts list nodes sorted by id, so
/// they are appended in order and found by binary search; an unsorted file is sorted once at the end.
/// About 16 bytes per node: fine for a city or a region, the reason to go to two passes for a continent.
/// </summary>
internal sealed class NodeStore
{
    private long[] _ids = new long[1 << 16];
    private int[] _latE7 = new int[1 << 16];
    private int[] _lonE7 = new int[1 << 16];
    private bool _sorted = true;

    public int Count { get; private set; }

    public void Add(long id, int latE7, int lonE7)
    {
        if (Count == _ids.Length)
        {
            Array.Resize(ref _ids, Count * 2);
            Array.Resize(ref _latE7, Count * 2);
            Array.Resize(ref _lonE7, Count * 2);
        }
        if (Count > 0 && id <= _ids[Count - 1])
        {
            _sorted = false;
        }
        _ids[Count] = id;
        _latE7[Count] = latE7;
        _lonE7[Count] = lonE7;
        Count++;
    }

    /// <summary>Call once after the last <see cref="Add"/>.</summary>
    public void Seal()
    {
        if (_sorted)
        {
            return;
        }
        var order = new int[Count];
        for (int i = 0; i < Count; i++)
        {
            order[i] = i;
        }
        Array.Sort(_ids, order, 0, Count);
        var lat = new int[Count];
        var lon = new int[Count];
        for (int i = 0; i < Count; i++)
        {
            lat[i] = _latE7[order[i]];
            lon[i] = _lonE7[order[i]];
        }
        _latE7 = lat;
        _lonE7 = lon;
        _sorted = true;
    }

    /// <summary>Index of the node, or -1 when the extract does not hold it (ways cut at the extract's edge).</summary>
    public int IndexOf(long id)
    {
        int index = Array.BinarySearch(_ids, 0, Count, id);
        return index >= 0 ? index : -1;
    }

    public long IdAt(int index) => _ids[index];
    public int LatE7At(int index) => _latE7[index];
    public int LonE7At(int index) => _lonE7[index];
}
