using Routing.Graph;
using Routing.Osm.Tags;

namespace Routing.Osm.Tests.Tags;

/// <summary>Which areas a path can be said to run through: parks, gardens, cemeteries and woods, and nothing that only looks green on a map.</summary>
public class GreenAreaTagRulesTests
{
    [Theory]
    [InlineData("leisure=park;name=Schlossgarten", GreenAreaKind.Park)]
    [InlineData("leisure=park", GreenAreaKind.Park)]
    [InlineData("leisure=garden;name=Botanischer Garten", GreenAreaKind.Garden)]
    [InlineData("leisure=garden;garden:type=botanical", GreenAreaKind.Garden)]
    [InlineData("landuse=cemetery", GreenAreaKind.Cemetery)]
    [InlineData("amenity=grave_yard;religion=christian", GreenAreaKind.Cemetery)]
    [InlineData("natural=wood", GreenAreaKind.Wood)]
    [InlineData("landuse=forest;leaf_type=broadleaved", GreenAreaKind.Wood)]
    public void Parks_gardens_cemeteries_and_woods_count(string tags, GreenAreaKind kind) =>
        Assert.Equal(kind, GreenAreaTagRules.Classify(TagString.Parse(tags)));

    [Theory]
    [InlineData("landuse=grass")] // verges and roundabout islands
    [InlineData("leisure=recreation_ground")]
    [InlineData("landuse=village_green")]
    [InlineData("landuse=meadow")]
    [InlineData("landuse=allotments")]
    [InlineData("leisure=golf_course")]
    [InlineData("leisure=nature_reserve")]
    [InlineData("place=square;name=Marktplatz")]
    [InlineData("leisure=garden;garden:type=residential")]
    [InlineData("leisure=park;area=no")]
    [InlineData("highway=footway;name=Schlossgarten")]
    public void Other_areas_do_not(string tags) =>
        Assert.Null(GreenAreaTagRules.Classify(TagString.Parse(tags)));

    [Theory]
    [InlineData("type=multipolygon;landuse=forest", GreenAreaKind.Wood)]
    [InlineData("type=multipolygon;leisure=park;name=Neckarwiese", GreenAreaKind.Park)]
    [InlineData("type=boundary;leisure=park", null)]
    [InlineData("type=route;landuse=forest", null)]
    public void Only_multipolygon_relations_are_areas(string tags, GreenAreaKind? kind) =>
        Assert.Equal(kind, GreenAreaTagRules.ClassifyRelation(TagString.Parse(tags)));
}
