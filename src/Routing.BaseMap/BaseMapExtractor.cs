using System.Globalization;
using NetTopologySuite.Geometries;
using Coordinates = Routing.Graph.Coordinates;
using Routing.Osm.Import;

namespace Routing.BaseMap;

/// <summary>
/// Reads an extract once, in file order (nodes, ways, relations), into what the base map draws and what the search
/// finds. Keeps every node's coordinates and every way's nodes (for multipolygons): a city extract fits in a few tens
/// of megabytes.
/// </summary>
internal static class BaseMapExtractor
{
    /// <summary>Ways of one name whose boxes lie this close are one street; farther apart, two (Marktplatz in two districts).</summary>
    private const double StreetJoinM = 100;
    /// <summary>Platforms and stop positions of one name within this distance are one stop.</summary>
    private const double StopJoinM = 300;
    /// <summary>A place farther than this from every district centre has no district.</summary>
    private const double DistrictReachM = 4000;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <param name="districtsPath">A tab-separated file of district centres (name, lat, lon) or null; the extract's own
    /// <c>place=suburb|quarter|...</c> nodes count too.</param>
    public static BaseMapData Extract(string osmPath, string? districtsPath, CancellationToken cancellation)
    {
        var nodes = new Dictionary<long, (int LatE7, int LonE7)>();
        var wayNodes = new Dictionary<long, long[]>();
        var features = new List<BaseFeature>();
        var found = new List<Candidate>();
        var districts = ReadDistricts(districtsPath);
        foreach (var element in OsmElements.Read(osmPath, cancellation))
        {
            switch (element.Kind)
            {
                case OsmElementKind.Node:
                    nodes[element.Id] = (element.LatE7, element.LonE7);
                    if (element.Tags.Count > 0)
                    {
                        Node(element, found, districts);
                    }
                    break;
                case OsmElementKind.Way:
                    wayNodes[element.Id] = [.. element.NodeIds];
                    if (element.Tags.Count > 0)
                    {
                        Way(element, nodes, features, found);
                    }
                    break;
                default:
                    Relation(element, nodes, wayNodes, features, found);
                    break;
            }
        }
        var places = Places(found, districts);
        features.AddRange(Labels(places));
        return new BaseMapData(features, places);
    }

    /// <summary>A named element the search may find, before streets and stops are merged.</summary>
    private sealed record Candidate(string Name, IReadOnlyList<string> AltNames, BaseTags.Found Found, int LatE7, int LonE7,
        string Wheelchair, string OsmId, int[] BoxE7, double LengthM);

    private static void Node(OsmElement node, List<Candidate> found, List<(string Name, int LatE7, int LonE7)> districts)
    {
        if (!node.Tags.TryGetValue("name", out string? name))
        {
            // Unnamed toilets are still what "WC" looks for.
            if (node.Tags.GetValueOrDefault("amenity") == "toilets")
            {
                found.Add(new Candidate("", [], new BaseTags.Found("toilets", 55), node.LatE7, node.LonE7, BaseTags.Wheelchair(node.Tags), Ref("node", node.Id),
                    [node.LonE7, node.LatE7, node.LonE7, node.LatE7], 0));
            }
            return;
        }
        if (BaseTags.IsDistrict(node.Tags))
        {
            districts.Add((name, node.LatE7, node.LonE7));
        }
        if (BaseTags.Find(node.Tags, isNode: true) is { } kind)
        {
            found.Add(new Candidate(name, BaseTags.AltNames(node.Tags), kind, node.LatE7, node.LonE7, BaseTags.Wheelchair(node.Tags), Ref("node", node.Id),
                [node.LonE7, node.LatE7, node.LonE7, node.LatE7], 0));
        }
    }

