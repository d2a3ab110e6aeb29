using System.IO.Hashing;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Serving;

namespace Routing.Api.Hosting;

/// <summary>Makes a read graph ready to serve: its file's identity, the router, and every per-graph part.</summary>
internal sealed class ServingGraphBuilder(ServingGraphFactory parts, ProfileCatalog profiles, TimeProvider time)
{
    public ServingGraph Build(RoutingGraph graph, string path, bool builtOnStart) =>
        Build(new Router(graph, profiles), path, FileChecksum(path), builtOnStart);

    public ServingGraph Build(Router router, string path, string checksum, bool builtOnStart) =>
        parts.Create(router, new GraphSource(path, checksum, builtOnStart, time.GetUtcNow()));

    /// <summary>
    /// XxHash3 of the whole file, as 16 hex digits: the graph's identity in metrics, health and reload answers, and how a
    /// reload tells a changed file from a touched one. About 10 ms for Heidelberg's file.
    /// </summary>
    public static string FileChecksum(string path)
    {
        var hash = new XxHash3();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        hash.Append(stream);
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
