using System.Buffers.Binary;
using System.Text;

namespace Routing.Graph.Format;

/// <summary>
/// One entry of the section table, as stored (see <see cref="GraphFormat"/>). Values stay unsigned and unchecked
/// here; the reader decides whether they make sense.
/// </summary>
internal readonly record struct SectionTableEntry(
    string Tag, uint ElementSizeBytes, ulong ElementCount, ulong OffsetBytes, ulong LengthBytes, ulong Checksum)
{
    private const int TagBytes = 4;

    public void WriteTo(Span<byte> entry)
    {
        Encoding.ASCII.GetBytes(Tag, entry[..TagBytes]);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], ElementSizeBytes);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[8..], ElementCount);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[16..], OffsetBytes);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[24..], LengthBytes);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[32..], Checksum);
    }

    /// <summary>Latin-1 maps every byte to one character, so a corrupt tag still prints as 4 characters.</summary>
    public static SectionTableEntry ReadFrom(ReadOnlySpan<byte> entry) => new(
        Encoding.Latin1.GetString(entry[..TagBytes]),
        BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]),
        BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]),
        BinaryPrimitives.ReadUInt64LittleEndian(entry[16..]),
        BinaryPrimitives.ReadUInt64LittleEndian(entry[24..]),
        BinaryPrimitives.ReadUInt64LittleEndian(entry[32..]));
}
