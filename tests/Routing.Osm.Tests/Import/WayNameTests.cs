using Routing.Osm.Import;
using Routing.Osm.Tests.Tags;

namespace Routing.Osm.Tests.Import;

public sealed class WayNameTests
{
    [Theory]
    [InlineData("highway=residential;name=Plöck", "Plöck")]
    [InlineData("highway=primary;name=Kurfürsten-Anlage;ref=B 37", "Kurfürsten-Anlage")]
    [InlineData("highway=primary;ref=B 37", "B 37")]
    [InlineData("highway=primary;name=;ref=B 37", "B 37")]
    [InlineData("highway=footway", null)]
    public void Name_is_the_name_tag_else_the_ref_tag(string tags, string? expected)
    {
        Assert.Equal(expected, OsmImporter.NameOf(TagString.Parse(tags)));
    }
}
