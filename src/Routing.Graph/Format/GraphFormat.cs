using System.Buffers.Binary;
using System.IO.Hashing;

namespace Routing.Graph.Format;

/// <summary>
/// The graph file format, version <see cref="Version"/>. One file holds one <see cref="RoutingGraph"/>: every array
/// of the graph in its own section, laid out so that each could be memory-mapped and used in place, plus the
/// metadata as UTF-8 JSON. All integers are little-endian; arrays are stored raw (their in-memory bytes).
/// <code>
/// offset  size  header (HeaderSizeBytes = 40)
///      0     8  magic "A11YGRPH"
///      8     4  format version (u32)
///     12     4  header size in bytes (u32, = 40; the section table starts here)
///     16     4  section count (u32)
///     20     4  flags (u32, none defined: must be 0)
///     24     4  byte-order marker 0x01020304 (u32, reads as 04 03 02 01)
///     28     4  reserved (must be 0; keeps the checksum 8-byte aligned)
///     32     8  header checksum (u64): XXH3-64 of bytes [0, 32) followed by the whole section table
///
/// section table: section count entries of SectionEntrySizeBytes = 40
///     +0     4  tag, 4 ASCII characters (see SectionTags)
///     +4     4  element size in bytes (u32)
///     +8     8  element count (u64)
///    +16     8  byte offset of the content from the start of the file (u64)
///    +24     8  byte length of the content (u64, = element size * element count)
///    +32     8  content checksum (u64): XXH3-64 of the content bytes
///
/// sections: in table order, each starting at the next multiple of 64 bytes after the table or the previous
/// section, the gaps filled with zeros; the file ends where the last section ends.
/// </code>
/// The layout is canonical, so every byte of a valid file is covered by a checksum or must be zero: the reader
/// detects any single corrupted byte. Any change to the layout, a section or the element structs
/// (<see cref="EdgeClass"/>, <see cref="NodeClass"/>) needs a new <see cref="Version"/>.
/// <para>Versions: 1 the accessibility graph; 2 adds street names (sections ENAM, NAMO, NAMB); 3 adds elevations
/// (sections VELE, SELE) and inclines derived from a terrain model; 4 adds how far a derived incline can be trusted
/// (<see cref="EdgeClass.InclineConfidence"/>, then an assured incline) and named places for search (section PLCS, names
/// in the NAMO/NAMB table); 5 stores a derived incline as a distribution: the steepest incline is the mean of the
/// true incline given the terrain's reading, and <see cref="EdgeClass.InclineSpreadPermille"/> (in place of the
/// assured incline) its spread; 6 adds the levels elevator nodes and ways serve (sections VLVL, ELVL of
/// <see cref="ElementLevel"/>), so live elevator feeds are matched by level too; 7 adds the parks, gardens, cemeteries
/// and woods edges lie in (section AREA of <see cref="GreenArea"/>, names in the NAMO/NAMB table, and EARE, each edge's
/// area index or -1), so instructions say "the path through the park".</para>
/// </summary>
public static class GraphFormat
{
    public const uint Version = 7;

    /// <summary>The first 8 bytes of every graph file.</summary>
    public static ReadOnlySpan<byte> Magic => "A11YGRPH"u8;

