using Routing.Osm.Import;
using Routing.TestSupport;

namespace Routing.Osm.Tests.Import;

/// <summary>What the reliability suite's fuzzing found in OSM XML, kept as plain cases.</summary>
public sealed class DamagedXmlTests
{
    /// <summary>OsmSharp reads a tag without a value as a null value (one without a key it refuses as bad XML).</summary>
    [Theory]
    [InlineData("<tag k=\"width\"/>")]
    [InlineData("<tag k=\"width\"/><tag k=\"surface\"/>")]
    public void A_tag_without_its_value_is_left_out_and_the_way_imported(string damagedTag)
    {
        using var directory = new TempDirectory();
        string path = directory.File("damaged.osm");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6">
              <node id="1" lat="49.41" lon="8.69"/>
              <node id="2" lat="49.411" lon="8.69"/>
              <way id="10">
                <nd ref="1"/>
                <nd ref="2"/>
                <tag k="highway" v="footway"/>
                {damagedTag}
              </way>
            </osm>
            """);

        var graph = OsmImporter.Import(path).Graph;

        Assert.Equal(1, graph.EdgeCount);
        Assert.Equal(10L, graph.EdgeOsmWayId[0]);
    }
}
