using System.Text;
using OsmSharp;
using OsmSharp.Streams;

namespace Routing.Osm.Import;

/// <summary>
/// Recognises an OSM extract's format by content, not by file name: a PBF file starts with a blob header of type
/// "OSMHeader", an XML file with an &lt;osm&gt; element. Streams XML extracts as OSM objects. Any read failure
/// becomes an <see cref="OsmInputException"/> that names the file.
/// </summary>
internal static class OsmSource
{
    private const int SniffBytes = 256;

    public static OsmFormat FormatOf(string path)
    {
        if (!File.Exists(path))
        {
            throw new OsmInputException($"{path}: file not found. Give the path of an OpenStreetMap extract (.osm.pbf or .osm).");
        }
        using var stream = File.OpenRead(path);
        return Sniff(stream, path);
    }

    public static IEnumerable<OsmGeo> ReadXml(string path)
    {
        using var stream = File.OpenRead(path);
        using var enumerator = new XmlOsmStreamSource(stream).GetEnumerator();
        while (true)
        {
            OsmGeo current;
            try
            {
                if (!enumerator.MoveNext())
                {
                    break;
                }
                current = enumerator.Current;
            }
            catch (Exception ex) when (ex is not OsmInputException)
            {
                throw new OsmInputException(
                    $"{path}: the OSM data is truncated or corrupt ({ex.GetType().Name}: {ex.Message}). Download the extract again.", ex);
            }
            // OsmSharp's XML reader yields null for an element it cannot make sense of (a damaged <node>, found by the
            // reliability suite's fuzzing); it carries nothing to import.
            if (current is not null)
            {
                yield return current;
            }
        }
    }

    public enum OsmFormat
    {
        Pbf,
        Xml,
    }

    private static OsmFormat Sniff(Stream stream, string path)
    {
        var head = new byte[SniffBytes];
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read == 0)
        {
            throw new OsmInputException($"{path}: the file is empty. Give an OpenStreetMap extract (.osm.pbf or .osm).");
        }
        var span = head.AsSpan(0, read);
        if (span.IndexOf("OSMHeader"u8) >= 0)
        {
            return OsmFormat.Pbf;
        }
        string text = Encoding.UTF8.GetString(span).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('<') && text.Contains("<osm", StringComparison.Ordinal))
        {
            return OsmFormat.Xml;
        }
        throw new OsmInputException(
            $"{path}: not an OpenStreetMap file (neither an OSM PBF blob header nor an <osm> XML element at its start). Give an .osm.pbf or .osm extract.");
    }
}
