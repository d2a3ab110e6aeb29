using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Routing.Graph.Format;
using Tags = Routing.Graph.Format.GraphFormat.SectionTags;

namespace Routing.Graph.Tests.Format;

public sealed class GraphFileTests : IDisposable
{
    private static readonly string[] AllTags =
    [
        Tags.VertexLatE7, Tags.VertexLonE7, Tags.VertexOsmNodeId, Tags.VertexNodeClass, Tags.VertexComponent,
        Tags.ComponentSize, Tags.FirstArc, Tags.Arcs, Tags.EdgeFrom, Tags.EdgeTo, Tags.EdgeLengthCm, Tags.EdgeClass,
        Tags.EdgeOsmWayId, Tags.EdgeNameId, Tags.EdgeFirstShapePoint, Tags.ShapeLatE7, Tags.ShapeLonE7,
        Tags.VertexElevationM, Tags.ShapeElevationM,
        Tags.EdgeClasses, Tags.NodeClasses, Tags.NameOffsets, Tags.NameBytes, Tags.Places, Tags.VertexLevels, Tags.EdgeLevels,
        Tags.GreenAreas, Tags.EdgeGreenArea, Tags.Metadata,
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("graph-file-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Sections() => new(AllTags);

    private string PathOf(string name) => Path.Combine(_directory, name);

    /// <summary>A valid file of the square graph, as bytes.</summary>
    private byte[] SquareFileBytes()
    {
        string path = PathOf("square.graph");
        GraphFileWriter.Write(TestGraphs.Square(), path);
        return File.ReadAllBytes(path);
    }

    private GraphFileException ReadFails(byte[] bytes)
    {
        string path = PathOf("broken.graph");
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<GraphFileException>(() => GraphFileReader.Read(path));
        Assert.Equal(path, ex.FilePath);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        return ex;
    }

    [Fact]
    public void Round_trip_preserves_every_array_and_the_metadata()
    {
        RoutingGraph original = TestGraphs.Square();
        string path = PathOf("square.graph");

        GraphFileWriter.Write(original, path);
        RoutingGraph read = GraphFileReader.Read(path);

        GraphArrays expected = original.ToArrays();
        GraphArrays actual = read.ToArrays();
        Assert.Equal(expected.VertexLatE7, actual.VertexLatE7);
        Assert.Equal(expected.VertexLonE7, actual.VertexLonE7);
        Assert.Equal(expected.VertexOsmNodeId, actual.VertexOsmNodeId);
        Assert.Equal(expected.VertexNodeClass, actual.VertexNodeClass);
        Assert.Equal(expected.VertexComponent, actual.VertexComponent);
        Assert.Equal(expected.ComponentSize, actual.ComponentSize);
        Assert.Equal(expected.FirstArc, actual.FirstArc);
        Assert.Equal(expected.Arcs, actual.Arcs);
        Assert.Equal(expected.EdgeFrom, actual.EdgeFrom);
        Assert.Equal(expected.EdgeTo, actual.EdgeTo);
        Assert.Equal(expected.EdgeLengthCm, actual.EdgeLengthCm);
        Assert.Equal(expected.EdgeClass, actual.EdgeClass);
        Assert.Equal(expected.EdgeOsmWayId, actual.EdgeOsmWayId);
        Assert.Equal(expected.EdgeNameId, actual.EdgeNameId);
        Assert.Equal(expected.EdgeFirstShapePoint, actual.EdgeFirstShapePoint);
        Assert.Equal(expected.ShapeLatE7, actual.ShapeLatE7);
        Assert.Equal(expected.ShapeLonE7, actual.ShapeLonE7);
        Assert.Equal(expected.VertexElevationM, actual.VertexElevationM); // float.Equals counts NaN equal to NaN
        Assert.Equal(expected.ShapeElevationM, actual.ShapeElevationM);
        Assert.Equal(expected.EdgeClasses, actual.EdgeClasses);
        Assert.Equal(expected.NodeClasses, actual.NodeClasses);
        Assert.Equal(expected.NameOffsets, actual.NameOffsets);
        Assert.Equal(expected.NameBytes, actual.NameBytes);
        Assert.Equal(expected.Places, actual.Places);
        Assert.Equal(expected.VertexLevels, actual.VertexLevels);
        Assert.Equal(expected.EdgeLevels, actual.EdgeLevels);
        Assert.Equal(expected.GreenAreas, actual.GreenAreas);
        Assert.Equal(expected.EdgeGreenArea, actual.EdgeGreenArea);
        Assert.Equal(original.Metadata, read.Metadata);
    }

    [Fact]
    public void Round_trip_preserves_the_levels_of_elevators()
    {
        string path = PathOf("square.graph");

        GraphFileWriter.Write(TestGraphs.Square(), path);
        RoutingGraph read = GraphFileReader.Read(path);

        Assert.Equal([-1f, 0f], read.LevelsOfVertex(1).ToArray().Select(l => l.Level));
        Assert.Equal([0f, 1.5f], read.LevelsOfEdge(3).ToArray().Select(l => l.Level));
        Assert.True(read.LevelsOfVertex(0).IsEmpty);
        Assert.True(read.LevelsOfVertex(2).IsEmpty);
        Assert.True(read.LevelsOfEdge(2).IsEmpty);
    }

    [Theory]
    [InlineData(4, 0f)] // no such vertex
    [InlineData(1, float.NaN)]
    public void A_level_entry_beyond_the_graph_or_not_a_number_is_refused(int vertex, float level)
    {
        var arrays = TestGraphs.SquareArrays() with { VertexLevels = [new(vertex, level)] };

        var ex = Assert.Throws<GraphValidationException>(arrays.Validate);

        Assert.Equal(nameof(arrays.VertexLevels), ex.Array);
    }

    [Fact]
    public void Level_entries_out_of_order_are_refused()
    {
        var arrays = TestGraphs.SquareArrays() with { EdgeLevels = [new(3, 1.5f), new(3, 0f)] };

        var ex = Assert.Throws<GraphValidationException>(arrays.Validate);

        Assert.Equal(nameof(arrays.EdgeLevels), ex.Array);
    }

    [Fact]
    public void Round_trip_preserves_the_green_area_of_each_edge_and_its_name()
    {
        string path = PathOf("square.graph");

        GraphFileWriter.Write(TestGraphs.Square(), path);
        RoutingGraph read = GraphFileReader.Read(path);

        Assert.Equal([GreenArea.None, 1, 0, GreenArea.None], read.EdgeGreenArea.ToArray());
        Assert.Equal(GreenAreaKind.Wood, read.GreenAreas[1].Kind);
        Assert.Equal("Plöck", read.Name(read.GreenAreas[1].NameId));
        Assert.Equal("", read.Name(read.GreenAreas[0].NameId));
    }

    [Theory]
    [InlineData(4, 0, GreenAreaKind.Park)] // no such area
    [InlineData(-2, 0, GreenAreaKind.Park)] // below "none"
    [InlineData(0, 3, GreenAreaKind.Park)] // no such name
    [InlineData(0, 0, (GreenAreaKind)9)] // no such kind
    public void A_green_area_or_an_edge_pointing_beyond_them_is_refused(int edgeArea, int nameId, GreenAreaKind kind)
    {
        var arrays = TestGraphs.SquareArrays() with { GreenAreas = [new(nameId, kind)], EdgeGreenArea = [GreenArea.None, edgeArea, 0, GreenArea.None] };

        var ex = Assert.Throws<GraphValidationException>(arrays.Validate);

        Assert.Equal(edgeArea is 4 or -2 ? nameof(arrays.EdgeGreenArea) : nameof(arrays.GreenAreas), ex.Array);
    }

    [Fact]
    public void Round_trip_preserves_the_street_names()
    {
        string path = PathOf("square.graph");

        GraphFileWriter.Write(TestGraphs.Square(), path);
        RoutingGraph read = GraphFileReader.Read(path);

        Assert.Equal(3, read.NameCount);
        Assert.Equal(["Hauptstraße", "Plöck", "", "Hauptstraße"], Enumerable.Range(0, read.EdgeCount).Select(read.EdgeName));
    }

    [Fact]
    public void Round_trip_preserves_the_places_and_their_names()
    {
        string path = PathOf("square.graph");

        GraphFileWriter.Write(TestGraphs.Square(), path);
        RoutingGraph read = GraphFileReader.Read(path);

        var place = Assert.Single(read.Places.ToArray());
        Assert.Equal("Hauptstraße", read.Name(place.NameId));
        Assert.Equal(PlaceKind.PublicTransport, place.Kind);
        Assert.Equal(Routing.Graph.Facts.WheelchairTag.Limited, place.Wheelchair);
    }

    [Fact]
    public void A_place_with_a_name_beyond_the_name_table_is_refused()
    {
        var arrays = TestGraphs.SquareArrays();
        arrays.Places[0].NameId = 3;

        var ex = Assert.Throws<GraphValidationException>(arrays.Validate);

        Assert.Equal(nameof(arrays.Places), ex.Array);
    }

    [Fact]
    public void File_holds_one_aligned_section_per_array_plus_the_metadata()
    {
        byte[] file = SquareFileBytes();

        Assert.Equal(GraphFormat.Magic.ToArray(), file[..8]);
        Assert.Equal(GraphFormat.Version, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(8)));
        SectionTableEntry[] table = RawGraphFile.Table(file);
        Assert.Equal(AllTags.Order(), table.Select(entry => entry.Tag).Order());
        Assert.All(table, entry => Assert.Equal(0UL, entry.OffsetBytes % 64));
        // The class structs are stored raw: a change of their size is a change of the format (and its version).
        Assert.Equal(27U, RawGraphFile.Entry(file, Tags.EdgeClasses).ElementSizeBytes);
        Assert.Equal(9U, RawGraphFile.Entry(file, Tags.NodeClasses).ElementSizeBytes);
        Assert.Equal(22U, RawGraphFile.Entry(file, Tags.Places).ElementSizeBytes);
        Assert.Equal(8U, RawGraphFile.Entry(file, Tags.VertexLevels).ElementSizeBytes);
        Assert.Equal(5U, RawGraphFile.Entry(file, Tags.GreenAreas).ElementSizeBytes);
        Assert.Equal(8U, RawGraphFile.Entry(file, Tags.EdgeOsmWayId).ElementSizeBytes);
        Assert.Equal(1U, RawGraphFile.Entry(file, Tags.NameBytes).ElementSizeBytes);
        Assert.Equal(18UL, RawGraphFile.Entry(file, Tags.NameBytes).ElementCount);
        Assert.Equal(4UL, RawGraphFile.Entry(file, Tags.VertexLatE7).ElementCount);
    }

    [Fact]
    public void Writer_follows_the_documented_layout_byte_for_byte()
    {
        byte[] file = SquareFileBytes();

        Assert.Equal(file, RawGraphFile.Compose(RawGraphFile.Sections(file)));
    }

    [Fact]
    public void Metadata_section_is_the_metadata_as_json()
    {
        byte[] file = SquareFileBytes();
        SectionTableEntry meta = RawGraphFile.Entry(file, Tags.Metadata);

        using var json = JsonDocument.Parse(file.AsMemory((int)meta.OffsetBytes, (int)meta.LengthBytes));

        Assert.Equal("tiny.osm.pbf", json.RootElement.GetProperty("SourceFile").GetString());
    }

    [Theory]
    [InlineData("PK\u0003\u0004 a zip archive, not a graph")]
    [InlineData("Z")]
    [InlineData("{\"type\": \"FeatureCollection\"}")]
    public void Foreign_file_is_not_a_routing_graph_file(string content)
    {
        GraphFileException ex = ReadFails(Encoding.Latin1.GetBytes(content));

        Assert.Contains("is not a routing graph file (expected magic \"A11YGRPH\"", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.SectionTag);
    }

    [Theory]
    [InlineData(6)] // a graph built before green areas
    [InlineData(8)]
    public void Other_format_version_asks_for_a_rebuild(uint version)
    {
        byte[] file = SquareFileBytes();
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(GraphFormat.VersionOffset), version);

        GraphFileException ex = ReadFails(file);

        Assert.Contains($"has format version {version}; this program reads version 7: rebuild the graph with Routing.Preprocess", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inside the magic")]
    [InlineData("before the version")]
    [InlineData("inside the header")]
    [InlineData("inside the section table")]
    [InlineData("in the padding after the table")]
    [InlineData("in the middle of the first section")]
    [InlineData("in the middle of a long section")]
    [InlineData("one byte short")]
    public void Truncated_file_is_reported(string where)
    {
        byte[] file = SquareFileBytes();
        SectionTableEntry[] table = RawGraphFile.Table(file);
        SectionTableEntry first = table[0];
        SectionTableEntry ids = RawGraphFile.Entry(file, Tags.EdgeOsmWayId);
        int length = where switch
        {
            "inside the magic" => 5,
            "before the version" => 10,
            "inside the header" => GraphFormat.HeaderSizeBytes - 1,
            "inside the section table" => GraphFormat.HeaderSizeBytes + GraphFormat.SectionEntrySizeBytes + 7,
            "in the padding after the table" => GraphFormat.HeaderSizeBytes + (table.Length * GraphFormat.SectionEntrySizeBytes) + 1,
            "in the middle of the first section" => (int)(first.OffsetBytes + (first.LengthBytes / 2)),
            "in the middle of a long section" => (int)(ids.OffsetBytes + 12),
            _ => file.Length - 1,
        };

        GraphFileException ex = ReadFails(file[..length]);

        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncation_inside_a_section_names_that_section()
    {
        byte[] file = SquareFileBytes();
        SectionTableEntry arcs = RawGraphFile.Entry(file, Tags.Arcs);

        GraphFileException ex = ReadFails(file[..(int)(arcs.OffsetBytes + 5)]);

        Assert.Equal(Tags.Arcs, ex.SectionTag);
        Assert.Contains($"section {Tags.Arcs}: the file is truncated", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Flipped_byte_in_a_section_names_that_section(string tag)
    {
        byte[] file = SquareFileBytes();
        SectionTableEntry entry = RawGraphFile.Entry(file, tag);
        file[entry.OffsetBytes + (entry.LengthBytes / 2)] ^= 0x10;

        GraphFileException ex = ReadFails(file);

        Assert.Equal(tag, ex.SectionTag);
        Assert.Contains($"section {tag}: the content is corrupt: expected checksum", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GraphFormat.HeaderChecksumOffset + 3)]
    [InlineData(GraphFormat.HeaderSizeBytes + 2)] // a tag
    [InlineData(GraphFormat.HeaderSizeBytes + (3 * GraphFormat.SectionEntrySizeBytes) + 33)] // a section checksum
    public void Flipped_byte_in_the_header_or_table_fails_the_header_checksum(int position)
    {
        byte[] file = SquareFileBytes();
        file[position] ^= 0x01;

        GraphFileException ex = ReadFails(file);

        Assert.Contains("the header or section table is corrupt: expected header checksum", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.SectionTag);
    }

    [Fact]
    public void Every_single_flipped_byte_is_detected()
    {
        byte[] file = SquareFileBytes();
        string path = PathOf("flipped.graph");

        for (int position = 0; position < file.Length; position++)
        {
            file[position] ^= 0x40;
            File.WriteAllBytes(path, file);
            file[position] ^= 0x40;
            try
            {
                GraphFileReader.Read(path);
                Assert.Fail($"a flipped byte at position {position} of {file.Length} went unnoticed");
            }
            catch (GraphFileException)
            {
                // Expected: every byte is covered by a checksum, is a checked field, or must be zero padding.
            }
        }
    }

    [Fact]
    public void Non_zero_padding_between_sections_is_reported()
    {
        byte[] file = SquareFileBytes();
        SectionTableEntry lon = RawGraphFile.Entry(file, Tags.VertexLonE7);
        file[lon.OffsetBytes - 1] = 0xFF;

        GraphFileException ex = ReadFails(file);

        Assert.Equal(Tags.VertexLonE7, ex.SectionTag);
        Assert.Contains("expected zero padding", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_after_the_last_section_are_reported()
    {
        byte[] file = [.. SquareFileBytes(), 0, 0, 0];

        GraphFileException ex = ReadFails(file);

        Assert.Contains("found 3 more bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_reported()
    {
        GraphFileException ex = ReadFails([]);

        Assert.Contains("the file is empty", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.graph")]
    [InlineData("no-such-directory/missing.graph")]
    public void Missing_file_is_reported(string name)
    {
        string path = PathOf(name);

        var ex = Assert.Throws<GraphFileException>(() => GraphFileReader.Read(path));

        Assert.Equal($"Graph file {path} not found.", ex.Message);
    }

    [Fact]
    public void Unknown_flags_are_reported()
    {
        byte[] file = SquareFileBytes();
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(GraphFormat.FlagsOffset), 0x4);
        RawGraphFile.Reseal(file);

        GraphFileException ex = ReadFails(file);

        Assert.Contains("expected no flags (format version 7 defines none), found 0x00000004", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_zero_reserved_header_field_is_reported()
    {
        byte[] file = SquareFileBytes();
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(GraphFormat.ReservedOffset), 1);
        RawGraphFile.Reseal(file);

        GraphFileException ex = ReadFails(file);

        Assert.Contains("expected the reserved header field to be 0, found 0x00000001", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Big_endian_file_is_reported()
    {
        byte[] file = SquareFileBytes();
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(GraphFormat.ByteOrderMarkerOffset), GraphFormat.ByteOrderMarker);

        GraphFileException ex = ReadFails(file);

        Assert.Contains("expected byte-order marker 0x01020304, found 0x04030201", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Implausible_section_count_is_reported()
    {
        byte[] file = SquareFileBytes();
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(GraphFormat.SectionCountOffset), 1_000_000);

        GraphFileException ex = ReadFails(file);

        Assert.Contains("found a section count of 1000000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misaligned_section_offset_is_reported()
    {
        byte[] file = SquareFileBytes();
        RawGraphFile.SetEntry(file, Tags.EdgeTo, entry => entry with { OffsetBytes = entry.OffsetBytes + 4 });

        GraphFileException ex = ReadFails(file);

        Assert.Equal(Tags.EdgeTo, ex.SectionTag);
        Assert.Contains("expected an offset aligned to 64 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_away_from_its_canonical_place_is_reported()
    {
        byte[] file = SquareFileBytes();
        RawGraphFile.SetEntry(file, Tags.EdgeTo, entry => entry with { OffsetBytes = entry.OffsetBytes + 64 });

        GraphFileException ex = ReadFails(file);

        Assert.Equal(Tags.EdgeTo, ex.SectionTag);
        Assert.Contains("right after the previous one", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_beyond_the_end_of_the_file_is_reported()
    {
        byte[] file = SquareFileBytes();
        RawGraphFile.SetEntry(file, Tags.Metadata, entry => entry with { ElementCount = entry.ElementCount + 1000, LengthBytes = entry.LengthBytes + 1000 });

        GraphFileException ex = ReadFails(file);

        Assert.Equal(Tags.Metadata, ex.SectionTag);
        Assert.Contains("the file is truncated: the section ends at byte", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Length_that_disagrees_with_the_element_count_is_reported()
    {
        byte[] file = SquareFileBytes();
        RawGraphFile.SetEntry(file, Tags.FirstArc, entry => entry with { ElementCount = entry.ElementCount - 1 });

        GraphFileException ex = ReadFails(file);

        Assert.Equal(Tags.FirstArc, ex.SectionTag);
        Assert.Contains("expected 16 bytes (4 elements of 4 bytes), found a length of 20 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_element_size_is_reported()
    {
        List<RawSection> sections = RawGraphFile.Sections(SquareFileBytes());
        int index = sections.FindIndex(section => section.Tag == Tags.VertexOsmNodeId);
        sections[index] = sections[index] with { ElementSizeBytes = 4, ElementCount = sections[index].ElementCount * 2 };

        GraphFileException ex = ReadFails(RawGraphFile.Compose(sections));

        Assert.Equal(Tags.VertexOsmNodeId, ex.SectionTag);
        Assert.Contains("expected elements of 8 bytes, found 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_section_is_reported()
    {
        List<RawSection> sections = RawGraphFile.Sections(SquareFileBytes());
        sections.RemoveAll(section => section.Tag == Tags.ShapeLonE7);

        GraphFileException ex = ReadFails(RawGraphFile.Compose(sections));

        Assert.Equal(Tags.ShapeLonE7, ex.SectionTag);
        Assert.Contains("the section is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_section_is_reported()
    {
        List<RawSection> sections = RawGraphFile.Sections(SquareFileBytes());
        sections.Add(sections.Single(section => section.Tag == Tags.EdgeClasses));

        GraphFileException ex = ReadFails(RawGraphFile.Compose(sections));

        Assert.Equal(Tags.EdgeClasses, ex.SectionTag);
        Assert.Contains("found the tag twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_section_is_reported()
    {
        List<RawSection> sections = RawGraphFile.Sections(SquareFileBytes());
        sections.Add(new RawSection("XTRA", 1, 3, [1, 2, 3]));

        GraphFileException ex = ReadFails(RawGraphFile.Compose(sections));

        Assert.Equal("XTRA", ex.SectionTag);
        Assert.Contains("unexpected section", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"SourceFile\": ")]
    [InlineData("null")]
    [InlineData("{\"SourceFile\": \"x.osm.pbf\"}")]
    [InlineData("{\"SourceFile\": null, \"BuiltAtUtc\": \"2025-01-01T00:00:00Z\", \"BuilderVersion\": \"1\"}")]
    public void Invalid_metadata_names_the_metadata_section(string json)
    {
        List<RawSection> sections = RawGraphFile.Sections(SquareFileBytes());
        byte[] content = Encoding.UTF8.GetBytes(json);
        int index = sections.FindIndex(section => section.Tag == Tags.Metadata);
        sections[index] = new RawSection(Tags.Metadata, 1, (ulong)content.Length, content);

        GraphFileException ex = ReadFails(RawGraphFile.Compose(sections));

        Assert.Equal(Tags.Metadata, ex.SectionTag);
        Assert.Contains("expected a JSON object with the graph metadata", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inconsistent_arrays_with_valid_checksums_name_the_section()
    {
        List<RawSection> sections = RawGraphFile.Sections(SquareFileBytes());
        RawSection arcs = sections.Single(section => section.Tag == Tags.Arcs);
        BinaryPrimitives.WriteInt32LittleEndian(arcs.Content.AsSpan(4), 2); // vertex 0 would list an arc starting at vertex 1

        GraphFileException ex = ReadFails(RawGraphFile.Compose(sections));

        Assert.Equal(Tags.Arcs, ex.SectionTag);
        Assert.IsType<GraphValidationException>(ex.InnerException);
        Assert.Contains("the graph is inconsistent: Arcs: arc 2 is listed under vertex 0", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Tags.EdgeNameId, 1, 3, "EdgeNameId: element 1 is 3, expected 0 to 2")]
    [InlineData(Tags.NameOffsets, 1, 1, "NameOffsets: name 0 must be the empty name")]
    [InlineData(Tags.NameOffsets, 2, 19, "NameOffsets: offsets decrease at element 3")]
    [InlineData(Tags.NameOffsets, 3, 20, "NameOffsets: expected offsets from 0 to 18, found 0 to 20")]
    public void Inconsistent_name_table_with_valid_checksums_names_the_section(string tag, int element, int value, string problem)
    {
        List<RawSection> sections = RawGraphFile.Sections(SquareFileBytes());
        RawSection section = sections.Single(candidate => candidate.Tag == tag);
        BinaryPrimitives.WriteInt32LittleEndian(section.Content.AsSpan(element * sizeof(int)), value);

        GraphFileException ex = ReadFails(RawGraphFile.Compose(sections));

        Assert.Equal(tag, ex.SectionTag);
        Assert.Contains($"section {tag}: the graph is inconsistent: {problem}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_into_a_missing_directory_throws_and_creates_nothing()
    {
        string directory = PathOf("no-such-directory");

        Assert.Throws<DirectoryNotFoundException>(() => GraphFileWriter.Write(TestGraphs.Square(), Path.Combine(directory, "square.graph")));

        Assert.False(Directory.Exists(directory));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory));
    }

    [Fact]
    public void Failed_write_leaves_no_temporary_file_behind()
    {
        string target = PathOf("occupied");
        Directory.CreateDirectory(target);

        Assert.ThrowsAny<IOException>(() => GraphFileWriter.Write(TestGraphs.Square(), target));

        Assert.Equal(target, Assert.Single(Directory.GetFileSystemEntries(_directory)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(target));
    }

    [Fact]
    public void Overwrite_replaces_the_old_file_as_a_whole()
    {
        string path = PathOf("square.graph");
        GraphFileWriter.Write(TestGraphs.Square(TestGraphs.Metadata("old.osm.pbf")), path);
        byte[] oldBytes = File.ReadAllBytes(path);
        using var oldFile = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        GraphFileWriter.Write(TestGraphs.Square(TestGraphs.Metadata("new.osm.pbf")), path);

        // A process still holding the old file keeps seeing it whole: the new file was renamed over the
        // path, not written into the old one.
        var seenByOldReader = new byte[oldBytes.Length + 1];
        oldFile.ReadExactly(seenByOldReader.AsSpan(0, oldBytes.Length));
        Assert.Equal(0, oldFile.Read(seenByOldReader.AsSpan(oldBytes.Length)));
        Assert.Equal(oldBytes, seenByOldReader[..oldBytes.Length]);
        Assert.Equal("new.osm.pbf", GraphFileReader.Read(path).Metadata.SourceFile);
        Assert.Equal(path, Assert.Single(Directory.GetFileSystemEntries(_directory)));
    }
}
