using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Osm.Tags;
using Routing.TestSupport;

namespace Routing.Osm.Tests.Tags;

/// <summary>Which named nodes become searchable places, and their wheelchair tag.</summary>
public class PlaceTagRulesTests
{
    [Theory]
    [InlineData("name=Bismarckplatz;highway=bus_stop", PlaceKind.PublicTransport)]
    [InlineData("name=Bismarckplatz;public_transport=platform;tram=yes", PlaceKind.PublicTransport)]
    [InlineData("name=Heidelberg Hbf;railway=station", PlaceKind.PublicTransport)]
    [InlineData("name=WC Marktplatz;amenity=toilets", PlaceKind.Toilets)]
    [InlineData("name=Rathaus;amenity=townhall", PlaceKind.PublicBuilding)]
    [InlineData("name=Stadtbücherei;amenity=library", PlaceKind.PublicBuilding)]
    [InlineData("name=Bürgeramt;office=government", PlaceKind.PublicBuilding)]
    [InlineData("name=Löwen-Apotheke;amenity=pharmacy", PlaceKind.Healthcare)]
    [InlineData("name=Praxis Dr. Weber;healthcare=doctor", PlaceKind.Healthcare)]
    [InlineData("name=Bäckerei;shop=bakery", PlaceKind.Shop)]
    [InlineData("name=Café Rossi;amenity=cafe", PlaceKind.Amenity)]
    [InlineData("name=Kurpfälzisches Museum;tourism=museum", PlaceKind.Tourism)]
    [InlineData("amenity=toilets;wheelchair=yes", PlaceKind.Toilets)]
    public void Named_points_of_interest_and_all_toilets_are_places(string tags, PlaceKind kind) =>
        Assert.Equal(kind, PlaceTagRules.Classify(TagString.Parse(tags)));

    [Theory]
    [InlineData("highway=bus_stop")]
    [InlineData("amenity=cafe")]
    [InlineData("name=Heiliggeistkirche Turm;natural=peak")]
    [InlineData("name=Ampel;highway=traffic_signals")]
    public void Unnamed_or_other_nodes_are_not(string tags) =>
        Assert.Null(PlaceTagRules.Classify(TagString.Parse(tags)));

    [Theory]
    [InlineData("wheelchair=yes", WheelchairTag.Yes)]
    [InlineData("wheelchair=limited", WheelchairTag.Limited)]
    [InlineData("wheelchair=no", WheelchairTag.No)]
    [InlineData("wheelchair=designated", WheelchairTag.Designated)]
    [InlineData("", WheelchairTag.Unknown)]
    [InlineData("wheelchair=maybe", WheelchairTag.Unknown)]
    public void The_wheelchair_tag_is_read_as_tagged(string tags, WheelchairTag expected) =>
        Assert.Equal(expected, PlaceTagRules.WheelchairOf(TagString.Parse(tags)));

    [Fact]
    public void Heidelberg_keeps_its_stops_with_their_names_and_wheelchair_tags()
    {
        // The bundled extract keeps few points of interest besides stops (44 amenities, 7 shops, no toilets).
        var graph = Heidelberg.Imported;
        var places = graph.Places.ToArray();

        Assert.True(places.Length > 700, $"only {places.Length} places");
        var bismarckplatz = places.Where(p => graph.Name(p.NameId) == "Bismarckplatz" && p.Kind == PlaceKind.PublicTransport).ToList();
        Assert.NotEmpty(bismarckplatz);
        Assert.Contains(bismarckplatz, p => p.Wheelchair == WheelchairTag.Limited);
        Assert.Contains(places, p => p.Kind == PlaceKind.PublicBuilding);
        Assert.Contains(places, p => p.Kind == PlaceKind.Shop);
    }
}
