namespace Routing.Graph.Format;

/// <summary>
/// A graph file cannot be read: missing, foreign, of another format version, truncated, corrupt or inconsistent.
/// The message names the file, the section (when one is at fault) and what was expected against what was found.
/// </summary>
public sealed class GraphFileException : Exception
{
    internal GraphFileException(string filePath, string? sectionTag, string message, Exception? innerException = null, bool olderVersion = false)
        : base(message, innerException)
    {
        FilePath = filePath;
        SectionTag = sectionTag;
        OlderVersion = olderVersion;
    }

    public string FilePath { get; }

    /// <summary>
    /// A whole graph file of an older format version: written by an earlier version of this program, so a host that has
    /// its source may build it anew; anything else wrong with a file is for a person to look at.
    /// </summary>
    public bool OlderVersion { get; }

    /// <summary>The tag of the section at fault (<see cref="GraphFormat.SectionTags"/>), or null for the file as a whole.</summary>
    public string? SectionTag { get; }
}
