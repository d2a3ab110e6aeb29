using System.Collections.Concurrent;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VtTile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace Routing.BaseMap;

/// <summary>
/// Cuts the base map into Mapbox vector tiles on request, written by the same NetTopologySuite writer as the
/// accessibility tiles. Layers (each feature with <c>class</c> and, when it has one, <c>name</c>): <c>green</c>,
/// <c>water</c>, <c>squares</c>, <c>buildings</c>, <c>waterways</c>, <c>railways</c>, <c>streets</c>, <c>labels</c>.
/// Tiles go to zoom 16; the map draws them larger beyond (at 16 a tile unit is under 15 cm). Written tiles are kept:
/// the base map never changes while it serves.
/// </summary>
internal sealed class BaseTiles
{
    public const int MaxZoom = 16;
    /// <summary>Features reach this share beyond the tile, so lines and labels do not end at its border.</summary>
    private const double BufferShare = 1.0 / 16;
    /// <summary>Grid cells of this size (about 550 by 370 m) index the features by their boxes.</summary>
    private const int CellE7 = 50_000;
    /// <summary>Past this many kept tiles the cache starts over: a city at zoom 12 to 16 needs far fewer.</summary>
    private const int MaxCachedTiles = 20_000;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private static readonly string[] LayerNames = ["green", "water", "squares", "buildings", "waterways", "railways", "streets", "labels"];

    private readonly BaseFeature[] _features;
    private readonly int[][] _boxes;
    private readonly Dictionary<long, List<int>> _cells = [];
    private readonly ConcurrentDictionary<(int Z, int X, int Y), byte[]> _written = new();

    public BaseTiles(BaseMapData data)
    {
        _features = [.. data.Features];
        _boxes = new int[_features.Length][];
        for (int i = 0; i < _features.Length; i++)
        {
            var box = BaseMapExtractor.Box(_features[i].Parts[0]);
            _boxes[i] = box;
            for (int cx = Cell(box[0]); cx <= Cell(box[2]); cx++)
            {
                for (int cy = Cell(box[1]); cy <= Cell(box[3]); cy++)
                {
                    long key = Key(cx, cy);
                    if (!_cells.TryGetValue(key, out var list))
                    {
                        _cells[key] = list = [];
                    }
                    list.Add(i);
                }
            }
        }
    }

    public byte[] Tile(int z, int x, int y)
    {
        if (_written.Count > MaxCachedTiles)
        {
            _written.Clear();
        }
        return _written.GetOrAdd((z, x, y), key => Write(key.Z, key.X, key.Y));
    }

    private byte[] Write(int z, int x, int y)
    {
        var tile = new VtTile(x, y, z);
        var vector = new VectorTile { TileId = tile.Id };
        var layers = LayerNames.Select(name => new Layer { Name = name }).ToArray();
        double bufferLon = (tile.Right - tile.Left) * BufferShare, bufferLat = (tile.Top - tile.Bottom) * BufferShare;
        var clip = new Envelope(tile.Left - bufferLon, tile.Right + bufferLon, tile.Bottom - bufferLat, tile.Top + bufferLat);
        var clipPolygon = Factory.ToGeometry(clip);
        int minLon = (int)(clip.MinX * 1e7), minLat = (int)(clip.MinY * 1e7), maxLon = (int)(clip.MaxX * 1e7), maxLat = (int)(clip.MaxY * 1e7);
        var seen = new HashSet<int>();
        for (int cx = Cell(minLon); cx <= Cell(maxLon); cx++)
        {
            for (int cy = Cell(minLat); cy <= Cell(maxLat); cy++)
            {
                if (!_cells.TryGetValue(Key(cx, cy), out var list))
                {
                    continue;
                }
                foreach (int i in list)
                {
                    var feature = _features[i];
                    int[] box = _boxes[i];
                    if (feature.MinZoom > z || box[2] < minLon || box[0] > maxLon || box[3] < minLat || box[1] > maxLat || !seen.Add(i))
                    {
                        continue;
                    }
                    var geometry = BaseGeometry.Of(Factory, feature);
                    // Only what crosses the tile's edge is cut; a polygon spanning many tiles would otherwise travel whole in each.
                    bool inside = box[0] >= minLon && box[2] <= maxLon && box[1] >= minLat && box[3] <= maxLat;
                    if (!inside)
                    {
                        geometry = Clip(geometry, clipPolygon);
                        if (geometry.IsEmpty)
                        {
                            continue;
                        }
                    }
                    var attributes = new AttributesTable { { "class", feature.Class } };
                    if (feature.Name is { Length: > 0 } name)
                    {
                        attributes.Add("name", name);
                    }
                    layers[(int)feature.Layer].Features.Add(new Feature(geometry, attributes));
                }
            }
        }
        foreach (var layer in layers.Where(l => l.Features.Count > 0))
        {
            vector.Layers.Add(layer);
        }
        using var stream = new MemoryStream();
        vector.Write(stream, MapboxTileWriter.DefaultMinLinealExtent, MapboxTileWriter.DefaultMinPolygonalExtent);
        return stream.ToArray();
    }

    /// <summary>
    /// The part inside the tile, of the feature's own dimension: a polygon touching the edge can leave a line there, which
    /// a polygon layer does not draw. An invalid polygon from the data (a self-touching outline) is repaired once rather
    /// than dropped.
    /// </summary>
    private static Geometry Clip(Geometry geometry, Geometry clipPolygon)
    {
        Geometry clipped;
        try
        {
            clipped = geometry.Intersection(clipPolygon);
        }
        catch (TopologyException)
        {
            clipped = geometry.Buffer(0).Intersection(clipPolygon);
        }
        if (clipped is not GeometryCollection { IsEmpty: false } collection || clipped is MultiPolygon or MultiLineString or MultiPoint)
        {
            return clipped;
        }
        var parts = new List<Geometry>();
        for (int i = 0; i < collection.NumGeometries; i++)
        {
            var part = collection.GetGeometryN(i);
            if (part.Dimension == geometry.Dimension)
            {
                parts.Add(part);
            }
        }
        return Factory.BuildGeometry(parts);
    }

    private static int Cell(int e7) => (int)Math.Floor(e7 / (double)CellE7);

    private static long Key(int cx, int cy) => ((long)cx << 32) | (uint)cy;
}
