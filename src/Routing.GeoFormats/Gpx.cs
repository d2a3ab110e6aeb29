using System.Text;
using System.Xml;
using NetTopologySuite.IO;

namespace Routing.GeoFormats;

/// <summary>
/// The one GPX 1.1 writer: NetTopologySuite.IO.GPX, indented, UTF-8 without a byte order mark. Each door says what
/// goes in (a track or a route, waypoints, metadata) and this writes it.
/// </summary>
public static class Gpx
{
    public const string ContentType = "application/gpx+xml";

    public static string Write(GpxMetadata metadata, IEnumerable<GpxWaypoint>? waypoints = null, IEnumerable<GpxRoute>? routes = null, IEnumerable<GpxTrack>? tracks = null)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            GpxWriter.Write(xml, null, metadata, waypoints, routes, tracks, null);
        }
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
