using System.Globalization;
using System.Text;
using System.Xml;

namespace Routing.Ors;

/// <summary>
/// The <c>/gpx</c> answer: GPX 1.1 with the route as <c>rte/rtept</c> (ORS writes routes, not tracks), heights as
/// <c>ele</c> when elevation was asked, and each step's instruction as the name of the point where it starts.
/// </summary>
internal static class OrsGpx
{
    public const string ContentType = "application/gpx+xml";
    private const string Namespace = "http://www.topografix.com/GPX/1/1";

    public static string Write(OrsRouteParts route, string orsProfile)
    {
        var names = new Dictionary<int, string>();
        foreach (var step in route.Segments?.SelectMany(s => s.Steps) ?? [])
        {
            names.TryAdd(step.WayPoints[0], step.Instruction);
        }
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement("gpx", Namespace);
            xml.WriteAttributeString("version", "1.1");
            xml.WriteAttributeString("creator", "accessible routing (openrouteservice-compatible API)");
            xml.WriteStartElement("metadata", Namespace);
            xml.WriteElementString("name", Namespace, $"{orsProfile} route");
            xml.WriteEndElement();
            xml.WriteStartElement("rte", Namespace);
            for (int i = 0; i < route.Positions.Count; i++)
            {
                var p = route.Positions[i];
                xml.WriteStartElement("rtept", Namespace);
                xml.WriteAttributeString("lat", p[1].ToString("0.######", CultureInfo.InvariantCulture));
                xml.WriteAttributeString("lon", p[0].ToString("0.######", CultureInfo.InvariantCulture));
                if (route.WithElevation)
                {
                    xml.WriteElementString("ele", Namespace, p[2].ToString("0.#", CultureInfo.InvariantCulture));
                }
                if (names.TryGetValue(i, out string? name))
                {
                    xml.WriteElementString("name", Namespace, name);
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
