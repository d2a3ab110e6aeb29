using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using Tags = Routing.Graph.Format.GraphFormat.SectionTags;

namespace Routing.Graph.Format;

/// <summary>Reads a <see cref="RoutingGraph"/> written by <see cref="GraphFileWriter"/>.</summary>
public static class GraphFileReader
{
    /// <summary>
    /// Reads and checks the whole file (magic, version, header, section table, every checksum, then the graph's own
    /// consistency) and copies each section once into a managed array.
    /// </summary>
    /// <exception cref="GraphFileException">Anything is wrong with the file, including that it does not exist.</exception>
    public static RoutingGraph Read(string path)
    {
        GraphFormat.EnsureLittleEndian();
        ArgumentException.ThrowIfNullOrEmpty(path);

        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var file = SectionReader.Open(path, handle);
            var arrays = new GraphArrays
            {
                VertexLatE7 = file.Read<int>(Tags.VertexLatE7),
                VertexLonE7 = file.Read<int>(Tags.VertexLonE7),
                VertexOsmNodeId = file.Read<long>(Tags.VertexOsmNodeId),
                VertexNodeClass = file.Read<int>(Tags.VertexNodeClass),
                VertexComponent = file.Read<int>(Tags.VertexComponent),
                ComponentSize = file.Read<int>(Tags.ComponentSize),
                FirstArc = file.Read<int>(Tags.FirstArc),
                Arcs = file.Read<int>(Tags.Arcs),
                EdgeFrom = file.Read<int>(Tags.EdgeFrom),
                EdgeTo = file.Read<int>(Tags.EdgeTo),
                EdgeLengthCm = file.Read<int>(Tags.EdgeLengthCm),
                EdgeClass = file.Read<int>(Tags.EdgeClass),
                EdgeOsmWayId = file.Read<long>(Tags.EdgeOsmWayId),
                EdgeNameId = file.Read<int>(Tags.EdgeNameId),
                EdgeFirstShapePoint = file.Read<int>(Tags.EdgeFirstShapePoint),
                ShapeLatE7 = file.Read<int>(Tags.ShapeLatE7),
                ShapeLonE7 = file.Read<int>(Tags.ShapeLonE7),
                VertexElevationM = file.Read<float>(Tags.VertexElevationM),
                ShapeElevationM = file.Read<float>(Tags.ShapeElevationM),
                EdgeClasses = file.Read<EdgeClass>(Tags.EdgeClasses),
                NodeClasses = file.Read<NodeClass>(Tags.NodeClasses),
                NameOffsets = file.Read<int>(Tags.NameOffsets),
                NameBytes = file.Read<byte>(Tags.NameBytes),
                Places = file.Read<Place>(Tags.Places),
                VertexLevels = file.Read<ElementLevel>(Tags.VertexLevels),
                EdgeLevels = file.Read<ElementLevel>(Tags.EdgeLevels),
                GreenAreas = file.Read<GreenArea>(Tags.GreenAreas),
                EdgeGreenArea = file.Read<int>(Tags.EdgeGreenArea),
            };
            GraphMetadata metadata = ReadMetadata(file);
            file.EnsureEverySectionRead();
            return new RoutingGraph(arrays, metadata);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new GraphFileException(path, null, $"Graph file {path} not found.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GraphFileException(path, null, $"Graph file {path} could not be read: {ex.Message}", ex);
        }
        catch (GraphValidationException ex)
        {
            string tag = TagOfArray(ex.Array);
            throw new GraphFileException(path, tag, $"{path}: section {tag}: the graph is inconsistent: {ex.Message}", ex);
        }
    }

    private static GraphMetadata ReadMetadata(SectionReader file)
    {
        byte[] json = file.Read<byte>(Tags.Metadata);
        try
        {
            return JsonSerializer.Deserialize(json, GraphMetadataJsonContext.Default.GraphMetadata)
                ?? throw file.Fail(Tags.Metadata, "expected a JSON object with the graph metadata, found null");
        }
        catch (JsonException ex)
        {
            throw file.Fail(Tags.Metadata, $"expected a JSON object with the graph metadata: {ex.Message}", ex);
        }
    }

