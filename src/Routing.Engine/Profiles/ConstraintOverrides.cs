using Routing.Graph.Facts;

namespace Routing.Engine.Profiles;

/// <summary>One request's changes to its profile; a null member keeps the preset's value.</summary>
public sealed record ConstraintOverrides
{
    private static readonly ConstraintOverrides None = new();

    public double? MaxInclineUpPct { get; init; }
    public double? MaxInclineDownPct { get; init; }
    public int? MaxKerbCm { get; init; }
    public int? MinWidthCm { get; init; }
    public IReadOnlyList<string>? AvoidSurfaces { get; init; }
    public string? MinSmoothness { get; init; }
    public StepsPolicy? Steps { get; init; }
    public UnknownPolicy? Unknown { get; init; }
    public DerivedInclinePolicy? DerivedIncline { get; init; }
    public double? SpeedMps { get; init; }
    public double? MaxClimbM { get; init; }

    /// <summary>Every value out of range, as (constraint name, problem); empty when the overrides can be applied.</summary>
    public IReadOnlyList<(string Constraint, string Problem)> Validate()
    {
        var problems = new List<(string, string)>();
        void Range(string name, double? value, double min, double max, string unit)
        {
            if (value is { } v && (double.IsNaN(v) || v < min || v > max))
            {
                problems.Add((name, $"must be between {min} and {max} {unit}, was {v}"));
            }
        }
        Range("max_incline_up_pct", MaxInclineUpPct, 0.5, 100, "%");
        Range("max_incline_down_pct", MaxInclineDownPct, 0.5, 100, "%");
        Range("max_kerb_cm", MaxKerbCm, 0, 50, "cm");
        Range("min_width_cm", MinWidthCm, 0, 500, "cm");
        Range("speed_mps", SpeedMps, 0.1, 5, "m/s");
        Range("max_climb_m", MaxClimbM, 0, 5000, "m");
        foreach (string surface in AvoidSurfaces ?? [])
        {
            if (!FactNames.TryParseSurface(surface, out var kind) || kind == SurfaceKind.Unknown)
            {
                problems.Add(("avoid_surfaces", $"'{surface}' is not an OSM surface value; use one of {string.Join(", ", FactNames.SurfaceValues)}"));
            }
        }
        if (MinSmoothness is { } smoothness && (!FactNames.TryParseSmoothness(smoothness, out var s) || s == Smoothness.Unknown))
        {
            problems.Add(("min_smoothness", $"'{smoothness}' is not an OSM smoothness value; use one of {string.Join(", ", FactNames.SmoothnessValues)}"));
        }
        return problems;
    }

    /// <summary>
    /// The preset with these changes; the preset itself when there are none, so that the many requests that just name
    /// a preset find its compiled profile by reference (<see cref="CompiledProfileCache"/>).
    /// </summary>
    public ProfileSettings ApplyTo(ProfileSettings preset) => this == None ? preset : preset with
    {
        MaxInclineUpPct = MaxInclineUpPct ?? preset.MaxInclineUpPct,
        MaxInclineDownPct = MaxInclineDownPct ?? preset.MaxInclineDownPct,
        MaxKerbCm = MaxKerbCm ?? preset.MaxKerbCm,
        MinWidthCm = MinWidthCm ?? preset.MinWidthCm,
        AvoidSurfaces = AvoidSurfaces ?? preset.AvoidSurfaces,
        MinSmoothness = MinSmoothness ?? preset.MinSmoothness,
        Steps = Steps ?? preset.Steps,
        Unknown = Unknown ?? preset.Unknown,
        DerivedIncline = DerivedIncline ?? preset.DerivedIncline,
        SpeedMps = SpeedMps ?? preset.SpeedMps,
        MaxClimbM = MaxClimbM ?? preset.MaxClimbM,
    };
}
