using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Routing.Engine.Barriers;
using Routing.Graph;

namespace Routing.Engine.Profiles;

/// <summary>
/// Compiled profiles of one graph, keyed by their settings' values and the version of the barrier overlay they were
/// compiled with. Most requests use a preset or a preset with one or two common changes, so compiling (about 0.3 ms
/// on Heidelberg's terrain graph) is mostly saved. Settings are kept only from their second request on: a one-off
/// profile's tables (about 0.4 MB there) then die young instead of being promoted by the collector, which made a
/// request with new settings cost 1 ms more in situ (benchmarks/README.md). A flood of distinct settings only empties
/// the cache, never grows it past <see cref="Capacity"/>. When the overlay is replaced, <see cref="Clear"/> drops the
/// profiles of the old one.
/// </summary>
internal sealed class CompiledProfileCache(RoutingGraph graph)
{
    public const int Capacity = 256;

    /// <summary>After this many requests a kept profile is <see cref="Popular"/>: worth a hierarchy of its own.</summary>
    public const int PopularUses = 50;
    /// <summary>
    /// The settings as JSON, the value the cache keys them by, made once per settings object: the presets (which most
    /// requests use unchanged) are written once, not on every request.
    /// </summary>
    private static readonly ConditionalWeakTable<ProfileSettings, string> SettingsText = new();

    private readonly ConcurrentDictionary<ProfileKey, CompiledProfile> _profiles = new();
    private readonly ConcurrentDictionary<ProfileKey, bool> _seenOnce = new();
    // Profiles that carry a customized hierarchy (the presets): never dropped for capacity, only for a newer overlay.
    private readonly ConcurrentDictionary<ProfileKey, CompiledProfile> _pinned = new();

    /// <summary>Told (once per profile) when a kept strict profile has been handed out <see cref="PopularUses"/> times.</summary>
    public Action<CompiledProfile>? Popular { get; set; }

    public CompiledProfile Get(ProfileSettings settings, bool relaxed, BarrierOverlay overlay)
    {
        var key = new ProfileKey(relaxed, overlay.CostVersion, TextOf(settings));
        if (_pinned.TryGetValue(key, out var profile))
        {
            return profile;
        }
        if (_profiles.TryGetValue(key, out profile))
        {
            if (!relaxed && profile.CountUse() == PopularUses)
            {
                Popular?.Invoke(profile);
            }
            return profile;
        }
        if (_seenOnce.TryAdd(key, true))
        {
            if (_seenOnce.Count > Capacity)
            {
                _seenOnce.Clear();
            }
            return CompiledProfile.Compile(graph, settings, relaxed, overlay);
        }
        if (_profiles.Count >= Capacity)
        {
            _profiles.Clear();
        }
        return _profiles.GetOrAdd(key, _ => CompiledProfile.Compile(graph, settings, relaxed, overlay));
    }

    /// <summary>Compiles (or finds) the profile and keeps it until <see cref="UnpinAllBut"/> is called with another overlay.</summary>
    public CompiledProfile Pin(ProfileSettings settings, bool relaxed, BarrierOverlay overlay)
    {
        var key = new ProfileKey(relaxed, overlay.CostVersion, TextOf(settings));
        return _pinned.GetOrAdd(key, _ => _profiles.TryGetValue(key, out var compiled) ? compiled : CompiledProfile.Compile(graph, settings, relaxed, overlay));
    }

    /// <summary>Lets go of the pinned profiles of every overlay but <paramref name="overlay"/>.</summary>
    public void UnpinAllBut(BarrierOverlay overlay)
    {
        foreach (var (key, profile) in _pinned)
        {
            if (profile.Overlay.CostVersion != overlay.CostVersion)
            {
                _pinned.TryRemove(key, out _);
            }
        }
    }

    /// <summary>The record's own equality compares lists by reference; the JSON text compares them by value.</summary>
    private static string TextOf(ProfileSettings settings) => SettingsText.GetValue(settings, static s => JsonSerializer.Serialize(s));

    /// <summary>Whether two settings give the same profile (by value, as the cache keys them).</summary>
    public static bool SameSettings(ProfileSettings a, ProfileSettings b) => ReferenceEquals(a, b) || TextOf(a) == TextOf(b);

    private readonly record struct ProfileKey(bool Relaxed, long OverlayCostVersion, string Settings);

    /// <summary>How many compiled profiles are kept (for tests).</summary>
    internal int Count => _profiles.Count;

    public void Clear()
    {
        _profiles.Clear();
        _seenOnce.Clear();
    }
}
