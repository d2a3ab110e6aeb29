using System.Globalization;
using System.Text.Json;
using Routing.Graph.Facts;
using Routing.Texts;

namespace Routing.Engine.Profiles;

/// <summary>What kind of value a constraint takes, which says how it is read from text and JSON and how it is checked.</summary>
public enum ConstraintKind
{
    /// <summary>A decimal number within a range.</summary>
    Number,
    /// <summary>A whole number within a range.</summary>
    WholeNumber,
    /// <summary>One of a few names.</summary>
    Choice,
    /// <summary>A list of OSM <c>surface</c> values.</summary>
    Surfaces,
    /// <summary>One OSM <c>smoothness</c> value.</summary>
    Smoothness,
}

/// <summary>
/// One limit a request may change: its name in the API, its unit and range, the names it accepts, its text in each
/// language, the openrouteservice restriction that sets it, and how it reads and sets its value in
/// <see cref="ConstraintOverrides"/>. Everything at the edge (query and body readers, validation and its messages,
/// the OpenAPI schema, the README table, the ORS mapping, <c>GET /v1/profiles</c> and the app's form) comes from
/// these rows; the rule that applies a limit lives in <see cref="ProfileRules"/>.
/// </summary>
public sealed class ConstraintRow
{
    /// <summary>The field's name in requests, answers and queries, e.g. <c>max_incline_up_pct</c>.</summary>
    public required string Name { get; init; }

    public required ConstraintKind Kind { get; init; }

    /// <summary>The unit as range messages write it (<c>%</c>, <c>cm</c>, <c>m/s</c>, <c>m</c>); empty for names.</summary>
    public string Unit { get; init; } = "";

    /// <summary>The unit as type messages write it: its key in the translation files' <c>field_error.unit</c> (<c>percent</c>, <c>cm</c>, <c>mps</c>, <c>metres</c>).</summary>
    public string UnitWord { get; init; } = "";

    public double Min { get; init; }

    public double Max { get; init; }

    /// <summary>The step a form offers between values (a hint for people; any value in range is accepted).</summary>
    public double Step { get; init; }

    /// <summary>The names a <see cref="ConstraintKind.Choice"/> accepts, in the order a form lists them.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>What it does, in English, for the API reference and the README.</summary>
    public required string Description { get; init; }

    /// <summary>The form's label per language code, from the translation files' "constraint" section (key: the name).</summary>
    public IReadOnlyDictionary<string, string> Label =>
        Translations.All.ToDictionary(l => l.Code, l => l.Get("constraint." + Name), StringComparer.Ordinal);