    private static string TagOfArray(string array) => array switch
    {
        nameof(GraphArrays.VertexLatE7) => Tags.VertexLatE7,
        nameof(GraphArrays.VertexLonE7) => Tags.VertexLonE7,
        nameof(GraphArrays.VertexOsmNodeId) => Tags.VertexOsmNodeId,
        nameof(GraphArrays.VertexNodeClass) => Tags.VertexNodeClass,
        nameof(GraphArrays.VertexComponent) => Tags.VertexComponent,
        nameof(GraphArrays.ComponentSize) => Tags.ComponentSize,
        nameof(GraphArrays.FirstArc) => Tags.FirstArc,
        nameof(GraphArrays.Arcs) => Tags.Arcs,
        nameof(GraphArrays.EdgeFrom) => Tags.EdgeFrom,
        nameof(GraphArrays.EdgeTo) => Tags.EdgeTo,
        nameof(GraphArrays.EdgeLengthCm) => Tags.EdgeLengthCm,
        nameof(GraphArrays.EdgeClass) => Tags.EdgeClass,
        nameof(GraphArrays.EdgeOsmWayId) => Tags.EdgeOsmWayId,
        nameof(GraphArrays.EdgeNameId) => Tags.EdgeNameId,
        nameof(GraphArrays.EdgeFirstShapePoint) => Tags.EdgeFirstShapePoint,
        nameof(GraphArrays.ShapeLatE7) => Tags.ShapeLatE7,
        nameof(GraphArrays.ShapeLonE7) => Tags.ShapeLonE7,
        nameof(GraphArrays.EdgeClasses) => Tags.EdgeClasses,
        nameof(GraphArrays.NodeClasses) => Tags.NodeClasses,
        nameof(GraphArrays.NameOffsets) => Tags.NameOffsets,
        nameof(GraphArrays.NameBytes) => Tags.NameBytes,
        nameof(GraphArrays.Places) => Tags.Places,
        nameof(GraphArrays.VertexLevels) => Tags.VertexLevels,
        nameof(GraphArrays.EdgeLevels) => Tags.EdgeLevels,
        nameof(GraphArrays.GreenAreas) => Tags.GreenAreas,
        nameof(GraphArrays.EdgeGreenArea) => Tags.EdgeGreenArea,
        _ => array,
    };

    /// <summary>
    /// An open graph file whose header and section table have been checked: every section lies inside the file at
    /// its canonical, aligned place, with only zeros between sections. Sections are then read one by one by type.
    /// </summary>
    private sealed class SectionReader
    {
        private readonly string _path;
        private readonly SafeFileHandle _handle;
        private readonly Dictionary<string, SectionTableEntry> _unread;

        private SectionReader(string path, SafeFileHandle handle, Dictionary<string, SectionTableEntry> sections)
        {
            _path = path;
            _handle = handle;
            _unread = sections;
        }

        public static SectionReader Open(string path, SafeFileHandle handle)
        {
            var reader = new SectionReader(path, handle, []);
            reader.ReadSectionTable();
            return reader;
        }

        /// <summary>Copies a section into a new array after checking its element size and checksum.</summary>
        public T[] Read<T>(string tag)
            where T : unmanaged
        {
            if (!_unread.Remove(tag, out SectionTableEntry entry))
            {
                throw Fail(tag, "the section is missing from the section table");
            }
            int elementSizeBytes = Unsafe.SizeOf<T>();
            if (entry.ElementSizeBytes != elementSizeBytes)
            {
                throw Fail(tag, $"expected elements of {elementSizeBytes} bytes, found {entry.ElementSizeBytes}");
            }

            var array = new T[entry.ElementCount];
            var hash = new XxHash3();
            int elementsPerChunk = GraphFormat.MaxChunkBytes / elementSizeBytes;
            long offsetBytes = (long)entry.OffsetBytes;
            for (int start = 0; start < array.Length; start += elementsPerChunk)
            {
                Span<byte> bytes = MemoryMarshal.AsBytes(array.AsSpan(start, Math.Min(elementsPerChunk, array.Length - start)));
                ReadExactly(bytes, offsetBytes, tag);
                hash.Append(bytes);
                offsetBytes += bytes.Length;
            }

            ulong checksum = hash.GetCurrentHashAsUInt64();
            if (checksum != entry.Checksum)
            {
                throw Fail(tag, $"the content is corrupt: expected checksum 0x{entry.Checksum:X16}, found 0x{checksum:X16}");
            }
            return array;
        }

        public void EnsureEverySectionRead()
        {
            if (_unread.Count > 0)
            {
                throw Fail(_unread.Keys.First(), $"unexpected section: format version {GraphFormat.Version} defines no such section");
            }
        }

