using System.Globalization;
using System.Text;
using System.Xml;
using Routing.Engine.Routes;
using Route = Routing.Engine.Routes.Route;

namespace Routing.Api.Routes;

/// <summary>
/// <c>format=gpx</c>: GPX 1.1 for navigation apps. The route is one track (<c>trk/trkseg/trkpt</c>); every
/// instruction is a waypoint (<c>wpt</c>) with the instruction text as <c>name</c> and <c>desc</c> and its machine
/// name as <c>type</c>, in the order of the route.
/// </summary>
internal static class GpxWriter
{
    public const string Namespace = "http://www.topografix.com/GPX/1/1";
    public const string ContentType = "application/gpx+xml";

    /// <param name="detail">What the client asked for (the full answer by default): instructions become waypoints, heights <c>ele</c>.</param>
    public static string Write(Route route, string profileName, RouteDetail? detail = null)
    {
        detail ??= RouteDetail.Full;
        var line = RouteLine.Of(route, detail);
        // Numbers are formatted into one buffer and written as characters: no string per coordinate.
        char[] number = new char[32];
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("gpx", Namespace);
            xml.WriteAttributeString("version", "1.1");
            xml.WriteAttributeString("creator", "Routing.Api (accessible routing, OpenStreetMap data)");

            xml.WriteStartElement("metadata", Namespace);
            xml.WriteElementString("name", Namespace, $"Route for profile {profileName}");
            xml.WriteElementString("desc", Namespace, Invariant($"{RouteMapper.Metres(route.DistanceM)} m, {RouteMapper.Seconds(route.DurationS)} s"));
            xml.WriteStartElement("bounds", Namespace);
            Degrees(xml, "minlat", route.Bbox.MinLat, number);
            Degrees(xml, "minlon", route.Bbox.MinLon, number);
            Degrees(xml, "maxlat", route.Bbox.MaxLat, number);
            Degrees(xml, "maxlon", route.Bbox.MaxLon, number);
            xml.WriteEndElement();
            xml.WriteEndElement();

            if (detail.Instructions)
            {
                foreach (var instruction in route.Instructions)
                {
                    xml.WriteStartElement("wpt", Namespace);
                    Degrees(xml, "lat", instruction.Location.Lat, number);
                    Degrees(xml, "lon", instruction.Location.Lon, number);
                    xml.WriteElementString("name", Namespace, instruction.Text);
                    xml.WriteElementString("desc", Namespace, Invariant($"{instruction.Text} ({RouteMapper.Metres(instruction.DistanceM)} m)"));
                    xml.WriteElementString("type", Namespace, instruction.Type);
                    xml.WriteEndElement();
                }
            }

            xml.WriteStartElement("trk", Namespace);
            xml.WriteElementString("name", Namespace, $"Route for profile {profileName}");
            xml.WriteStartElement("trkseg", Namespace);
            for (int i = 0; i < line.Count; i++)
            {
                var point = line.Point(i);
                xml.WriteStartElement("trkpt", Namespace);
                Degrees(xml, "lat", point.Lat, number);
                Degrees(xml, "lon", point.Lon, number);
                if (line.HasElevation)
                {
                    xml.WriteStartElement("ele", Namespace);
                    Chars(xml, RouteMapper.Metres(line.ElevationM(i)), "0.#", number);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>A coordinate attribute to 7 decimals, without trailing zeros.</summary>
    private static void Degrees(XmlWriter xml, string attribute, double degrees, char[] buffer)
    {
        xml.WriteStartAttribute(attribute);
        Chars(xml, RouteMapper.Degrees(degrees), "0.#######", buffer);
        xml.WriteEndAttribute();
    }

    private static void Chars(XmlWriter xml, double value, string format, char[] buffer)
    {
        value.TryFormat(buffer, out int written, format, CultureInfo.InvariantCulture);
        xml.WriteChars(buffer, 0, written);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