    /// <summary>Each choice's words per language: language → choice → text (keys "name.choice").</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ChoiceLabels =>
        Translations.All.ToDictionary(l => l.Code,
            l => (IReadOnlyDictionary<string, string>)Choices.ToDictionary(c => c, c => l.Get($"constraint.{Name}.{c}"), StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>The openrouteservice wheelchair restriction that sets it, or null when ORS has none.</summary>
    public string? OrsName { get; init; }

    internal Func<ConstraintOverrides, object?> Requested { get; init; } = _ => null;

    internal Func<ConstraintOverrides, object, ConstraintOverrides> With { get; init; } = (o, _) => o;

    /// <summary>What a value of the wrong JSON type is told: what it must be.</summary>
    public Phrase TypeMessage => Kind switch
    {
        ConstraintKind.Number => Phrase.FieldError("must_be_number_in", Phrase.FieldError("unit." + UnitWord)),
        ConstraintKind.WholeNumber => Phrase.FieldError("must_be_whole_number_in", Phrase.FieldError("unit." + UnitWord)),
        ConstraintKind.Choice => Phrase.FieldError("must_be_one_of", string.Join(", ", Choices)),
        ConstraintKind.Surfaces => Phrase.FieldError("must_be_surface_list"),
        _ => Phrase.FieldError("must_be_smoothness_string"),
    };

    /// <summary>A message of the translation files' <c>field_error</c> section, which every door's field errors share.</summary>

    /// <summary>Adds to <paramref name="problems"/> what is wrong with the value <paramref name="overrides"/> carries for this row (nothing when it is absent or fine).</summary>
    internal void AddProblems(ConstraintOverrides overrides, List<(string Constraint, Phrase Problem)> problems)
    {
        switch (Requested(overrides))
        {
            case double number when double.IsNaN(number) || number < Min || number > Max:
                problems.Add((Name, Phrase.FieldError("out_of_range", Min, Max, Unit, number)));
                break;
            case int whole when whole < Min || whole > Max:
                problems.Add((Name, Phrase.FieldError("out_of_range", Min, Max, Unit, whole)));
                break;
            case IReadOnlyList<string> surfaces:
                foreach (string surface in surfaces)
                {
                    if (string.IsNullOrWhiteSpace(surface))
                    {
                        problems.Add((Name, Phrase.FieldError("no_empty_values")));
                    }
                    else if (!FactNames.TryParseSurface(surface, out var kind) || kind == SurfaceKind.Unknown)
                    {
                        problems.Add((Name, Phrase.FieldError("not_surface", surface, string.Join(", ", FactNames.SurfaceValues))));
                    }
                }
                break;
            case string smoothness when Kind == ConstraintKind.Smoothness && !IsSmoothness(smoothness):
                problems.Add((Name, Phrase.FieldError("not_smoothness", smoothness, string.Join(", ", FactNames.SmoothnessValues))));
                break;
        }
    }

    private static bool IsSmoothness(string text) => FactNames.TryParseSmoothness(text, out var smoothness) && smoothness != Graph.Facts.Smoothness.Unknown;

    /// <summary>
    /// The overrides with this row's value read from query text (<c>avoid_surfaces</c> comma-separated), or the same
    /// overrides and the message when the text is not of the row's kind.
    /// </summary>
    public (ConstraintOverrides Overrides, Phrase? Problem) Read(ConstraintOverrides overrides, string text)
    {
        switch (Kind)
        {
            case ConstraintKind.Number:
                return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                        CultureInfo.InvariantCulture, out double number) && double.IsFinite(number)
                    ? (With(overrides, number), null)
                    : (overrides, Phrase.FieldError("must_be_number_was", text));
            case ConstraintKind.WholeNumber:
                return int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int whole)
                    ? (With(overrides, whole), null)
                    : (overrides, Phrase.FieldError("must_be_whole_number_was", text));
            case ConstraintKind.Choice:
                foreach (string choice in Choices)
                {
                    if (string.Equals(choice, text.Trim(), StringComparison.OrdinalIgnoreCase))
                    {
                        return (With(overrides, choice), null);
                    }
                }
                return (overrides, Phrase.FieldError("not_supported", text, string.Join(", ", Choices)));
            case ConstraintKind.Surfaces:
                return (With(overrides, text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)), null);
            default:
                return (With(overrides, text), null);
        }
    }
}

/// <summary>The rows, one per limit a request may change, in the order forms and tables list them.</summary>
public static class ConstraintTable
{
    public static readonly ConstraintRow InclineUp = new()
    {
        Name = "max_incline_up_pct", Kind = ConstraintKind.Number, Unit = "%", UnitWord = "percent", Min = 0.5, Max = 100, Step = 0.5,
        Description = "Steepest uphill incline, percent (0.5..100).",
        OrsName = "maximum_incline",
        Requested = o => o.MaxInclineUpPct, With = (o, v) => o with { MaxInclineUpPct = (double)v },
    };

    public static readonly ConstraintRow InclineDown = new()
    {
        Name = "max_incline_down_pct", Kind = ConstraintKind.Number, Unit = "%", UnitWord = "percent", Min = 0.5, Max = 100, Step = 0.5,
        Description = "Steepest downhill incline, percent (0.5..100).",
        OrsName = "maximum_incline",
        Requested = o => o.MaxInclineDownPct, With = (o, v) => o with { MaxInclineDownPct = (double)v },
    };

    public static readonly ConstraintRow Kerb = new()
    {
        Name = "max_kerb_cm", Kind = ConstraintKind.WholeNumber, Unit = "cm", UnitWord = "cm", Min = 0, Max = 50, Step = 1,
        Description = "Highest kerb, cm (0..50).",
        OrsName = "maximum_sloped_kerb",
        Requested = o => o.MaxKerbCm, With = (o, v) => o with { MaxKerbCm = (int)v },
    };

    public static readonly ConstraintRow Width = new()
    {
        Name = "min_width_cm", Kind = ConstraintKind.WholeNumber, Unit = "cm", UnitWord = "cm", Min = 0, Max = 500, Step = 10,
        Description = "Narrowest passage, cm (0..500).",
        OrsName = "minimum_width",
        Requested = o => o.MinWidthCm, With = (o, v) => o with { MinWidthCm = (int)v },
    };

    public static readonly ConstraintRow Speed = new()
    {
        Name = "speed_mps", Kind = ConstraintKind.Number, Unit = "m/s", UnitWord = "mps", Min = 0.1, Max = 5, Step = 0.1,
        Description = "Speed on level, smooth ground, m/s (0.1..5).",
        Requested = o => o.SpeedMps, With = (o, v) => o with { SpeedMps = (double)v },
    };

