using System.Buffers.Binary;
using System.IO.Hashing;
using Routing.Graph.Format;

namespace Routing.Graph.Tests.Format;

/// <summary>A section as raw bytes, for composing files the writer would never produce.</summary>
internal sealed record RawSection(string Tag, uint ElementSizeBytes, ulong ElementCount, byte[] Content);

/// <summary>
/// An independent reading of the documented layout: splits a file into its sections and composes files from
/// sections with correct checksums, so tests can break one rule at a time while every checksum still holds.
/// </summary>
internal static class RawGraphFile
{
    public static SectionTableEntry[] Table(byte[] file)
    {
        int count = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(GraphFormat.SectionCountOffset));
        var entries = new SectionTableEntry[count];
        for (int i = 0; i < count; i++)
        {
            entries[i] = SectionTableEntry.ReadFrom(file.AsSpan(GraphFormat.HeaderSizeBytes + i * GraphFormat.SectionEntrySizeBytes));
        }
        return entries;
    }

    public static SectionTableEntry Entry(byte[] file, string tag) => Table(file).Single(entry => entry.Tag == tag);

    public static List<RawSection> Sections(byte[] file) =>
        Table(file)
            .Select(entry => new RawSection(
                entry.Tag, entry.ElementSizeBytes, entry.ElementCount,
                file.AsSpan((int)entry.OffsetBytes, (int)entry.LengthBytes).ToArray()))
            .ToList();

    /// <summary>Lays sections out canonically (each at the next 64-byte boundary) with valid checksums.</summary>
    public static byte[] Compose(IReadOnlyList<RawSection> sections)
    {
        long tableEnd = GraphFormat.HeaderSizeBytes + (long)sections.Count * GraphFormat.SectionEntrySizeBytes;
        var offsets = new long[sections.Count];
        long end = tableEnd;
        for (int i = 0; i < sections.Count; i++)
        {
            offsets[i] = (end + 63) / 64 * 64;
            end = offsets[i] + sections[i].Content.Length;
        }

        var file = new byte[end];
        for (int i = 0; i < sections.Count; i++)
        {
            RawSection section = sections[i];
            section.Content.CopyTo(file, offsets[i]);
            new SectionTableEntry(
                    section.Tag, section.ElementSizeBytes, section.ElementCount, (ulong)offsets[i],
                    (ulong)section.Content.Length, XxHash3.HashToUInt64(section.Content))
                .WriteTo(file.AsSpan(GraphFormat.HeaderSizeBytes + i * GraphFormat.SectionEntrySizeBytes));
        }
        GraphFormat.WriteHeader(file, sections.Count);
        Reseal(file);
        return file;
    }

    /// <summary>Recomputes the header checksum after a test changed the header or table on purpose.</summary>
    public static void Reseal(byte[] file) =>
        GraphFormat.SealHeader(file.AsSpan(0, GraphFormat.HeaderSizeBytes + Table(file).Length * GraphFormat.SectionEntrySizeBytes));

    public static void SetEntry(byte[] file, string tag, Func<SectionTableEntry, SectionTableEntry> change)
    {
        SectionTableEntry[] table = Table(file);
        int index = Array.FindIndex(table, entry => entry.Tag == tag);
        change(table[index]).WriteTo(file.AsSpan(GraphFormat.HeaderSizeBytes + index * GraphFormat.SectionEntrySizeBytes));
        Reseal(file);
    }
}
