using System.IO.Hashing;
using System.Text;

namespace Routing.BaseMap;

/// <summary>The base map file cannot be used; the message names it and says what to do.</summary>
public sealed class BaseMapFileException : Exception
{
    public BaseMapFileException(string message) : base(message)
    {
    }

    public BaseMapFileException(string message, Exception inner) : base(message, inner)
    {
    }
}

/// <summary>
/// The base map's file, cached beside the graph: magic, format version, the identity of the extract it was drawn
/// from (length and XxHash3), the payload's length and XxHash3, then the payload (a string table, the features,
/// the places). The reader checks all of it: a file of another kind, another version, a truncated or damaged one,
/// or one drawn from another extract is refused with what to do, never half read.
/// </summary>
internal static class BaseMapFile
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "RTBASEMP"u8.ToArray();
    private const int HeaderBytes = 8 + 4 + 8 + 8 + 8 + 8;

    /// <summary>The extract's identity: its length and the XxHash3 of its bytes (a few milliseconds for a city).</summary>
    public static (long Length, ulong Hash) SourceIdentity(string osmPath)
    {
        var hash = new XxHash3();
        using var stream = File.OpenRead(osmPath);
        hash.Append(stream);
        return (stream.Length, hash.GetCurrentHashAsUInt64());
    }

    /// <summary>
    /// Writes to a temporary file of its own beside the target, then renames: a crash never leaves half a file, and
    /// replicas starting together each write a whole one (the same bytes) and the last rename wins.
    /// </summary>
    public static void Write(BaseMapData data, (long Length, ulong Hash) source, string path)
    {
        byte[] payload = Payload(data);
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(source.Length);
            writer.Write(source.Hash);
            writer.Write((long)payload.Length);
            writer.Write(XxHash3.HashToUInt64(payload));
            writer.Write(payload);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <param name="source">The extract's identity, or null when the extract is not there to compare with.</param>
    /// <exception cref="BaseMapFileException">The file is not a base map of this version, is damaged, or was drawn from another extract.</exception>
    public static BaseMapData Read(string path, (long Length, ulong Hash)? source, string osmPath)
    {
        byte[] bytes = File.ReadAllBytes(path);
        string remedy = $"Delete it to have it drawn again from {osmPath} on the next start.";
        if (bytes.Length < HeaderBytes || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new BaseMapFileException($"The base map file {path} is not a base map file (no RTBASEMP header). {remedy}");
        }
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        reader.ReadBytes(Magic.Length);
        int version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new BaseMapFileException($"The base map file {path} has format version {version}; this service reads version {FormatVersion}. {remedy}");
        }
        long sourceLength = reader.ReadInt64();
        ulong sourceHash = reader.ReadUInt64();
        long payloadLength = reader.ReadInt64();
        ulong payloadHash = reader.ReadUInt64();
        if (payloadLength != bytes.Length - HeaderBytes)
        {
            throw new BaseMapFileException($"The base map file {path} is truncated or padded: {bytes.Length - HeaderBytes} bytes of payload, its header says {payloadLength}. {remedy}");
        }
        var payload = bytes.AsSpan(HeaderBytes);
        if (XxHash3.HashToUInt64(payload) != payloadHash)
        {
            throw new BaseMapFileException($"The base map file {path} is damaged: its checksum does not match. {remedy}");
        }
        if (source is { } extract && (sourceLength != extract.Length || sourceHash != extract.Hash))
        {
            throw new BaseMapFileException(
                $"The base map file {path} was drawn from another extract ({sourceLength} bytes), not from {osmPath} ({extract.Length} bytes). {remedy}");
        }
        return ReadPayload(reader);
    }

    private static byte[] Payload(BaseMapData data)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal) { [""] = 0 };
        int Id(string? text) => text is null ? -1 : strings.TryGetValue(text, out int id) ? id : strings[text] = strings.Count;
        foreach (var feature in data.Features)
        {
            Id(feature.Class);
            Id(feature.Name);
        }
        foreach (var place in data.Places)
        {
            Id(place.Name);
            Id(place.Kind);
            Id(place.Wheelchair);
            Id(place.District);
            foreach (string alt in place.AltNames)
            {
                Id(alt);
            }
        }
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(strings.Count);
        foreach (string text in strings.OrderBy(s => s.Value).Select(s => s.Key))
        {
            writer.Write(text);
        }
        writer.Write(data.Features.Count);
        foreach (var feature in data.Features)
        {
            writer.Write((byte)feature.Layer);
            writer.Write(Id(feature.Class));
            writer.Write(Id(feature.Name));
            writer.Write(feature.MinZoom);
            writer.Write(feature.Parts.Length);
            foreach (int[] part in feature.Parts)
            {
                // Deltas from the previous coordinate: small numbers, so 7-bit encoding keeps the file a third of its raw size.
                writer.Write7BitEncodedInt(part.Length);
                int lon = 0, lat = 0;
                for (int i = 0; i < part.Length; i += 2)
                {
                    writer.Write7BitEncodedInt(ZigZag(part[i] - lon));
                    writer.Write7BitEncodedInt(ZigZag(part[i + 1] - lat));
                    (lon, lat) = (part[i], part[i + 1]);
                }
            }
        }
        writer.Write(data.Places.Count);
        foreach (var place in data.Places)
        {
            writer.Write(Id(place.Name));
            writer.Write(Id(place.Kind));
            writer.Write(place.LatE7);
            writer.Write(place.LonE7);
            writer.Write(Id(place.Wheelchair));
            writer.Write(place.Importance);
            writer.Write(Id(place.District));
            writer.Write(place.OsmId);
            writer.Write(place.AltNames.Count);
            foreach (string alt in place.AltNames)
            {
                writer.Write(Id(alt));
            }
        }
        writer.Flush();
        return stream.ToArray();
    }

    private static BaseMapData ReadPayload(BinaryReader reader)
    {
        var strings = new string[reader.ReadInt32()];
        for (int i = 0; i < strings.Length; i++)
        {
            strings[i] = reader.ReadString();
        }
        string? Text(int id) => id < 0 ? null : strings[id];
        var features = new BaseFeature[reader.ReadInt32()];
        for (int f = 0; f < features.Length; f++)
        {
            var layer = (BaseLayer)reader.ReadByte();
            string kind = Text(reader.ReadInt32())!;
            string? name = Text(reader.ReadInt32());
            byte minZoom = reader.ReadByte();
            var parts = new int[reader.ReadInt32()][];
            for (int p = 0; p < parts.Length; p++)
            {
                var part = parts[p] = new int[reader.Read7BitEncodedInt()];
                int lon = 0, lat = 0;
                for (int i = 0; i < part.Length; i += 2)
                {
                    part[i] = lon += UnZigZag(reader.Read7BitEncodedInt());
                    part[i + 1] = lat += UnZigZag(reader.Read7BitEncodedInt());
                }
            }
            features[f] = new BaseFeature(layer, kind, name, minZoom, parts);
        }
        var places = new BasePlace[reader.ReadInt32()];
        for (int p = 0; p < places.Length; p++)
        {
            string name = Text(reader.ReadInt32())!, kind = Text(reader.ReadInt32())!;
            int lat = reader.ReadInt32(), lon = reader.ReadInt32();
            string wheelchair = Text(reader.ReadInt32())!;
            int importance = reader.ReadInt32();
            string? district = Text(reader.ReadInt32());
            string osmId = reader.ReadString();
            var alt = new string[reader.ReadInt32()];
            for (int a = 0; a < alt.Length; a++)
            {
                alt[a] = Text(reader.ReadInt32())!;
            }
            places[p] = new BasePlace(name, alt, kind, lat, lon, wheelchair, importance, district, osmId);
        }
        return new BaseMapData(features, places);
    }

    private static int ZigZag(int value) => (value << 1) ^ (value >> 31);

    private static int UnZigZag(int value) => (int)((uint)value >> 1) ^ -(value & 1);
}
