using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Tags = Routing.Graph.Format.GraphFormat.SectionTags;

namespace Routing.Graph.Format;

/// <summary>Writes a <see cref="RoutingGraph"/> in the <see cref="GraphFormat"/> layout.</summary>
public static class GraphFileWriter
{
    /// <summary>
    /// Writes the graph to <paramref name="path"/>, replacing any file there. The file is written beside the
    /// target under a temporary name, flushed to disk and then renamed over the target, so readers (and the
    /// processes that map the old file) see either the old graph or the complete new one, never a partial file.
    /// </summary>
    public static void Write(RoutingGraph graph, string path)
    {
        GraphFormat.EnsureLittleEndian();
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentException.ThrowIfNullOrEmpty(path);

        string tempPath = $"{path}.tmp-{Guid.NewGuid():N}";
        try
        {
            using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                WriteTo(stream, Sections(graph));
                stream.Flush(flushToDisk: true);
            }
            File.Move(tempPath, path, overwrite: true);
        }
        catch
        {
            DeleteQuietly(tempPath);
            throw;
        }
    }

    private static PendingSection[] Sections(RoutingGraph graph)
    {
        GraphArrays arrays = graph.ToArrays();
        byte[] metadataJson = JsonSerializer.SerializeToUtf8Bytes(graph.Metadata, GraphMetadataJsonContext.Default.GraphMetadata);
        return
        [
            PendingSection.Of(Tags.VertexLatE7, arrays.VertexLatE7),
            PendingSection.Of(Tags.VertexLonE7, arrays.VertexLonE7),
            PendingSection.Of(Tags.VertexOsmNodeId, arrays.VertexOsmNodeId),
            PendingSection.Of(Tags.VertexNodeClass, arrays.VertexNodeClass),
            PendingSection.Of(Tags.VertexComponent, arrays.VertexComponent),
            PendingSection.Of(Tags.ComponentSize, arrays.ComponentSize),
            PendingSection.Of(Tags.FirstArc, arrays.FirstArc),
            PendingSection.Of(Tags.Arcs, arrays.Arcs),
            PendingSection.Of(Tags.EdgeFrom, arrays.EdgeFrom),
            PendingSection.Of(Tags.EdgeTo, arrays.EdgeTo),
            PendingSection.Of(Tags.EdgeLengthCm, arrays.EdgeLengthCm),
            PendingSection.Of(Tags.EdgeClass, arrays.EdgeClass),
            PendingSection.Of(Tags.EdgeOsmWayId, arrays.EdgeOsmWayId),
            PendingSection.Of(Tags.EdgeNameId, arrays.EdgeNameId),
            PendingSection.Of(Tags.EdgeFirstShapePoint, arrays.EdgeFirstShapePoint),
            PendingSection.Of(Tags.ShapeLatE7, arrays.ShapeLatE7),
            PendingSection.Of(Tags.ShapeLonE7, arrays.ShapeLonE7),
            PendingSection.Of(Tags.VertexElevationM, arrays.VertexElevationM),
            PendingSection.Of(Tags.ShapeElevationM, arrays.ShapeElevationM),
            PendingSection.Of(Tags.EdgeClasses, arrays.EdgeClasses),
            PendingSection.Of(Tags.NodeClasses, arrays.NodeClasses),
            PendingSection.Of(Tags.NameOffsets, arrays.NameOffsets),
            PendingSection.Of(Tags.NameBytes, arrays.NameBytes),
            PendingSection.Of(Tags.Places, arrays.Places),
            PendingSection.Of(Tags.VertexLevels, arrays.VertexLevels),
            PendingSection.Of(Tags.EdgeLevels, arrays.EdgeLevels),
            PendingSection.Of(Tags.GreenAreas, arrays.GreenAreas),
            PendingSection.Of(Tags.EdgeGreenArea, arrays.EdgeGreenArea),
            PendingSection.Of(Tags.Metadata, metadataJson),
        ];
    }

    /// <summary>
    /// Leaves room for the header and table, writes the sections while hashing them, then goes back and writes
    /// the header and table: one pass over the arrays.
    /// </summary>
    private static void WriteTo(FileStream stream, PendingSection[] sections)
    {
        long tableEndBytes = GraphFormat.SectionTableEndBytes(sections.Length);
        var headerAndTable = new byte[tableEndBytes];
        stream.Write(headerAndTable);

        ReadOnlySpan<byte> zeros = stackalloc byte[GraphFormat.SectionAlignmentBytes];
        for (int i = 0; i < sections.Length; i++)
        {
            PendingSection section = sections[i];
            long offsetBytes = GraphFormat.AlignUp(stream.Position);
            stream.Write(zeros[..(int)(offsetBytes - stream.Position)]);
            var hash = new XxHash3();
            section.Write(stream, hash);
            var entry = new SectionTableEntry(
                section.Tag, (uint)section.ElementSizeBytes, (ulong)section.ElementCount,
                (ulong)offsetBytes, (ulong)(stream.Position - offsetBytes), hash.GetCurrentHashAsUInt64());
            entry.WriteTo(headerAndTable.AsSpan(GraphFormat.HeaderSizeBytes + i * GraphFormat.SectionEntrySizeBytes));
        }

        GraphFormat.WriteHeader(headerAndTable, sections.Length);
        GraphFormat.SealHeader(headerAndTable);
        stream.Position = 0;
        stream.Write(headerAndTable);
    }

    /// <summary>The original failure matters more than a temporary file that could not be cleaned up.</summary>
    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing better to do: the caller gets the exception that made the write fail.
        }
    }

    /// <summary>An array to be written; the delegate keeps its element type so the bytes are taken without copying.</summary>
    private sealed record PendingSection(string Tag, int ElementSizeBytes, long ElementCount, Action<Stream, XxHash3> Write)
    {
        public static PendingSection Of<T>(string tag, T[] array)
            where T : unmanaged =>
            new(tag, Unsafe.SizeOf<T>(), array.Length, (stream, hash) => WriteRaw(array, stream, hash));

        private static void WriteRaw<T>(T[] array, Stream stream, XxHash3 hash)
            where T : unmanaged
        {
            int elementsPerChunk = GraphFormat.MaxChunkBytes / Unsafe.SizeOf<T>();
            for (int start = 0; start < array.Length; start += elementsPerChunk)
            {
                ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(array.AsSpan(start, Math.Min(elementsPerChunk, array.Length - start)));
                hash.Append(bytes);
                stream.Write(bytes);
            }
        }
    }
}