        public GraphFileException Fail(string? tag, string problem, Exception? inner = null) =>
            new(_path, tag, tag is null ? $"{_path}: {problem}" : $"{_path}: section {tag}: {problem}", inner);

        private void ReadSectionTable()
        {
            long fileLengthBytes = RandomAccess.GetLength(_handle);
            if (fileLengthBytes == 0)
            {
                throw Fail(null, $"the file is empty; expected a routing graph file starting with magic \"{Encoding.ASCII.GetString(GraphFormat.Magic)}\"");
            }

            Span<byte> header = stackalloc byte[GraphFormat.HeaderSizeBytes];
            int headerBytesRead = (int)Math.Min(fileLengthBytes, header.Length);
            ReadExactly(header[..headerBytesRead], 0, null);
            CheckMagicAndVersion(header[..headerBytesRead]);
            if (headerBytesRead < GraphFormat.HeaderSizeBytes)
            {
                throw Fail(null, $"the file is truncated: expected a header of {GraphFormat.HeaderSizeBytes} bytes, found a file of {fileLengthBytes} bytes");
            }

            uint byteOrderMarker = BinaryPrimitives.ReadUInt32LittleEndian(header[GraphFormat.ByteOrderMarkerOffset..]);
            if (byteOrderMarker != GraphFormat.ByteOrderMarker)
            {
                throw Fail(null, $"expected byte-order marker 0x{GraphFormat.ByteOrderMarker:X8}, found 0x{byteOrderMarker:X8} (not written little-endian)");
            }
            uint headerSizeBytes = BinaryPrimitives.ReadUInt32LittleEndian(header[GraphFormat.HeaderSizeOffset..]);
            if (headerSizeBytes != GraphFormat.HeaderSizeBytes)
            {
                throw Fail(null, $"expected a header size of {GraphFormat.HeaderSizeBytes} bytes, found {headerSizeBytes}");
            }
            uint sectionCount = BinaryPrimitives.ReadUInt32LittleEndian(header[GraphFormat.SectionCountOffset..]);
            if (sectionCount > GraphFormat.MaxSectionCount)
            {
                throw Fail(null, $"expected at most {GraphFormat.MaxSectionCount} sections, found a section count of {sectionCount}");
            }
            long tableEndBytes = GraphFormat.SectionTableEndBytes(sectionCount);
            if (tableEndBytes > fileLengthBytes)
            {
                throw Fail(null, $"the file is truncated: the section table of {sectionCount} entries ends at byte {tableEndBytes}, but the file has {fileLengthBytes} bytes");
            }

            var headerAndTable = new byte[tableEndBytes];
            header.CopyTo(headerAndTable);
            ReadExactly(headerAndTable.AsSpan(GraphFormat.HeaderSizeBytes), GraphFormat.HeaderSizeBytes, null);
            ulong storedChecksum = BinaryPrimitives.ReadUInt64LittleEndian(header[GraphFormat.HeaderChecksumOffset..]);
            ulong checksum = GraphFormat.HeaderChecksum(headerAndTable);
            if (checksum != storedChecksum)
            {
                throw Fail(null, $"the header or section table is corrupt: expected header checksum 0x{storedChecksum:X16}, found 0x{checksum:X16}");
            }

            uint flags = BinaryPrimitives.ReadUInt32LittleEndian(header[GraphFormat.FlagsOffset..]);
            if (flags != 0)
            {
                throw Fail(null, $"expected no flags (format version {GraphFormat.Version} defines none), found 0x{flags:X8}");
            }
            uint reserved = BinaryPrimitives.ReadUInt32LittleEndian(header[GraphFormat.ReservedOffset..]);
            if (reserved != 0)
            {
                throw Fail(null, $"expected the reserved header field to be 0, found 0x{reserved:X8}");
            }

            long previousEndBytes = tableEndBytes;
            for (int i = 0; i < sectionCount; i++)
            {
                var entry = SectionTableEntry.ReadFrom(headerAndTable.AsSpan(GraphFormat.HeaderSizeBytes + i * GraphFormat.SectionEntrySizeBytes));
                CheckPlacement(entry, previousEndBytes, fileLengthBytes);
                if (!_unread.TryAdd(entry.Tag, entry))
                {
                    throw Fail(entry.Tag, "expected each section once, found the tag twice in the section table");
                }
                previousEndBytes = (long)(entry.OffsetBytes + entry.LengthBytes);
            }
            if (previousEndBytes != fileLengthBytes)
            {
                throw Fail(null, $"expected the file to end with the last section at byte {previousEndBytes}, found {fileLengthBytes - previousEndBytes} more bytes");
            }
        }

