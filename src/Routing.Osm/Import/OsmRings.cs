namespace Routing.Osm.Import;

/// <summary>The rings of a multipolygon, from its member ways, for every reader of areas (the graph's green areas, the base map).</summary>
public static class OsmRings
{
    /// <summary>
    /// Joins ways (their node ids) end to end into closed rings, each as node ids with the first repeated last; pieces
    /// that close nothing are dropped (a member cut at the extract's edge).
    /// </summary>
    public static List<long[]> Join(IEnumerable<IReadOnlyList<long>> ways)
    {
        var open = new List<List<long>>();
        foreach (var ids in ways)
        {
            if (ids.Count >= 2)
            {
                open.Add([.. ids]);
            }
        }
        var rings = new List<long[]>();
        while (open.Count > 0)
        {
            var ring = open[^1];
            open.RemoveAt(open.Count - 1);
            bool grew = true;
            while (ring[0] != ring[^1] && grew)
            {
                grew = false;
                for (int i = 0; i < open.Count; i++)
                {
                    var piece = open[i];
                    if (piece[0] == ring[^1] || piece[^1] == ring[^1])
                    {
                        if (piece[0] != ring[^1])
                        {
                            piece.Reverse();
                        }
                        ring.AddRange(piece.Skip(1));
                        open.RemoveAt(i);
                        grew = true;
                        break;
                    }
                }
            }
            if (ring.Count >= 4 && ring[0] == ring[^1])
            {
                rings.Add([.. ring]);
            }
        }
        return rings;
    }
}
