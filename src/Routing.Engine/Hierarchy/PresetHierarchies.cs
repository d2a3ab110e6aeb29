using System.Diagnostics;
using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Graph;

namespace Routing.Engine.Hierarchy;

/// <summary>
/// Keeps the preset profiles (strict, and relaxed for explanations) customized on the graph's contraction hierarchy
/// for the barrier overlay in force, and also settings that earn it: a profile compiled from the same settings
/// <see cref="CompiledProfileCache.PopularUses"/> times (a preset with a user's own limit, sent by an app on every
/// request), up to <see cref="MaxEarned"/> of them. The hierarchy is ordered and contracted in the background when
/// the router is made; each new overlay is customized in the background too. Until a customization is ready,
/// requests compile their profile as before and search it with ALT: a barrier report reaches routes at once, and the
/// hierarchy takes over when it has caught up (benchmarks/README.md gives the times). Customized profiles are pinned
/// in the router's profile cache, so they are what a request with those settings gets; when overlays follow each
/// other faster than customization, only the newest is customized. A round that follows another at once (a burst of
/// barrier writes) first waits as long as the round before took: meanwhile the changes gather into one round and the
/// cores serve requests, so a burst gives customization at most half the machine, and the newest overlay is still
/// customized within two rounds' time of its arrival.
/// </summary>
internal sealed class PresetHierarchies
{
    /// <summary>Settings beyond the presets that may have a customization (strict only): each costs about 30 bytes per shortcut.</summary>
    public const int MaxEarned = 8;

    private readonly RoutingGraph _graph;
    private readonly CompiledProfileCache _cache;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<ContractionHierarchy> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // What to keep customized: the presets first, then earned settings; strict and relaxed each.
    private readonly List<ProfileSettings> _customized;
    private readonly int _presetCount;
    private BarrierOverlay _wanted;
    private bool _running;
    private bool _settingsAdded;

    public PresetHierarchies(RoutingGraph graph, IReadOnlyList<ProfileSettings> presets, CompiledProfileCache cache, BarrierOverlay overlay)
    {
        _graph = graph;
        _cache = cache;
        _customized = [.. presets];
        _presetCount = presets.Count;
        _wanted = overlay;
        _running = true;
        cache.Popular = Earn;
        _ = Task.Run(BuildAndCustomizeAsync);
    }

    /// <summary>Completes with the hierarchy once it is built and the presets are customized for the first overlay.</summary>
    public Task<ContractionHierarchy> Ready => _ready.Task;

    /// <summary>How long the last round of customizing every preset took (zero before the first).</summary>
    public TimeSpan LastCustomizationTime { get; private set; }

    private BarrierOverlay? _customizedOverlay;

    /// <summary>The overlay whose customization is in force, null before the first (written by the background round, read by requests).</summary>
    public BarrierOverlay? CustomizedOverlay => Volatile.Read(ref _customizedOverlay);

    /// <summary>How many settings beyond the presets have earned a customization.</summary>
    public int EarnedCount
    {
        get
        {
            lock (_gate)
            {
                return _customized.Count - _presetCount;
            }
        }
    }

    /// <summary>Customizes for <paramref name="overlay"/> in the background (after any round already running).</summary>
    public void OverlayChanged(BarrierOverlay overlay)
    {
        lock (_gate)
        {
            _wanted = overlay;
        }
        StartRound(); // ends at once when only pending reports changed: the cost version is the one customized
    }

    /// <summary>Settings whose profile the cache handed out often: customize them too, while there is room.</summary>
    private void Earn(CompiledProfile profile)
    {
        lock (_gate)
        {
            var settings = profile.Settings;
            if (_customized.Count - _presetCount >= MaxEarned || _customized.Any(s => CompiledProfileCache.SameSettings(s, settings)))
            {
                return;
            }
            _customized.Add(settings);
            _settingsAdded = true;
        }
        StartRound();
    }

    private void StartRound()
    {
        lock (_gate)
        {
            if (_running || !_ready.Task.IsCompletedSuccessfully)
            {
                return; // the running round (or the first build) picks the change up when it ends
            }
            _running = true;
        }
        _ = Task.Run(() => CustomizeUntilCurrentAsync(_ready.Task.Result));
    }

    private async Task BuildAndCustomizeAsync()
    {
        ContractionHierarchy topology;
        try
        {
            topology = ContractionHierarchy.Build(_graph);
            await CustomizeUntilCurrentAsync(topology);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Routes stay exact with ALT; the router reports the failure through Ready.
            lock (_gate)
            {
                _running = false;
            }
            _ready.TrySetException(ex);
            return;
        }
        _ready.TrySetResult(topology);
    }

    private async Task CustomizeUntilCurrentAsync(ContractionHierarchy topology)
    {
        var roundBefore = TimeSpan.Zero;
        while (true)
        {
            lock (_gate)
            {
                if (_wanted.CostVersion == _customizedOverlay?.CostVersion && !_settingsAdded)
                {
                    _running = false;
                    return;
                }
            }
            if (roundBefore > TimeSpan.Zero)
            {
                await Task.Delay(roundBefore).ConfigureAwait(false);
            }
            BarrierOverlay overlay;
            ProfileSettings[] settings;
            lock (_gate)
            {
                overlay = _wanted;
                settings = [.. _customized];
                _settingsAdded = false;
            }
            var clock = Stopwatch.StartNew();
            // Presets strict and relaxed (refusals are explained with the relaxed one); earned settings strict only, as
            // their refusals are rarer and each customization costs memory. Both cores: the profiles are independent,
            // and a report should leave ALT behind soon.
            var profiles = settings.SelectMany((s, i) => i < _presetCount
                ? new[] { (Settings: s, Relaxed: false), (Settings: s, Relaxed: true) }
                : [(Settings: s, Relaxed: false)]);
            Parallel.ForEach(profiles, item =>
            {
                var profile = _cache.Pin(item.Settings, item.Relaxed, overlay);
                if (profile.Hierarchy is null)
                {
                    profile.UseHierarchy(topology);
                }
            });
            _cache.UnpinAllBut(overlay);
            LastCustomizationTime = roundBefore = clock.Elapsed;
            Volatile.Write(ref _customizedOverlay, overlay);
        }
    }
}

/// <summary>What the router's contraction hierarchy costs: its size, the time to order and contract it, and to customize the presets.</summary>
public sealed record HierarchySummary(int ShortcutCount, TimeSpan BuildTime, TimeSpan PresetCustomizationTime);