    public static readonly ConstraintRow Climb = new()
    {
        Name = "max_climb_m", Kind = ConstraintKind.Number, Unit = "m", UnitWord = "metres", Min = 0, Max = 5000, Step = 10,
        Description = "The most the route may climb in total, metres (0..5000); a route over it is refused, naming the climb.",
        Requested = o => o.MaxClimbM, With = (o, v) => o with { MaxClimbM = (double)v },
    };

    public static readonly ConstraintRow Smoothness = new()
    {
        Name = "min_smoothness", Kind = ConstraintKind.Smoothness,
        Description = "Worst OSM smoothness value still accepted.",
        OrsName = "smoothness_type",
        Requested = o => o.MinSmoothness, With = (o, v) => o with { MinSmoothness = (string)v },
    };

    public static readonly ConstraintRow Steps = new()
    {
        Name = "steps", Kind = ConstraintKind.Choice, Choices = Names<StepsPolicy>(),
        Description = "Steps: never (they block, unless a usable ramp is tagged), avoid (only where there is no other way) or allowed.",
        Requested = o => o.Steps is { } v ? NameOf(v) : null, With = (o, v) => o with { Steps = Parse<StepsPolicy>((string)v) },
    };

    public static readonly ConstraintRow Unknown = new()
    {
        Name = "unknown", Kind = ConstraintKind.Choice, Choices = Names<UnknownPolicy>(),
        Description = "What to do with unknown facts: allow, penalize or avoid.",
        Requested = o => o.Unknown is { } v ? NameOf(v) : null, With = (o, v) => o with { Unknown = Parse<UnknownPolicy>((string)v) },
    };

    public static readonly ConstraintRow DerivedIncline = new()
    {
        Name = "derived_incline", Kind = ConstraintKind.Choice, Choices = Names<DerivedInclinePolicy>(),
        Description = "What a terrain model's estimated incline does against a slope limit: penalize (default: blocks where the model " +
            "resolves the stretch and it is at least 70 % likely beyond the limit, else costs by its chance, with a slope_risk warning " +
            "from 50 %), block (the estimate beyond the limit blocks like a tag) or ignore (never blocks; warnings only). Tagged " +
            "slopes beyond the limit always block.",
        Requested = o => o.DerivedIncline is { } v ? NameOf(v) : null,
        With = (o, v) => o with { DerivedIncline = Parse<DerivedInclinePolicy>((string)v) },
    };

    public static readonly ConstraintRow AvoidSurfaces = new()
    {
        Name = "avoid_surfaces", Kind = ConstraintKind.Surfaces,
        Description = "OSM surface values that block (replaces the preset's list; [] avoids none).",
        OrsName = "surface_type",
        Requested = o => o.AvoidSurfaces, With = (o, v) => o with { AvoidSurfaces = (IReadOnlyList<string>)v },
    };

    /// <summary>Every row, in the order of forms, tables and error messages.</summary>
    public static readonly IReadOnlyList<ConstraintRow> Rows =
        [InclineUp, InclineDown, Kerb, Width, Speed, Climb, AvoidSurfaces, Smoothness, Steps, Unknown, DerivedIncline];

    private static readonly Dictionary<string, ConstraintRow> ByName = Rows.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConstraintRow? row) =>
        ByName.TryGetValue(name, out row);

    /// <summary>
    /// Reads the constraints among <paramref name="parameters"/> (query text, by API name): every row's value, and for
    /// each malformed one its message by name. Parameters that are not constraints are the caller's.
    /// </summary>
    public static (ConstraintOverrides Overrides, IReadOnlyList<(string Name, Phrase Problem)> Problems) Read(
        IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var overrides = new ConstraintOverrides();
        var problems = new List<(string, Phrase)>();
        foreach (var (name, text) in parameters)
        {
            if (TryGet(name, out var row))
            {
                (overrides, Phrase? problem) = row.Read(overrides, text);
                if (problem is not null)
                {
                    problems.Add((name, problem));
                }
            }
        }
        return (overrides, problems);
    }

    /// <summary>The API name of an enum value: <c>DerivedInclinePolicy.Block</c> → <c>block</c>.</summary>
    public static string NameOf<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static string[] Names<TEnum>() where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(NameOf)];

    private static TEnum Parse<TEnum>(string name) where TEnum : struct, Enum => Enum.GetValues<TEnum>().Single(v => NameOf(v) == name);
}
