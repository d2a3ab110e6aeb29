namespace Routing.Serving;

/// <summary>Where a serving graph came from: its file, that file's checksum, and when it was loaded.</summary>
/// <param name="Path">The graph file, absolute.</param>
/// <param name="FileChecksum">XxHash3 of the whole file, 16 hex digits: two files with the same checksum hold the same graph.</param>
/// <param name="BuiltOnStart">The file was built from the OSM extract by this process before it was loaded.</param>
/// <param name="LoadedAtUtc">When this process finished reading it.</param>
public sealed record GraphSource(string Path, string FileChecksum, bool BuiltOnStart, DateTimeOffset LoadedAtUtc);
