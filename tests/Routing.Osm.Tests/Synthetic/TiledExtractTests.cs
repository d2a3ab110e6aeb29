using OsmSharp;
using OsmSharp.Streams;
using Routing.Graph;
using Routing.Osm.Import;
using Routing.Osm.Synthetic;
using Routing.TestSupport;

namespace Routing.Osm.Tests.Synthetic;

/// <summary>
/// The scale experiment's input generator, and through it the PBF reader: a 1 x 1 grid is the source as PBF, so it
/// must give the graph the source gives; larger grids repeat it with ids of their own, joined into one network.
/// </summary>
public sealed class TiledExtractTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("accessibility.osm")]
    [InlineData("green-areas.osm")] // a multipolygon's relation and member ways read from PBF blocks
    public void One_copy_as_pbf_gives_the_graph_of_the_xml_source(string name)
    {
        string fixture = RepositoryPaths.Fixture(name);
        TiledExtract.Write(fixture, _dir.File("one.osm.pbf"), 1, 1);

        Assert.Equal(GraphSections.ChecksumsOf(OsmImporter.Import(fixture).Graph),
            GraphSections.ChecksumsOf(OsmImporter.Import(_dir.File("one.osm.pbf")).Graph));
    }

    [Fact]
    public void Two_copies_give_twice_the_network_with_distinct_ids_joined_into_one()
    {
        string fixture = RepositoryPaths.Fixture("accessibility.osm");
        var written = TiledExtract.Write(fixture, _dir.File("two.osm.pbf"), 2, 1);
        var one = OsmImporter.Import(fixture);
        var two = OsmImporter.Import(_dir.File("two.osm.pbf"));

        Assert.Equal(2, written.Tiles);
        Assert.Equal(2 * one.OsmNodesRead, two.OsmNodesRead);
        int links = two.WalkableWays - (2 * one.WalkableWays);
        Assert.InRange(links, 1, 4); // footways from the first copy's east to the second's west
        Assert.True(two.Graph.EdgeCount >= (2 * one.Graph.EdgeCount) + links);
        var ids = two.Graph.VertexOsmNodeId.ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(2 * Largest(one.Graph), Largest(two.Graph));
        // The copy lies east of the source, with the source's shape.
        Assert.True(two.Graph.Bounds.MaxLon > one.Graph.Bounds.MaxLon);
        Assert.Equal(one.Graph.Bounds.MinLat, two.Graph.Bounds.MinLat);
    }

    /// <summary>
    /// Extracts list nodes first; one that lists its ways first is noticed and read again from the start, to the same
    /// graph. Monaco is large enough for many blocks.
    /// </summary>
    [Fact]
    public void A_pbf_with_ways_before_nodes_gives_the_same_graph()
    {
        TiledExtract.Write(RepositoryPaths.MonacoExtract, _dir.File("sorted.osm.pbf"), 1, 1);
        List<OsmGeo> geos;
        using (var stream = File.OpenRead(_dir.File("sorted.osm.pbf")))
        {
            geos = [.. new PBFOsmStreamSource(stream)];
        }
        using (var stream = File.Create(_dir.File("ways-first.osm.pbf")))
        {
            var writer = new PBFOsmStreamTarget(stream, compress: true);
            writer.Initialize();
            foreach (var way in geos.OfType<Way>())
            {
                writer.AddWay(way);
            }
            foreach (var node in geos.OfType<Node>())
            {
                writer.AddNode(node);
            }
            writer.Flush();
            writer.Close();
        }

        var sorted = GraphSections.ChecksumsOf(OsmImporter.Import(_dir.File("sorted.osm.pbf")).Graph);
        Assert.Equal(sorted, GraphSections.ChecksumsOf(OsmImporter.Import(_dir.File("ways-first.osm.pbf")).Graph));
        Assert.Equal(sorted, GraphSections.ChecksumsOf(OsmImporter.Import(RepositoryPaths.MonacoExtract).Graph));
    }

    private static int Largest(RoutingGraph graph) => graph.ComponentSize.ToArray().Max();
}
