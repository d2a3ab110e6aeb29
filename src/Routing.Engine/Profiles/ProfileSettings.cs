namespace Routing.Engine.Profiles;

public enum StepsPolicy
{
    /// <summary>Steps block (unless a usable ramp is tagged).</summary>
    Never,
    /// <summary>Steps cost a lot of time and effort, but can be taken when there is no other way.</summary>
    Avoid,
    Allowed,
}

/// <summary>What to do with a fact that the map does not know (ACCESSIBILITY.md, "Unknown data").</summary>
public enum UnknownPolicy
{
    /// <summary>Treat unknown as fine.</summary>
    Allow,
    /// <summary>A moderate cost for every unknown fact.</summary>
    Penalize,
    /// <summary>A heavy cost: unknown stretches are used only where no known alternative exists.</summary>
    Avoid,
}

/// <summary>
/// What a terrain model's estimated incline does against a limit (see <see cref="ProfileRules.Incline"/>). Tagged
/// inclines are facts: beyond the limit they block under every policy.
/// </summary>
public enum DerivedInclinePolicy
{
    /// <summary>The estimate counts like a measurement: beyond the limit it blocks, whatever its chance.</summary>
    Block,
    /// <summary>
    /// Blocks where the model resolves the stretch and it is very likely beyond the limit; elsewhere the cost is the
    /// expected cost given the chance, and a <c>slope_risk</c> warning names a material chance.
    /// </summary>
    Penalize,
    /// <summary>Never blocks and costs as if at most at the limit; warnings still name the chance: for users who would rather try.</summary>
    Ignore,
}

/// <summary>
/// A mobility profile's values: a preset from <c>presets.json</c>, possibly changed by one request's constraints.
/// Limits are hard: beyond them a way is blocked. Below each limit a comfort zone (from half the limit for slopes and
/// kerbs, up to a third more than the minimum for width) makes cost rise smoothly instead of jumping.
/// A null limit means "no limit".
/// </summary>
public sealed record ProfileSettings
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    /// <summary>Moves on small wheels: surfaces, kerbs, narrow barriers and escalators matter.</summary>
    public required bool Wheeled { get; init; }
    /// <summary>Sits in a wheelchair: explicit <c>wheelchair=*</c> tags and wheelchair ramps on steps apply.</summary>
    public required bool UsesWheelchair { get; init; }
    public required double SpeedMps { get; init; }
    public double? MaxInclineUpPct { get; init; }
    public double? MaxInclineDownPct { get; init; }
    public int? MaxKerbCm { get; init; }
    public int? MinWidthCm { get; init; }
    /// <summary>OSM <c>surface</c> values that block.</summary>
    public IReadOnlyList<string> AvoidSurfaces { get; init; } = [];
    /// <summary>The worst OSM <c>smoothness</c> value still accepted.</summary>
    public string? MinSmoothness { get; init; }
    public StepsPolicy Steps { get; init; }
    /// <summary>
    /// Effort beyond time: a metre of climb costs as much as this many metres on the level. The speed model charges the
    /// time a slope takes, but not the work, and a slope read beyond the limit is timed as if at the limit: without this
    /// a long climb over the hills could beat a short level route. Per preset, with its source in <c>presets.json</c>.
    /// </summary>
    public double ClimbEquivalentM { get; init; }
    /// <summary>
    /// Braking effort: a metre of descent on a stretch steeper than half the downhill limit costs as much as this many
    /// metres on the level (manual chairs hold back the whole weight with their hands).
    /// </summary>
    public double SteepDescentEquivalentM { get; init; }
    /// <summary>
    /// The most a route may climb in total, metres (its <c>ascent_m</c>); null for no budget. A route over it is refused,
    /// naming the climb, unless a route with less climb keeps within it.
    /// </summary>
    public double? MaxClimbM { get; init; }
    public UnknownPolicy Unknown { get; init; }
    public DerivedInclinePolicy DerivedIncline { get; init; } = DerivedInclinePolicy.Penalize;
}
