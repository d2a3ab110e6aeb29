namespace Routing.Api.GraphUpdates;

/// <summary>Configuration section <c>GraphUpdates</c>: how a new graph file is noticed.</summary>
internal sealed class GraphUpdateOptions
{
    public const string Section = "GraphUpdates";

    /// <summary>Reload when the graph file changes (<c>GraphUpdates:WatchFile</c>); the admin endpoint works either way.</summary>
    public bool WatchFile { get; set; } = true;

    /// <summary>
    /// Quiet time after the last change to the file before it is read (<c>GraphUpdates:DebounceMs</c>): a copy over the
    /// file fires many events, and reading in the middle would only refuse a half-written file.
    /// </summary>
    public int DebounceMs { get; set; } = 2000;
}
