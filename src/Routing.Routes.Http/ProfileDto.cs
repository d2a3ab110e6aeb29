using System.ComponentModel;
using System.Text.Json.Serialization;
using Routing.Engine.Profiles;

namespace Routing.Routes.Http;

/// <summary>A mobility profile with all its values; a null limit means "no limit".</summary>
internal sealed record ProfileDto(
    [property: Description("Preset name, used as `profile` in route requests.")] string Name,
    string Description,
    [property: Description("Moves on small wheels: surfaces, kerbs, narrow barriers and escalators matter.")] bool Wheeled,
    [property: Description("Sits in a wheelchair: explicit wheelchair=* tags and wheelchair ramps on steps apply.")] bool UsesWheelchair,
    [property: Description("Speed on level, smooth ground, m/s.")] double SpeedMps,
    [property: Description("Steepest uphill incline allowed, percent; null: no limit.")] double? MaxInclineUpPct,
    [property: Description("Steepest downhill incline allowed, percent; null: no limit.")] double? MaxInclineDownPct,
    [property: Description("Highest kerb allowed, cm; null: no limit.")] int? MaxKerbCm,
    [property: Description("Narrowest passage allowed, cm; null: no limit.")] int? MinWidthCm,
    [property: Description("OSM surface values that block.")] IReadOnlyList<string> AvoidSurfaces,
    [property: Description("Worst OSM smoothness value still accepted; null: any.")] string? MinSmoothness,
    [property: Description("never: steps block (unless a usable ramp is tagged); avoid: very costly; allowed.")]
    [property: JsonConverter(typeof(SnakeCaseEnumConverter<StepsPolicy>))] StepsPolicy Steps,
    [property: Description("What to do with facts the map does not know: allow, penalize or avoid.")]
    [property: JsonConverter(typeof(SnakeCaseEnumConverter<UnknownPolicy>))] UnknownPolicy Unknown,
    [property: Description("What an uncertain terrain slope beyond the limit does: block, penalize or ignore.")]
    [property: JsonConverter(typeof(SnakeCaseEnumConverter<DerivedInclinePolicy>))] DerivedInclinePolicy DerivedIncline,
    [property: Description("The most a route may climb in total, metres; null: no budget.")] double? MaxClimbM,
    [property: Description("Effort: a metre of climb costs as much as this many metres on the level.")] double ClimbEquivalentM,
    [property: Description("Braking: a metre of descent steeper than half the downhill limit costs as much as this many metres on the level.")] double SteepDescentEquivalentM)
{
    public static ProfileDto From(ProfileSettings p) => new(
        p.Name, p.Description, p.Wheeled, p.UsesWheelchair, p.SpeedMps, p.MaxInclineUpPct, p.MaxInclineDownPct,
        p.MaxKerbCm, p.MinWidthCm, p.AvoidSurfaces, p.MinSmoothness, p.Steps, p.Unknown, p.DerivedIncline, p.MaxClimbM, p.ClimbEquivalentM,
        p.SteepDescentEquivalentM);
}

/// <summary>The answer of <c>GET /v1/profiles</c>: the presets, and the limits a request may change in them.</summary>
internal sealed record ProfilesResponse(
    IReadOnlyList<ProfileDto> Profiles,
    [property: Description("Every limit a request may change (in `constraints`, or as query parameters of the same names), as the app's form shows it.")]
    IReadOnlyList<ConstraintDto> Constraints)
{
    public static ProfilesResponse Of(ProfileCatalog catalog) =>
        new([.. catalog.Presets.Select(ProfileDto.From)], [.. ConstraintTable.Rows.Select(ConstraintDto.From)]);
}

/// <summary>One row of the constraint table: what a form needs to offer the limit, in each language.</summary>
internal sealed record ConstraintDto(
    [property: Description("The field's name in `constraints` and in queries.")] string Name,
    [property: Description("number, whole_number, choice, surfaces (a list of OSM surface values) or smoothness (one OSM smoothness value).")] string Kind,
    [property: Description("Unit of a number: %, cm, m/s or m.")] string? Unit,
    [property: Description("Smallest value of a number.")] double? Min,
    [property: Description("Largest value of a number.")] double? Max,
    [property: Description("The step a form offers between values of a number.")] double? Step,
    [property: Description("The names a choice accepts.")] IReadOnlyList<string>? Choices,
    [property: Description("What it does (English).")] string Description,
    [property: Description("The form's label by language (en, de).")] IReadOnlyDictionary<string, string> Label,
    [property: Description("Each choice's words by language, then by choice.")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? ChoiceLabels,
    [property: Description("The openrouteservice wheelchair restriction that sets it, if any.")] string? OrsName)
{
    public static ConstraintDto From(ConstraintRow row)
    {
        bool number = row.Kind is ConstraintKind.Number or ConstraintKind.WholeNumber;
        bool choice = row.Kind == ConstraintKind.Choice;
        return new ConstraintDto(row.Name, ConstraintTable.NameOf(row.Kind), number ? row.Unit : null, number ? row.Min : null,
            number ? row.Max : null, number ? row.Step : null, choice ? row.Choices : null, row.Description, row.Label,
            choice ? row.ChoiceLabels : null, row.OrsName);
    }
}
