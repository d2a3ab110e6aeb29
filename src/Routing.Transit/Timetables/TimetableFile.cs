using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace Routing.Transit.Timetables;

/// <summary>A timetable file that cannot be used: foreign, truncated, corrupt or of another format version.</summary>
public sealed class TimetableFileException(string message) : Exception(message);

/// <summary>
/// The timetable built from GTFS, in a file of its own beside the graph (<c>heidelberg.graph</c> ->
/// <c>heidelberg.timetable</c>), so a start reads it instead of importing the feeds again (a national feed takes
/// tens of seconds). The file names its sources (<see cref="Fingerprint"/>): when a feed changes, the timetable is
/// built anew. Layout, all little-endian:
/// <code>
///  0   8  magic "A11YTTBL"
///  8   4  format version (u32, <see cref="Version"/>)
/// 12   8  body length in bytes (i64)
/// 20   8  body checksum (u64, XXH3-64 of the body)
/// 28   …  body: the sources' fingerprint, then every array of the timetable in a fixed order, each as a count and its
///         elements (strings as UTF-8 with a length; arrays of numbers as their raw bytes)
/// </code>
/// The reader checks all of it and refuses a file with a message naming it and what was expected.
/// </summary>
public static class TimetableFile
{
    /// <summary>1: the first layout (stops, routes, trips with shapes, patterns, calendar, pathways, transfers, shapes).</summary>
    public const uint Version = 1;

    private const int HeaderBytes = 28;
    private static ReadOnlySpan<byte> Magic => "A11YTTBL"u8;

    /// <summary>The file beside a graph file.</summary>
    public static string Beside(string graphPath) => Path.ChangeExtension(graphPath, ".timetable");

    /// <summary>
    /// What the timetable was built from: each feed's path, and its files' names, lengths and times of last change (a
    /// folder's every file), so that any change to a feed makes the stored timetable stale.
    /// </summary>
    public static string Fingerprint(IReadOnlyList<string> paths, bool isDemo)
    {
        var text = new StringBuilder(isDemo ? "demo" : "gtfs");
        foreach (string path in paths)
        {
            var files = Directory.Exists(path)
                ? Directory.GetFiles(path).Order(StringComparer.Ordinal).Select(f => new FileInfo(f))
                : [new FileInfo(path)];
            text.Append('|').Append(Path.GetFullPath(path));
            foreach (var file in files)
            {
                text.Append(';').Append(file.Name).Append(',').Append(file.Exists ? file.Length : -1).Append(',')
                    .Append(file.Exists ? file.LastWriteTimeUtc.Ticks : 0);
            }
        }
        return text.ToString();
    }

