using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Graph.Facts;
using VtTile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace Routing.Web.Tiles;

/// <summary>
/// One Mapbox vector tile of the accessibility layer: every edge with its facts and what the requested profile makes
/// of it (<see cref="EdgeJudge"/>, the rules that route), and as separate layers steps, kerbs, elevators and the barrier
/// reports in force. Layers: <c>ways</c>, <c>steps</c>, <c>kerbs</c>, <c>elevators</c>, <c>barriers</c>.
/// </summary>
internal static class AccessibilityTile
{
    /// <summary>Below this zoom a tile would hold most of the city: the app shows the layer from here on.</summary>
    public const int MinZoom = 13;
    public const int MaxZoom = 20;
    /// <summary>Features reach this share of a tile beyond its edge, so lines do not end visibly at tile borders.</summary>
    private const double BufferShare = 0.05;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static byte[] Write(int z, int x, int y, EdgeGrid grid, CompiledProfile profile)
    {
        var tile = new VtTile(x, y, z);
        var vector = new VectorTile { TileId = tile.Id };
        if (z >= MinZoom)
        {
            double bufferLon = (tile.Right - tile.Left) * BufferShare, bufferLat = (tile.Top - tile.Bottom) * BufferShare;
            var (minLon, minLat, maxLon, maxLat) = (tile.Left - bufferLon, tile.Bottom - bufferLat, tile.Right + bufferLon, tile.Top + bufferLat);
            var judge = new EdgeJudge(profile);
            AddEdges(vector, grid, profile, judge, new Envelope(minLon, maxLon, minLat, maxLat));
            AddVertices(vector, grid, judge, minLon, minLat, maxLon, maxLat);
            AddBarriers(vector, profile.Overlay, new Envelope(minLon, maxLon, minLat, maxLat));
        }
        using var stream = new MemoryStream();
        vector.Write(stream, MapboxTileWriter.DefaultMinLinealExtent, MapboxTileWriter.DefaultMinPolygonalExtent);
        return stream.ToArray();
    }

    private static void AddEdges(VectorTile vector, EdgeGrid grid, CompiledProfile profile, EdgeJudge judge, Envelope box)
    {
        var graph = grid.Graph;
        var ways = new Layer { Name = "ways" };
        var steps = new Layer { Name = "steps" };
        var points = new List<(int LatE7, int LonE7)>();
        foreach (int edge in grid.Edges(box.MinX, box.MinY, box.MaxX, box.MaxY))
        {
            points.Clear();
            graph.AppendArcPoints(edge * 2, points);
            var line = Factory.CreateLineString([.. points.Select(p => new Coordinate(p.LonE7 / 1e7, p.LatE7 / 1e7))]);
            if (!box.Intersects(line.EnvelopeInternal))
            {
                continue;
            }
            var facts = graph.ClassOfEdge(edge);
            var forward = judge.Edge(edge, backward: false);
            var backward = judge.Edge(edge, backward: true);
            var forwardVerdict = profile.EdgeVerdict(graph, edge, false);
            var backwardVerdict = profile.EdgeVerdict(graph, edge, true);
            var unknown = forwardVerdict.Unknown | backwardVerdict.Unknown;
            var attributes = new AttributesTable
            {
                { "judgement", Name(EdgeJudge.Worse(forward, backward)) },
                { "judgement_forward", Name(forward) },
                { "judgement_backward", Name(backward) },
                { "osm_way_id", graph.EdgeOsmWayId[edge] },
                { "name", graph.EdgeName(edge) },
                { "highway", FactNames.Of(facts.Highway) },
                { "unknown", UnknownNames(unknown) },
                { "steps", facts.Has(EdgeFlags.Steps) },
                { "elevator", facts.Has(EdgeFlags.Elevator) },
            };
            AddKnown(attributes, "surface", facts.SurfaceEvidence != Evidence.Unknown && facts.Surface != SurfaceKind.Unknown, () => FactNames.Of(facts.Surface));
            AddKnown(attributes, "smoothness", facts.SmoothnessEvidence != Evidence.Unknown && facts.Smoothness != Smoothness.Unknown, () => FactNames.Of(facts.Smoothness));
            AddKnown(attributes, "width_cm", facts.WidthEvidence != Evidence.Unknown && facts.WidthCm > 0, () => (long)facts.WidthCm);
            // Signed in the direction the way is drawn, from the slope routes and blockers report: the same value, evidence,
            // confidence, and the chance (the likelier direction's) that it breaks the profile's limit.
            var slope = SlopeFact.Of(facts, backward: false);
            AddKnown(attributes, "incline_pct", slope is not null, () => slope!.Value.ValuePct);
            attributes.Add("incline_evidence", FactNames.Of(facts.InclineKind == InclineKind.Value ? facts.InclineEvidence : Evidence.Unknown));
            AddKnown(attributes, "incline_confidence", slope is not null, () => FactNames.Of(slope!.Value.Confidence));
            var limits = profile.Settings;
            AddKnown(attributes, "incline_chance_beyond_limit", slope is not null && (limits.MaxInclineUpPct is not null || limits.MaxInclineDownPct is not null),
                () => Math.Round(Math.Max(slope!.Value.ChanceBeyond(limits.MaxInclineUpPct, limits.MaxInclineDownPct),
                    SlopeFact.Of(facts, backward: true)!.Value.ChanceBeyond(limits.MaxInclineUpPct, limits.MaxInclineDownPct)), 2));
            AddKnown(attributes, "crossing", facts.Crossing != CrossingKind.None, () => FactNames.Of(facts.Crossing));
            // Why it is blocked, in the words of a route's blockers (steps, incline_up, private_access, reported ...).
            var violation = forwardVerdict.Violation ?? backwardVerdict.Violation;
            AddKnown(attributes, "blocked_by", violation is not null, () => FactNames.Of(violation!.Value.Constraint));
            ways.Features.Add(new Feature(line, attributes));
            if (facts.Has(EdgeFlags.Steps))
            {
                steps.Features.Add(new Feature(line, new AttributesTable
                {
                    { "judgement", Name(EdgeJudge.Worse(forward, backward)) },
                    { "ramp", (facts.Flags & (EdgeFlags.WheelchairRamp | EdgeFlags.StrollerRamp)) != 0 },
                    { "osm_way_id", graph.EdgeOsmWayId[edge] },
                }));
            }
        }
        vector.Layers.Add(ways);
        vector.Layers.Add(steps);
    }

