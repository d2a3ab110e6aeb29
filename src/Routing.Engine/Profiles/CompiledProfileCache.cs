using System.Collections.Concurrent;
using System.Text.Json;
using Routing.Graph;

namespace Routing.Engine.Profiles;

/// <summary>
/// Compiled profiles of one graph, keyed by their settings' values. Most requests use a preset or a preset with one
/// or two common changes, so compiling (about 0.1 ms) is mostly saved; a flood of distinct settings only empties
/// the cache, never grows it past <see cref="Capacity"/>.
/// </summary>
internal sealed class CompiledProfileCache(RoutingGraph graph)
{
    public const int Capacity = 256;
    private readonly ConcurrentDictionary<string, CompiledProfile> _profiles = new(StringComparer.Ordinal);

    public CompiledProfile Get(ProfileSettings settings, bool relaxed)
    {
        // The record's own equality compares lists by reference; the JSON text compares them by value.
        string key = (relaxed ? "relaxed:" : "strict:") + JsonSerializer.Serialize(settings);
        if (_profiles.TryGetValue(key, out var profile))
        {
            return profile;
        }
        if (_profiles.Count >= Capacity)
        {
            _profiles.Clear();
        }
        return _profiles.GetOrAdd(key, _ => CompiledProfile.Compile(graph, settings, relaxed));
    }
}