        private void CheckMagicAndVersion(ReadOnlySpan<byte> header)
        {
            ReadOnlySpan<byte> magic = GraphFormat.Magic;
            ReadOnlySpan<byte> foundMagic = header[..Math.Min(header.Length, magic.Length)];
            if (!foundMagic.SequenceEqual(magic[..foundMagic.Length]))
            {
                throw new GraphFileException(_path, null,
                    $"{_path} is not a routing graph file (expected magic \"{Encoding.ASCII.GetString(magic)}\", hex {Convert.ToHexString(magic)}; found hex {Convert.ToHexString(foundMagic)})");
            }
            if (header.Length < GraphFormat.VersionOffset + sizeof(uint))
            {
                throw Fail(null, $"the file is truncated: expected a header of {GraphFormat.HeaderSizeBytes} bytes, found a file of {header.Length} bytes");
            }
            uint version = BinaryPrimitives.ReadUInt32LittleEndian(header[GraphFormat.VersionOffset..]);
            if (version != GraphFormat.Version)
            {
                throw new GraphFileException(_path, null,
                    $"{_path} has format version {version}; this program reads version {GraphFormat.Version}: rebuild the graph with Routing.Preprocess",
                    olderVersion: version < GraphFormat.Version);
            }
        }

        /// <summary>
        /// A section must start at the first 64-byte boundary after the previous one (so the layout is canonical),
        /// lie inside the file, hold exactly its elements, and be preceded only by zero padding.
        /// </summary>
        private void CheckPlacement(SectionTableEntry entry, long previousEndBytes, long fileLengthBytes)
        {
            if (entry.OffsetBytes % GraphFormat.SectionAlignmentBytes != 0)
            {
                throw Fail(entry.Tag, $"expected an offset aligned to {GraphFormat.SectionAlignmentBytes} bytes, found offset {entry.OffsetBytes}");
            }
            long expectedOffsetBytes = GraphFormat.AlignUp(previousEndBytes);
            if (entry.OffsetBytes != (ulong)expectedOffsetBytes)
            {
                throw Fail(entry.Tag, $"expected the section at offset {expectedOffsetBytes} (right after the previous one), found offset {entry.OffsetBytes}");
            }
            if (entry.ElementCount > (ulong)Array.MaxLength)
            {
                throw Fail(entry.Tag, $"expected at most {Array.MaxLength} elements, found {entry.ElementCount}");
            }
            ulong expectedLengthBytes = entry.ElementCount * entry.ElementSizeBytes;
            if (entry.LengthBytes != expectedLengthBytes)
            {
                throw Fail(entry.Tag, $"expected {expectedLengthBytes} bytes ({entry.ElementCount} elements of {entry.ElementSizeBytes} bytes), found a length of {entry.LengthBytes} bytes");
            }
            if (expectedOffsetBytes > fileLengthBytes || entry.LengthBytes > (ulong)(fileLengthBytes - expectedOffsetBytes))
            {
                throw Fail(entry.Tag, $"the file is truncated: the section ends at byte {entry.OffsetBytes + entry.LengthBytes}, but the file has {fileLengthBytes} bytes");
            }

            Span<byte> padding = stackalloc byte[GraphFormat.SectionAlignmentBytes];
            padding = padding[..(int)(expectedOffsetBytes - previousEndBytes)];
            ReadExactly(padding, previousEndBytes, entry.Tag);
            if (padding.ContainsAnyExcept((byte)0))
            {
                throw Fail(entry.Tag, $"expected zero padding in bytes {previousEndBytes} to {expectedOffsetBytes - 1} before the section, found other bytes");
            }
        }

        /// <summary>Lengths were checked against the file; running short here means the file shrank while being read.</summary>
        private void ReadExactly(Span<byte> buffer, long offsetBytes, string? tag)
        {
            while (!buffer.IsEmpty)
            {
                int read = RandomAccess.Read(_handle, buffer, offsetBytes);
                if (read == 0)
                {
                    throw Fail(tag, $"the file is truncated: it ended at byte {offsetBytes} while being read");
                }
                buffer = buffer[read..];
                offsetBytes += read;
            }
        }
    }
}
