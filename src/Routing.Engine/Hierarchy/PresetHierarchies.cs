using System.Diagnostics;
using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Graph;

namespace Routing.Engine.Hierarchy;

/// <summary>
/// Keeps the preset profiles (strict, and relaxed for explanations) customized on the graph's contraction hierarchy
/// for the barrier overlay in force. The hierarchy is ordered and contracted in the background when the router is made;
/// each new overlay is customized in the background too. Until a customization is ready, requests compile their
/// profile as before and search it with ALT: a barrier report reaches routes at once, and the hierarchy takes over
/// when it has caught up (benchmarks/README.md gives the times). Customized profiles are pinned in the router's
/// profile cache, so they are what a preset request gets; when overlays follow each other faster than customization,
/// only the newest is customized.
/// </summary>
internal sealed class PresetHierarchies
{
    private readonly RoutingGraph _graph;
    private readonly IReadOnlyList<ProfileSettings> _presets;
    private readonly CompiledProfileCache _cache;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<ContractionHierarchy> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private BarrierOverlay _wanted;
    private bool _running;

    public PresetHierarchies(RoutingGraph graph, IReadOnlyList<ProfileSettings> presets, CompiledProfileCache cache, BarrierOverlay overlay)
    {
        _graph = graph;
        _presets = presets;
        _cache = cache;
        _wanted = overlay;
        _running = true;
        _ = Task.Run(BuildAndCustomize);
    }

    /// <summary>Completes with the hierarchy once it is built and the presets are customized for the first overlay.</summary>
    public Task<ContractionHierarchy> Ready => _ready.Task;

    /// <summary>How long the last round of customizing every preset took (zero before the first).</summary>
    public TimeSpan LastCustomizationTime { get; private set; }

    /// <summary>The overlay whose customization is in force, null before the first.</summary>
    public BarrierOverlay? CustomizedOverlay { get; private set; }

    /// <summary>Customizes the presets for <paramref name="overlay"/> in the background (after any round already running).</summary>
    public void OverlayChanged(BarrierOverlay overlay)
    {
        lock (_gate)
        {
            _wanted = overlay;
            if (_running || !_ready.Task.IsCompletedSuccessfully)
            {
                return; // the running round picks the newest overlay up when it ends
            }
            _running = true;
        }
        _ = Task.Run(() => CustomizeUntilCurrent(_ready.Task.Result));
    }

    private void BuildAndCustomize()
    {
        ContractionHierarchy topology;
        try
        {
            topology = ContractionHierarchy.Build(_graph);
            CustomizeUntilCurrent(topology);
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

    private void CustomizeUntilCurrent(ContractionHierarchy topology)
    {
        while (true)
        {
            BarrierOverlay overlay;
            lock (_gate)
            {
                overlay = _wanted;
                if (ReferenceEquals(overlay, CustomizedOverlay))
                {
                    _running = false;
                    return;
                }
            }
            var clock = Stopwatch.StartNew();
            foreach (var preset in _presets)
            {
                foreach (bool relaxed in (ReadOnlySpan<bool>)[false, true])
                {
                    _cache.Pin(preset, relaxed, overlay).UseHierarchy(topology);
                }
            }
            _cache.UnpinAllBut(overlay);
            LastCustomizationTime = clock.Elapsed;
            CustomizedOverlay = overlay;
        }
    }
}

/// <summary>What the router's contraction hierarchy costs: its size, the time to order and contract it, and to customize the presets.</summary>
public sealed record HierarchySummary(int ShortcutCount, TimeSpan BuildTime, TimeSpan PresetCustomizationTime);
