using System.Buffers.Binary;
using System.Text;
using Routing.Graph;
using Routing.Graph.Format;

namespace Routing.TestSupport;

/// <summary>
/// The content checksums of a graph file's sections, read from its section table (layout in
/// <see cref="GraphFormat"/>): two graphs are the same when these agree. The metadata section is left out, because
/// it records when and how fast the graph was built.
/// </summary>
public static class GraphSections
{
    private const int SectionCountOffset = 16, TableOffset = 40, EntryBytes = 40, ChecksumOffset = 32;

    public static IReadOnlyList<(string Tag, ulong Checksum)> ChecksumsOf(string graphPath)
    {
        var bytes = File.ReadAllBytes(graphPath);
        int count = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(SectionCountOffset));
        var sections = new List<(string, ulong)>();
        for (int i = 0; i < count; i++)
        {
            var entry = bytes.AsSpan(TableOffset + (i * EntryBytes), EntryBytes);
            string tag = Encoding.ASCII.GetString(entry[..4]);
            if (tag != GraphFormat.SectionTags.Metadata)
            {
                sections.Add((tag, BinaryPrimitives.ReadUInt64LittleEndian(entry[ChecksumOffset..])));
            }
        }
        return sections;
    }

    /// <summary>The checksums of the graph as <see cref="GraphFileWriter"/> writes it.</summary>
    public static IReadOnlyList<(string Tag, ulong Checksum)> ChecksumsOf(RoutingGraph graph)
    {
        using var dir = new TempDirectory();
        GraphFileWriter.Write(graph, dir.File("g.graph"));
        return ChecksumsOf(dir.File("g.graph"));
    }
}