    private static void Way(OsmElement way, Dictionary<long, (int LatE7, int LonE7)> nodes, List<BaseFeature> features, List<Candidate> found)
    {
        var line = Line(way.NodeIds, nodes);
        if (line is null)
        {
            return;
        }
        bool closed = way.NodeIds.Count >= 4 && way.NodeIds[0] == way.NodeIds[^1];
        string? name = way.Tags.GetValueOrDefault("name");
        if (BaseTags.Draw(way.Tags, closed) is { } drawn)
        {
            features.Add(new BaseFeature(drawn.Layer, drawn.Class, name, drawn.MinZoom, [line]));
        }
        if (name is not null && BaseTags.Find(way.Tags, isNode: false) is { } kind)
        {
            // A street's place is set when its ways merge; an open way (a named wall, a fence) is placed at its middle vertex.
            int middle = line.Length / 4 * 2;
            var (latE7, lonE7) = kind.Kind != "street" && closed ? Inside([line]) : (line[middle + 1], line[middle]);
            found.Add(new Candidate(name, BaseTags.AltNames(way.Tags), kind, latE7, lonE7, BaseTags.Wheelchair(way.Tags), Ref("way", way.Id), Box(line), LengthM(line)));
        }
    }

    /// <summary>Multipolygons: their member ways joined into rings; outer rings first, each followed by the holes.</summary>
    private static void Relation(OsmElement relation, Dictionary<long, (int LatE7, int LonE7)> nodes, Dictionary<long, long[]> wayNodes,
        List<BaseFeature> features, List<Candidate> found)
    {
        if (relation.Tags.GetValueOrDefault("type") != "multipolygon" || BaseTags.Draw(relation.Tags, closed: true) is not { } drawn)
        {
            return;
        }
        var outer = Rings(relation.Members.Where(m => m.Kind == OsmElementKind.Way && m.Role != "inner"), nodes, wayNodes);
        var inner = Rings(relation.Members.Where(m => m.Kind == OsmElementKind.Way && m.Role == "inner"), nodes, wayNodes);
        if (outer.Count == 0)
        {
            return;
        }
        string? name = relation.Tags.GetValueOrDefault("name");
        foreach (var ring in outer)
        {
            features.Add(new BaseFeature(drawn.Layer, drawn.Class, name, drawn.MinZoom, [ring, .. inner.Where(hole => Within(hole, ring))]));
        }
        if (name is not null && BaseTags.Find(relation.Tags, isNode: false) is { } kind)
        {
            var (latE7, lonE7) = Inside([outer[0]]);
            found.Add(new Candidate(name, BaseTags.AltNames(relation.Tags), kind, latE7, lonE7, BaseTags.Wheelchair(relation.Tags), Ref("relation", relation.Id), Box(outer[0]), 0));
        }
    }

    /// <summary>The member ways joined into closed rings (<see cref="OsmRings.Join"/>), as coordinates; rings with a node the extract lacks are dropped.</summary>
    private static List<int[]> Rings(IEnumerable<OsmMember> members, Dictionary<long, (int LatE7, int LonE7)> nodes, Dictionary<long, long[]> wayNodes)
    {
        var rings = new List<int[]>();
        foreach (long[] ring in OsmRings.Join(members.Select(m => wayNodes.GetValueOrDefault(m.Id, []))))
        {
            if (Line(ring, nodes) is { } coordinates)
            {
                rings.Add(coordinates);
            }
        }
        return rings;
    }

    /// <summary>Interleaved longitude and latitude of the nodes; null when the extract lacks one (a way cut at its edge).</summary>
    private static int[]? Line(IReadOnlyList<long> ids, Dictionary<long, (int LatE7, int LonE7)> nodes)
    {
        if (ids.Count < 2)
        {
            return null;
        }
        var line = new int[ids.Count * 2];
        for (int i = 0; i < ids.Count; i++)
        {
            if (!nodes.TryGetValue(ids[i], out var node))
            {
                return null;
            }
            line[2 * i] = node.LonE7;
            line[(2 * i) + 1] = node.LatE7;
        }
        return line;
    }

    private static bool Within(int[] hole, int[] ring)
    {
        var box = Box(ring);
        return hole[0] >= box[0] && hole[0] <= box[2] && hole[1] >= box[1] && hole[1] <= box[3];
    }

    internal static int[] Box(int[] line)
    {
        int[] box = [int.MaxValue, int.MaxValue, int.MinValue, int.MinValue];
        for (int i = 0; i < line.Length; i += 2)
        {
            box[0] = Math.Min(box[0], line[i]);
            box[1] = Math.Min(box[1], line[i + 1]);
            box[2] = Math.Max(box[2], line[i]);
            box[3] = Math.Max(box[3], line[i + 1]);
        }
        return box;
    }

