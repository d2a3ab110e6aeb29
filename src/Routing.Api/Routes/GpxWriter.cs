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

    public static string Write(Route route, string profileName)
    {
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
            xml.WriteAttributeString("minlat", Number(route.Bbox.MinLat));
            xml.WriteAttributeString("minlon", Number(route.Bbox.MinLon));
            xml.WriteAttributeString("maxlat", Number(route.Bbox.MaxLat));
            xml.WriteAttributeString("maxlon", Number(route.Bbox.MaxLon));
            xml.WriteEndElement();
            xml.WriteEndElement();

            foreach (var instruction in route.Instructions)
            {
                xml.WriteStartElement("wpt", Namespace);
                xml.WriteAttributeString("lat", Number(instruction.Location.Lat));
                xml.WriteAttributeString("lon", Number(instruction.Location.Lon));
                xml.WriteElementString("name", Namespace, instruction.Text);
                xml.WriteElementString("desc", Namespace, Invariant($"{instruction.Text} ({RouteMapper.Metres(instruction.DistanceM)} m)"));
                xml.WriteElementString("type", Namespace, instruction.Type);
                xml.WriteEndElement();
            }

            xml.WriteStartElement("trk", Namespace);
            xml.WriteElementString("name", Namespace, $"Route for profile {profileName}");
            xml.WriteStartElement("trkseg", Namespace);
            for (int i = 0; i < route.Geometry.Count; i++)
            {
                xml.WriteStartElement("trkpt", Namespace);
                xml.WriteAttributeString("lat", Number(route.Geometry[i].Lat));
                xml.WriteAttributeString("lon", Number(route.Geometry[i].Lon));
                if (route.Elevation is { } elevation)
                {
                    xml.WriteElementString("ele", Namespace, RouteMapper.Metres(elevation.ElevationsM[i]).ToString("0.#", CultureInfo.InvariantCulture));
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Number(double degrees) => RouteMapper.Degrees(degrees).ToString("0.#######", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
