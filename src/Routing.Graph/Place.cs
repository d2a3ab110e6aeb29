using System.Runtime.InteropServices;
using Routing.Graph.Facts;

namespace Routing.Graph;

/// <summary>What kind of named place a <see cref="Place"/> is: what people search for to start or end a route.</summary>
public enum PlaceKind : byte
{
    Other = 0,
    /// <summary>A bus or tram stop, a station or a platform (<c>public_transport</c>, <c>highway=bus_stop</c>, <c>railway=*</c>).</summary>
    PublicTransport,
    /// <summary><c>amenity=toilets</c>.</summary>
    Toilets,
    /// <summary>Town hall, library, school, post office, police, courthouse ... (<c>amenity=*</c> and <c>office=government</c>).</summary>
    PublicBuilding,
    /// <summary><c>shop=*</c>.</summary>
    Shop,
    /// <summary>Doctors, pharmacies, hospitals (<c>amenity=*</c> or <c>healthcare=*</c>).</summary>
    Healthcare,
    /// <summary>Cafés, restaurants, banks and other amenities.</summary>
    Amenity,
    /// <summary>Museums, sights, hotels (<c>tourism=*</c>).</summary>
    Tourism,
}

/// <summary>
/// A named point of interest from the extract (file section <c>PLCS</c>): where it is, what it is called (an index
/// into the graph's name table, shared with street names), what kind it is and what OSM says about wheelchair access.
/// The layout is fixed; change it only together with <see cref="Format.GraphFormat.Version"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public record struct Place
{
    public long OsmNodeId;
    public int LatE7;
    public int LonE7;
    /// <summary>Index into the name table; 0 (no name) only for places found by their kind (unnamed toilets).</summary>
    public int NameId;
    public PlaceKind Kind;
    public WheelchairTag Wheelchair;
}
