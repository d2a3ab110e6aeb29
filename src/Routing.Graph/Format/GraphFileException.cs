namespace Routing.Graph.Format;

/// <summary>
/// A graph file cannot be read: missing, foreign, of another format version, truncated, corrupt or inconsistent.
/// The message names the file, the section (when one is at fault) and what was expected against what was found.
/// </summary>
public sealed class GraphFileException : Exception
{
    internal GraphFileException(string filePath, string? sectionTag, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
        SectionTag = sectionTag;
    }

    public string FilePath { get; }

    /// <summary>The tag of the section at fault (<see cref="GraphFormat.SectionTags"/>), or null for the file as a whole.</summary>
    public string? SectionTag { get; }
}