    /// <summary>Writes to a temporary file and moves it into place: a failed write leaves no half a file behind.</summary>
    public static void Write(Timetable timetable, string fingerprint, string path)
    {
        ArgumentNullException.ThrowIfNull(timetable);
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            WriteBody(w, timetable, fingerprint);
        }
        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        Span<byte> header = stackalloc byte[HeaderBytes];
        Magic.CopyTo(header);
        BitConverter.TryWriteBytes(header[8..], Version);
        BitConverter.TryWriteBytes(header[12..], body.Length);
        BitConverter.TryWriteBytes(header[20..], XxHash3.HashToUInt64(bytes));
        string temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            file.Write(header);
            file.Write(bytes);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The timetable and the fingerprint of its sources; <see cref="TimetableFileException"/> for any file that cannot be used.</summary>
    public static (Timetable Timetable, string Fingerprint) Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < HeaderBytes || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new TimetableFileException($"{path} is not a timetable file (it does not start with \"A11YTTBL\"; {bytes.Length} bytes)");
        }
        uint version = BitConverter.ToUInt32(bytes, 8);
        if (version != Version)
        {
            throw new TimetableFileException($"{path} has timetable format version {version}; this service reads version {Version}");
        }
        long length = BitConverter.ToInt64(bytes, 12);
        if (length != bytes.Length - HeaderBytes)
        {
            throw new TimetableFileException($"{path} is truncated or overlong: its header promises {length} bytes of timetable, the file holds {bytes.Length - HeaderBytes}");
        }
        if (XxHash3.HashToUInt64(bytes.AsSpan(HeaderBytes)) != BitConverter.ToUInt64(bytes, 20))
        {
            throw new TimetableFileException($"{path} is corrupt: the timetable's checksum does not match its header");
        }
        using var r = new BinaryReader(new MemoryStream(bytes, HeaderBytes, (int)length, writable: false), Encoding.UTF8);
        try
        {
            string fingerprint = r.ReadString();
            return (ReadBody(r), fingerprint);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or TimeZoneNotFoundException or InvalidTimeZoneException or OverflowException)
        {
            throw new TimetableFileException($"{path} does not hold a whole timetable of format version {Version} ({ex.Message})");
        }
    }

    private static void WriteBody(BinaryWriter w, Timetable tt, string fingerprint)
    {
        w.Write(fingerprint);
        Strings(w, tt.StopIds);
        Strings(w, tt.StopNames);
        Strings(w, tt.StopPlatformCodes);
        Numbers(w, tt.StopLat);
        Numbers(w, tt.StopLon);
        Numbers(w, MemoryMarshal.Cast<LocationType, byte>(tt.StopLocationTypes));
        Numbers(w, tt.StopParents);
        Numbers(w, MemoryMarshal.Cast<Accessibility, byte>(tt.StopWheelchair));
        Strings(w, tt.RouteIds);
        Strings(w, tt.RouteShortNames);
        Strings(w, tt.RouteLongNames);
        Numbers(w, tt.RouteTypes);
        Strings(w, tt.RouteColors);
        Strings(w, tt.TripIds);
        Numbers(w, tt.TripRoutes);
        Numbers(w, tt.TripServices);
        Numbers(w, MemoryMarshal.Cast<Accessibility, byte>(tt.TripWheelchair));
        Strings(w, tt.TripHeadsigns);
        Numbers(w, tt.TripShapes);
        Numbers(w, tt.ShapeStart);
        Numbers(w, tt.ShapeLatE7);
        Numbers(w, tt.ShapeLonE7);
        Numbers(w, tt.PatternStopStart);
        Numbers(w, tt.PatternStops);
        Numbers(w, tt.PatternTripStart);
        Numbers(w, tt.PatternTrips);
        Numbers(w, tt.PatternTimeStart);
        Numbers(w, tt.Arrivals);
        Numbers(w, tt.Departures);
        Numbers(w, tt.NoBoarding);
        Numbers(w, tt.StopPatternStart);
        Numbers(w, tt.StopPatterns);
        Numbers(w, tt.StopPatternPositions);
        var (weekdays, startDay, endDay, exceptions) = tt.Services.Rows;
        Strings(w, tt.Services.ServiceIds);
        Numbers(w, weekdays);
        Numbers(w, startDay);
        Numbers(w, endDay);
        w.Write(exceptions.Count);
        foreach (var ((service, day), added) in exceptions)
        {
            w.Write(service);
            w.Write(day);
            w.Write(added);
        }
        w.Write(tt.Pathways.Length);
        foreach (var p in tt.Pathways)
        {
            w.Write(p.Id);
            w.Write(p.FromStop);
            w.Write(p.ToStop);
            w.Write((byte)p.Mode);
            w.Write(p.Bidirectional);
            w.Write(p.TraversalS);
            w.Write(p.LengthM);
        }
        w.Write(tt.Transfers.Length);
        foreach (var t in tt.Transfers)
        {
            w.Write(t.FromStop);
            w.Write(t.ToStop);
            w.Write(t.Type);
            w.Write(t.MinTransferS);
        }
        w.Write(tt.TimeZone.Id);
        Strings(w, tt.AgencyNames);
        w.Write(tt.IsDemo);
    }

    private static Timetable ReadBody(BinaryReader r)
    {
        var tt = new Timetable
        {
            StopIds = Strings(r),
            StopNames = Strings(r),
            StopPlatformCodes = Strings(r),
            StopLat = Numbers<double>(r),
            StopLon = Numbers<double>(r),
            StopLocationTypes = Numbers<LocationType>(r),
            StopParents = Numbers<int>(r),
            StopWheelchair = Numbers<Accessibility>(r),
            RouteIds = Strings(r),
            RouteShortNames = Strings(r),
            RouteLongNames = Strings(r),
            RouteTypes = Numbers<int>(r),
            RouteColors = Strings(r),
            TripIds = Strings(r),
            TripRoutes = Numbers<int>(r),
            TripServices = Numbers<int>(r),
            TripWheelchair = Numbers<Accessibility>(r),
            TripHeadsigns = Strings(r),
            TripShapes = Numbers<int>(r),
            ShapeStart = Numbers<int>(r),
            ShapeLatE7 = Numbers<int>(r),
            ShapeLonE7 = Numbers<int>(r),
            PatternStopStart = Numbers<int>(r),
            PatternStops = Numbers<int>(r),
            PatternTripStart = Numbers<int>(r),
            PatternTrips = Numbers<int>(r),
            PatternTimeStart = Numbers<int>(r),
            Arrivals = Numbers<int>(r),
            Departures = Numbers<int>(r),
            NoBoarding = Numbers<byte>(r),
            StopPatternStart = Numbers<int>(r),
            StopPatterns = Numbers<int>(r),
            StopPatternPositions = Numbers<int>(r),
            Services = Calendar(r),
            Pathways = Pathways(r),
            Transfers = Transfers(r),
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(r.ReadString()),
            AgencyNames = Strings(r),
            IsDemo = r.ReadBoolean(),
        };
        return tt;
    }

    private static ServiceCalendar Calendar(BinaryReader r)
    {
        string[] ids = Strings(r);
        byte[] weekdays = Numbers<byte>(r);
        int[] startDay = Numbers<int>(r), endDay = Numbers<int>(r);
        int count = r.ReadInt32();
        var exceptions = new Dictionary<(int Service, int Day), bool>(count);
        for (int i = 0; i < count; i++)
        {
            exceptions[(r.ReadInt32(), r.ReadInt32())] = r.ReadBoolean();
        }
        return new ServiceCalendar(ids, weekdays, startDay, endDay, exceptions);
    }

    private static Pathway[] Pathways(BinaryReader r)
    {
        var pathways = new Pathway[r.ReadInt32()];
        for (int i = 0; i < pathways.Length; i++)
        {
            pathways[i] = new Pathway(r.ReadString(), r.ReadInt32(), r.ReadInt32(), (PathwayMode)r.ReadByte(), r.ReadBoolean(), r.ReadInt32(), r.ReadDouble());
        }
        return pathways;
    }

    private static TransferRule[] Transfers(BinaryReader r)
    {
        var transfers = new TransferRule[r.ReadInt32()];
        for (int i = 0; i < transfers.Length; i++)
        {
            transfers[i] = new TransferRule(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
        }
        return transfers;
    }

    private static void Strings(BinaryWriter w, string?[] strings)
    {
        w.Write(strings.Length);
        foreach (string? s in strings)
        {
            w.Write(s is not null);
            w.Write(s ?? "");
        }
    }

    private static string[] Strings(BinaryReader r)
    {
        var strings = new string[r.ReadInt32()];
        for (int i = 0; i < strings.Length; i++)
        {
            bool present = r.ReadBoolean();
            string s = r.ReadString();
            strings[i] = present ? s : null!;
        }
        return strings;
    }

    private static void Numbers<T>(BinaryWriter w, ReadOnlySpan<T> numbers) where T : unmanaged
    {
        w.Write(numbers.Length);
        w.Write(MemoryMarshal.AsBytes(numbers));
    }

    private static T[] Numbers<T>(BinaryReader r) where T : unmanaged
    {
        var numbers = new T[r.ReadInt32()];
        var bytes = MemoryMarshal.AsBytes(numbers.AsSpan());
        return r.Read(bytes) == bytes.Length ? numbers : throw new EndOfStreamException();
    }
}