    /// <summary>Section tags: one per array of the graph, plus the metadata.</summary>
    public static class SectionTags
    {
        public const string VertexLatE7 = "VLAT";
        public const string VertexLonE7 = "VLON";
        public const string VertexOsmNodeId = "VOSM";
        public const string VertexNodeClass = "VNCL";
        public const string VertexComponent = "VCMP";
        public const string ComponentSize = "CSIZ";
        public const string FirstArc = "FARC";
        public const string Arcs = "ARCS";
        public const string EdgeFrom = "EFRM";
        public const string EdgeTo = "ETO_";
        public const string EdgeLengthCm = "ELEN";
        public const string EdgeClass = "ECID";
        public const string EdgeOsmWayId = "EOSM";
        /// <summary>Per edge, its name's index into <see cref="NameOffsets"/> (0 = no name).</summary>
        public const string EdgeNameId = "ENAM";
        public const string EdgeFirstShapePoint = "ESHP";
        public const string ShapeLatE7 = "SLAT";
        public const string ShapeLonE7 = "SLON";
        /// <summary>Per vertex, ground elevation in metres (float32, NaN = unknown).</summary>
        public const string VertexElevationM = "VELE";
        /// <summary>Per shape point, elevation in metres (float32, NaN = unknown).</summary>
        public const string ShapeElevationM = "SELE";
        public const string EdgeClasses = "ECLS";
        public const string NodeClasses = "NCLS";
        /// <summary>Name count + 1 offsets into <see cref="NameBytes"/>; name 0 is the empty name.</summary>
        public const string NameOffsets = "NAMO";
        /// <summary>The names, UTF-8, one after the other without separators (element size 1).</summary>
        public const string NameBytes = "NAMB";
        /// <summary>Named points of interest (<see cref="Place"/>), their names in <see cref="NameBytes"/>.</summary>
        public const string Places = "PLCS";
        /// <summary>The levels of elevator vertices (<see cref="ElementLevel"/>), sorted by vertex and level.</summary>
        public const string VertexLevels = "VLVL";
        /// <summary>The levels of elevator edges (<see cref="ElementLevel"/>), sorted by edge and level.</summary>
        public const string EdgeLevels = "ELVL";
        /// <summary>Parks, gardens, cemeteries and woods (<see cref="GreenArea"/>), their names in <see cref="NameBytes"/>.</summary>
        public const string GreenAreas = "AREA";
        /// <summary>The index into <see cref="GreenAreas"/> of each edge's area, -1 for none.</summary>
        public const string EdgeGreenArea = "EARE";
        /// <summary><see cref="GraphMetadata"/> as UTF-8 JSON (element size 1).</summary>
        public const string Metadata = "META";
    }

    internal const int HeaderSizeBytes = 40;
    internal const int SectionEntrySizeBytes = 40;
    internal const int SectionAlignmentBytes = 64;
    internal const uint ByteOrderMarker = 0x0102_0304;

    internal const int VersionOffset = 8;
    internal const int HeaderSizeOffset = 12;
    internal const int SectionCountOffset = 16;
    internal const int FlagsOffset = 20;
    internal const int ByteOrderMarkerOffset = 24;
    internal const int ReservedOffset = 28;
    internal const int HeaderChecksumOffset = 32;

    /// <summary>
    /// Version 7 has 29 sections; the bound keeps a corrupt count from making the reader allocate a huge table
    /// before the header checksum has been verified.
    /// </summary>
    internal const int MaxSectionCount = 256;

    /// <summary>Sections are hashed, written and read in pieces of at most this size: a span cannot address 2 GiB.</summary>
    internal const int MaxChunkBytes = 1 << 30;

    internal static long AlignUp(long offsetBytes) =>
        (offsetBytes + SectionAlignmentBytes - 1) & ~(long)(SectionAlignmentBytes - 1);

    internal static long SectionTableEndBytes(long sectionCount) => HeaderSizeBytes + sectionCount * SectionEntrySizeBytes;

    /// <summary>The checksum of the header (without its checksum field) and the section table that follows it.</summary>
    internal static ulong HeaderChecksum(ReadOnlySpan<byte> headerAndTable)
    {
        var hash = new XxHash3();
        hash.Append(headerAndTable[..HeaderChecksumOffset]);
        hash.Append(headerAndTable[(HeaderChecksumOffset + sizeof(ulong))..]);
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>Writes every header field but the checksum, which needs the finished table: see <see cref="SealHeader"/>.</summary>
    internal static void WriteHeader(Span<byte> header, int sectionCount)
    {
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[VersionOffset..], Version);
        BinaryPrimitives.WriteUInt32LittleEndian(header[HeaderSizeOffset..], HeaderSizeBytes);
        BinaryPrimitives.WriteUInt32LittleEndian(header[SectionCountOffset..], (uint)sectionCount);
        BinaryPrimitives.WriteUInt32LittleEndian(header[FlagsOffset..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[ByteOrderMarkerOffset..], ByteOrderMarker);
        BinaryPrimitives.WriteUInt32LittleEndian(header[ReservedOffset..], 0);
    }

    /// <summary>Stores the checksum of a finished header and section table in the header.</summary>
    internal static void SealHeader(Span<byte> headerAndTable) =>
        BinaryPrimitives.WriteUInt64LittleEndian(headerAndTable[HeaderChecksumOffset..], HeaderChecksum(headerAndTable));

    /// <summary>
    /// Arrays are stored as their in-memory bytes, which are only the file's bytes on a little-endian machine;
    /// swapping every element on the way in and out would defeat reading the file in place.
    /// </summary>
    internal static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException(
                "Routing graph files are little-endian and stored as raw arrays; this machine is big-endian, which is not supported.");
        }
    }
}
