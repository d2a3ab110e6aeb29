using System.Text.Json.Serialization;
using Routing.Texts;

namespace Routing.Engine.Profiles;

/// <summary>One request's changes to its profile; a null member keeps the preset's value. Each member is a row of <see cref="ConstraintTable"/>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)] // a misspelt constraint in a body is refused, never ignored
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

    /// <summary>Every value out of range, as (constraint name, problem to be written in the answer's language), row by row of <see cref="ConstraintTable"/>; empty when the overrides can be applied.</summary>
    public IReadOnlyList<(string Constraint, Phrase Problem)> Validate()
    {
        if (this == None)
        {
            return []; // most requests change nothing: no row to ask
        }
        var problems = new List<(string Constraint, Phrase Problem)>();
        foreach (var row in ConstraintTable.Rows)
        {
            row.AddProblems(this, problems);
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
