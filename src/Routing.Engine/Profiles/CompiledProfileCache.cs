using System.Collections.Concurrent;
using System.Text.Json;
using Routing.Engine.Barriers;
using Routing.Graph;

namespace Routing.Engine.Profiles;

/// <summary>
/// Compiled profiles of one graph, keyed by their settings' values and the version of the barrier overlay they were
/// compiled with. Most requests use a preset or a preset with one or two common changes, so compiling (about 0.5 ms
/// on Heidelberg's terrain graph) is mostly saved; a flood of distinct settings only empties the cache, never grows
/// it past <see cref="Capacity"/> (each profile holds about 0.4 MB of tables there: at most about 100 MB).
/// When the overlay is replaced, <see cref="Clear"/> drops the profiles of the old one.
/// </summary>
internal sealed class CompiledProfileCache(RoutingGraph graph)
{
    public const int Capacity = 256;
    private readonly ConcurrentDictionary<string, CompiledProfile> _profiles = new(StringComparer.Ordinal);

    public CompiledProfile Get(ProfileSettings settings, bool relaxed, BarrierOverlay overlay)
    {
        // The record's own equality compares lists by reference; the JSON text compares them by value.
        string key = (relaxed ? "relaxed:" : "strict:") + overlay.Version + ":" + JsonSerializer.Serialize(settings);
        if (_profiles.TryGetValue(key, out var profile))
        {
            return profile;
        }
        if (_profiles.Count >= Capacity)
        {
            _profiles.Clear();
        }
        return _profiles.GetOrAdd(key, _ => CompiledProfile.Compile(graph, settings, relaxed, overlay));
    }

    public void Clear() => _profiles.Clear();
}