    private static void AddVertices(VectorTile vector, EdgeGrid grid, EdgeJudge judge, double minLon, double minLat, double maxLon, double maxLat)
    {
        var graph = grid.Graph;
        var kerbs = new Layer { Name = "kerbs" };
        var elevators = new Layer { Name = "elevators" };
        foreach (int vertex in grid.Vertices(minLon, minLat, maxLon, maxLat))
        {
            var node = graph.ClassOfVertex(vertex);
            if (node.IsPlain)
            {
                continue;
            }
            double lon = graph.VertexLonE7[vertex] / 1e7, lat = graph.VertexLatE7[vertex] / 1e7;
            if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat)
            {
                continue;
            }
            var point = Factory.CreatePoint(new Coordinate(lon, lat));
            if (node.Kerb != KerbKind.None)
            {
                var attributes = new AttributesTable
                {
                    { "judgement", Name(judge.Vertex(vertex)) },
                    { "kind", FactNames.Of(node.Kerb) },
                    { "evidence", FactNames.Of(node.KerbEvidence) },
                    { "osm_node_id", graph.VertexOsmNodeId[vertex] },
                };
                AddKnown(attributes, "height_cm", node.KerbEvidence != Evidence.Unknown, () => (long)node.KerbHeightCm);
                kerbs.Features.Add(new Feature(point, attributes));
            }
            if (node.Has(NodeFlags.Elevator))
            {
                elevators.Features.Add(new Feature(point, new AttributesTable
                {
                    { "judgement", Name(judge.Vertex(vertex)) },
                    { "osm_node_id", graph.VertexOsmNodeId[vertex] },
                }));
            }
        }
        vector.Layers.Add(kerbs);
        vector.Layers.Add(elevators);
    }

    /// <summary>
    /// The reports in force only: a tile is the same for every caller (and cached by anyone on the way), so it shows what
    /// anyone may see (BarrierPermissions.CanSee without a key). Reports waiting for a planner are listed, to those who
    /// may see them, by <c>GET /v1/barriers</c>.
    /// </summary>
    private static void AddBarriers(VectorTile vector, BarrierOverlay overlay, Envelope box)
    {
        var barriers = new Layer { Name = "barriers" };
        foreach (var report in overlay.Active.Select(a => a.Report))
        {
            var geometry = GeometryOf(report.Geometry);
            if (!box.Intersects(geometry.EnvelopeInternal))
            {
                continue;
            }
            barriers.Features.Add(new Feature(geometry, new AttributesTable
            {
                { "report_id", report.ReportId },
                { "kind", FactNames.Of(report.Kind) },
                { "verified", report.Verified },
            }));
        }
        vector.Layers.Add(barriers);
    }

    private static Geometry GeometryOf(BarrierGeometry geometry)
    {
        var coordinates = geometry.Points.Select(p => new Coordinate(p.Lon, p.Lat)).ToList();
        switch (geometry.Type)
        {
            case BarrierGeometryType.Point:
                return Factory.CreatePoint(coordinates[0]);
            case BarrierGeometryType.LineString:
                return Factory.CreateLineString([.. coordinates]);
            default:
                if (!coordinates[0].Equals2D(coordinates[^1]))
                {
                    coordinates.Add(coordinates[0]);
                }
                return Factory.CreatePolygon([.. coordinates]);
        }
    }

    private static void AddKnown(AttributesTable attributes, string name, bool known, Func<object> value)
    {
        if (known)
        {
            attributes.Add(name, value());
        }
    }

    private static string Name(EdgeJudgement judgement) => FactNames.Of(judgement);

    /// <summary>The unknown facts as the route's <c>unknown</c> lists them, comma-separated ("" for none).</summary>
    private static string UnknownNames(UnknownFacts unknown) =>
        string.Join(',', Enum.GetValues<UnknownFacts>().Where(f => f != UnknownFacts.None && unknown.HasFlag(f)).Select(FactNames.Of));
}