    private static double LengthM(int[] line)
    {
        double length = 0;
        for (int i = 2; i < line.Length; i += 2)
        {
            length += Coordinates.DistanceM(line[i - 1], line[i - 2], line[i + 1], line[i]);
        }
        return length;
    }

    /// <summary>A point inside the polygon (not its centroid, which may fall outside an L-shaped square).</summary>
    private static (int LatE7, int LonE7) Inside(int[][] rings)
    {
        var polygon = BaseGeometry.Polygon(Factory, rings);
        if (!polygon.IsValid || polygon.IsEmpty)
        {
            return (rings[0][1], rings[0][0]);
        }
        var point = polygon.InteriorPoint;
        return (Coordinates.ToE7(point.Y), Coordinates.ToE7(point.X));
    }

    private static string Ref(string type, long id) => type + "/" + id.ToString(CultureInfo.InvariantCulture);

    private static List<(string Name, int LatE7, int LonE7)> ReadDistricts(string? path)
    {
        var districts = new List<(string, int, int)>();
        if (path is null || !File.Exists(path))
        {
            return districts;
        }
        foreach (string line in File.ReadLines(path))
        {
            string[] fields = line.Split('\t');
            if (fields.Length == 3 && !line.StartsWith('#')
                && double.TryParse(fields[1], CultureInfo.InvariantCulture, out double lat) && double.TryParse(fields[2], CultureInfo.InvariantCulture, out double lon))
            {
                districts.Add((fields[0], Coordinates.ToE7(lat), Coordinates.ToE7(lon)));
            }
        }
        return districts;
    }

    /// <summary>Streets and stops merged, squares win over the street ways of their own name, each with its district.</summary>
    private static List<BasePlace> Places(List<Candidate> found, List<(string Name, int LatE7, int LonE7)> districts)
    {
        var places = new List<BasePlace>();
        var squares = found.Where(c => c.Found.Kind is "square" or "pedestrian_area").ToList();
        foreach (var group in Clusters(found.Where(c => c.Found.Kind == "street"), StreetJoinM))
        {
            // The square of the same name is the place; its street ways are how one crosses it.
            if (squares.Any(s => s.Name == group[0].Name && NearM(s.BoxE7, group[0].BoxE7) < StreetJoinM))
            {
                continue;
            }
            places.Add(Street(group, districts));
        }
        foreach (var group in Clusters(found.Where(c => c.Found.Kind is "stop" or "station"), StopJoinM))
        {
            places.Add(Stop(group, districts));
        }
        // A square is often mapped as its area and the pedestrian ways across it, all of one name: one place, at the area.
        foreach (var group in Clusters(squares, StreetJoinM))
        {
            var square = group.MaxBy(c => (long)(c.BoxE7[2] - c.BoxE7[0]) * (c.BoxE7[3] - c.BoxE7[1]))!;
            places.Add(new BasePlace(square.Name, [.. group.SelectMany(c => c.AltNames).Distinct(StringComparer.Ordinal)],
                group.Any(c => c.Found.Kind == "square") ? "square" : square.Found.Kind, square.LatE7, square.LonE7, square.Wheelchair,
                group.Max(c => c.Found.Importance), DistrictOf(square.LatE7, square.LonE7, districts), square.OsmId));
        }
        foreach (var candidate in found.Where(c => c.Found.Kind is not ("street" or "stop" or "station" or "square" or "pedestrian_area")))
        {
            places.Add(new BasePlace(candidate.Name, candidate.AltNames, candidate.Found.Kind, candidate.LatE7, candidate.LonE7, candidate.Wheelchair,
                candidate.Found.Importance, DistrictOf(candidate.LatE7, candidate.LonE7, districts), candidate.OsmId));
        }
        return places;
    }

    /// <summary>A street is placed at its vertex nearest the middle of its ways, so the pin lands on the street; long streets matter more.</summary>
    private static BasePlace Street(List<Candidate> ways, List<(string Name, int LatE7, int LonE7)> districts)
    {
        double lat = ways.Average(w => (double)w.LatE7), lon = ways.Average(w => (double)w.LonE7);
        var middle = ways.MinBy(w => ((w.LatE7 - lat) * (w.LatE7 - lat)) + ((w.LonE7 - lon) * (w.LonE7 - lon)))!;
        int importance = ways.Max(w => w.Found.Importance) + (int)Math.Min(10, ways.Sum(w => w.LengthM) / 200);
        return new BasePlace(middle.Name, [.. ways.SelectMany(w => w.AltNames).Distinct(StringComparer.Ordinal)], "street", middle.LatE7, middle.LonE7,
            "unknown", importance, DistrictOf(middle.LatE7, middle.LonE7, districts), ways[0].OsmId);
    }

