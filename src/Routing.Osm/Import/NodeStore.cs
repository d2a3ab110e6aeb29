namespace Routing.Osm.Import;

/// <summary>
/// Coordinates of the nodes the walkable ways use, and only of those: the ids come from the first pass (the ways),
/// the coordinates from the second (the nodes). Memory follows the walkable network, about 16 bytes per node it
/// uses (and the outlines of the green areas paths run through), not every node of the extract. Ids are sorted and
/// found by binary search.
/// </summary>
internal sealed class NodeStore
{
    /// <summary>Latitude of a node the ways name but the extract does not hold (ways cut at the extract's edge); no real latitude is this.</summary>
    private const int Missing = int.MinValue;

    private readonly long[] _ids;
    private readonly int[] _latE7;
    private readonly int[] _lonE7;

    private NodeStore(long[] sortedDistinctIds)
    {
        _ids = sortedDistinctIds;
        _latE7 = new int[_ids.Length];
        _lonE7 = new int[_ids.Length];
        Array.Fill(_latE7, Missing);
    }

    /// <summary>A store for every node of the given ways and green areas' rings, coordinates yet unknown.</summary>
    public static NodeStore ForWays(IReadOnlyList<OsmImporter.PendingWay> ways, IReadOnlyList<OsmImporter.PendingGreenArea> greenAreas)
    {
        long references = 0;
        foreach (var way in ways)
        {
            references += way.NodeIds.Length;
        }
        foreach (var area in greenAreas)
        {
            foreach (long[] ring in area.Rings)
            {
                references += ring.Length;
            }
        }
        var ids = new long[references];
        int at = 0;
        foreach (var way in ways)
        {
            way.NodeIds.CopyTo(ids, at);
            at += way.NodeIds.Length;
        }
        foreach (var area in greenAreas)
        {
            foreach (long[] ring in area.Rings)
            {
                ring.CopyTo(ids, at);
                at += ring.Length;
            }
        }
        Array.Sort(ids);
        int distinct = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            if (distinct == 0 || ids[i] != ids[distinct - 1])
            {
                ids[distinct++] = ids[i];
            }
        }
        Array.Resize(ref ids, distinct);
        return new NodeStore(ids);
    }

    /// <summary>How many nodes the ways use, whether or not the extract holds them.</summary>
    public int Count => _ids.Length;

    /// <summary>
    /// Keeps the node's coordinates when a way uses it; false when none does. Safe to call from several threads at
    /// once for different nodes: each node has its own slot.
    /// </summary>
    public bool TrySet(long id, int latE7, int lonE7)
    {
        int index = Array.BinarySearch(_ids, id);
        if (index < 0)
        {
            return false;
        }
        _latE7[index] = latE7;
        _lonE7[index] = lonE7;
        return true;
    }

    /// <summary>Index of the node, or -1 when the extract does not hold it (ways cut at the extract's edge).</summary>
    public int IndexOf(long id)
    {
        int index = Array.BinarySearch(_ids, id);
        return index >= 0 && _latE7[index] != Missing ? index : -1;
    }

    public long IdAt(int index) => _ids[index];
    public int LatE7At(int index) => _latE7[index];
    public int LonE7At(int index) => _lonE7[index];
}
