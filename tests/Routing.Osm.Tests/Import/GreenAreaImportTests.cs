using Routing.Graph;
using Routing.Osm.Import;
using Routing.TestSupport;

namespace Routing.Osm.Tests.Import;

/// <summary>
/// Each edge is given the green area its middle lies in (Fixtures/green-areas.osm, layout in its header): closed ways and
/// multipolygons with holes, the smallest of nested areas, and no area for a path that only ends in one.
/// </summary>
public sealed class GreenAreaImportTests
{
    private static readonly RoutingGraph Graph = OsmImporter.Import(RepositoryPaths.Fixture("green-areas.osm")).Graph;

    private static (string Name, GreenAreaKind Kind)? AreaOfWay(long way)
    {
        int area = Graph.EdgeGreenArea[Assert.Single(Graph.EdgesOfWay(way))];
        return area == GreenArea.None ? null : (Graph.Name(Graph.GreenAreas[area].NameId), Graph.GreenAreas[area].Kind);
    }

    [Theory]
    [InlineData(100, "Schlossgarten", GreenAreaKind.Park)]
    [InlineData(104, "Rosengarten", GreenAreaKind.Garden)] // in the garden, which lies in the park: the smaller wins
    [InlineData(101, "", GreenAreaKind.Wood)] // in a multipolygon whose outer ring is two ways
    public void A_path_lies_in_the_area_its_middle_lies_in(long way, string name, GreenAreaKind kind) =>
        Assert.Equal((name, kind), AreaOfWay(way));

    [Theory]
    [InlineData(102)] // in the wood's hole
    [InlineData(103)] // on grass, which is no park
    [InlineData(105)] // ends in the park, its middle outside
    public void A_path_outside_every_area_lies_in_none(long way) =>
        Assert.Null(AreaOfWay(way));

    [Fact]
    public void Only_areas_some_path_lies_in_are_kept()
    {
        Assert.Equal(3, Graph.GreenAreas.Length);
    }
}