    /// <summary>
    /// A stop's platforms and stop positions become one place at their middle. Its wheelchair tag is the best any
    /// platform has, and "limited" when they disagree: some of its platforms are usable, not all.
    /// </summary>
    private static BasePlace Stop(List<Candidate> parts, List<(string Name, int LatE7, int LonE7)> districts)
    {
        int lat = (int)parts.Average(p => (double)p.LatE7), lon = (int)parts.Average(p => (double)p.LonE7);
        var tags = parts.Select(p => p.Wheelchair).Where(w => w != "unknown").Distinct(StringComparer.Ordinal).ToList();
        string wheelchair = tags.Count switch
        {
            0 => "unknown",
            1 => tags[0],
            _ => "limited",
        };
        bool station = parts.Any(p => p.Found.Kind == "station");
        int importance = (station ? 80 : 45) + Math.Min(15, 2 * parts.Count);
        return new BasePlace(parts[0].Name, [.. parts.SelectMany(p => p.AltNames).Distinct(StringComparer.Ordinal)], station ? "station" : "stop",
            lat, lon, wheelchair, importance, DistrictOf(lat, lon, districts), parts[0].OsmId);
    }

    /// <summary>Groups candidates of one name whose boxes lie within <paramref name="joinM"/> of each other, transitively.</summary>
    private static IEnumerable<List<Candidate>> Clusters(IEnumerable<Candidate> candidates, double joinM)
    {
        foreach (var byName in candidates.GroupBy(c => c.Name, StringComparer.Ordinal))
        {
            var items = byName.ToList();
            var parent = Enumerable.Range(0, items.Count).ToArray();
            int Root(int i)
            {
                while (parent[i] != i)
                {
                    i = parent[i] = parent[parent[i]];
                }
                return i;
            }
            for (int i = 0; i < items.Count; i++)
            {
                for (int j = i + 1; j < items.Count; j++)
                {
                    if (NearM(items[i].BoxE7, items[j].BoxE7) <= joinM)
                    {
                        parent[Root(i)] = Root(j);
                    }
                }
            }
            foreach (var cluster in Enumerable.Range(0, items.Count).GroupBy(Root))
            {
                yield return [.. cluster.Select(i => items[i])];
            }
        }
    }

    /// <summary>The distance between two boxes (0 when they overlap), in metres.</summary>
    private static double NearM(int[] a, int[] b)
    {
        int dLon = Math.Max(0, Math.Max(a[0] - b[2], b[0] - a[2])), dLat = Math.Max(0, Math.Max(a[1] - b[3], b[1] - a[3]));
        int lat = (a[1] + a[3]) / 2;
        return Coordinates.DistanceM(lat, 0, lat + dLat, dLon);
    }

    private static string? DistrictOf(int latE7, int lonE7, List<(string Name, int LatE7, int LonE7)> districts)
    {
        string? best = null;
        double bestM = DistrictReachM;
        foreach (var (name, dLat, dLon) in districts)
        {
            double m = Coordinates.DistanceM(latE7, lonE7, dLat, dLon);
            if (m < bestM)
            {
                (best, bestM) = (name, m);
            }
        }
        return best;
    }

    /// <summary>
    /// Point labels for squares, stops, parks and sights (street names follow their lines). The most important show
    /// first when zooming in.
    /// </summary>
    private static IEnumerable<BaseFeature> Labels(List<BasePlace> places) =>
        places.Where(p => p.Kind != "street" && p.Name.Length > 0)
            .OrderByDescending(p => p.Importance)
            .Select(p => new BaseFeature(BaseLayer.Labels, p.Kind, p.Name, p.Importance >= 80 ? (byte)13 : p.Importance >= 55 ? (byte)15 : (byte)16, [[p.LonE7, p.LatE7]]));
}
