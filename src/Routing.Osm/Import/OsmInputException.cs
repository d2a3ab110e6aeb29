namespace Routing.Osm.Import;

/// <summary>The OSM input cannot be used; the message says what is wrong and what to do.</summary>
public sealed class OsmInputException : Exception
{
    public OsmInputException(string message) : base(message)
    {
    }

    public OsmInputException(string message, Exception inner) : base(message, inner)
    {
    }
}
