using System.Globalization;
using System.Text;
using System.Text.Json;
using Routing.Engine.Profiles;
using Routing.TestSupport;
using Routing.Texts;

namespace Routing.Engine.Tests.Profiles;

/// <summary>
/// The constraint table is the one place a limit is defined: each row reads its own text, checks its own range, is a
/// member of the overrides (and of their JSON), changes the preset it is applied to, and is the README's table.
/// </summary>
public sealed class ConstraintTableTests
{
    public static TheoryData<string, string, string?> Texts => new()
    {
        // row, query text, the problem (null: read)
        { "max_incline_up_pct", "4.5", null },
        { "max_incline_up_pct", "steep", "must be a number, was 'steep'" },
        { "max_incline_down_pct", "1e1", null },
        { "max_kerb_cm", "3", null },
        { "max_kerb_cm", "2.5", "must be a whole number, was '2.5'" },
        { "min_width_cm", " 90", null },
        { "speed_mps", "NaN", "must be a number, was 'NaN'" },
        { "max_climb_m", "120", null },
        { "avoid_surfaces", "gravel, sett", null },
        { "min_smoothness", "bad", null },
        { "steps", "AVOID", null },
        { "steps", "sometimes", "'sometimes' is not supported; use one of never, avoid, allowed" },
        { "unknown", "penalize", null },
        { "derived_incline", "ignore", null },
        { "derived_incline", "maybe", "'maybe' is not supported; use one of block, penalize, ignore" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_row_reads_its_own_text_or_says_what_it_must_be(string name, string text, string? expected)
    {
        var (overrides, problems) = ConstraintTable.Read([KeyValuePair.Create(name, text), KeyValuePair.Create("from", "1,2")]);

        Assert.True(ConstraintTable.TryGet(name, out var row));
        if (expected is null)
        {
            Assert.Empty(problems);
            Assert.NotNull(row.Requested(overrides));
        }
        else
        {
            Assert.Equal([(name, expected)], problems.Select(p => (p.Name, p.Problem.In(Translations.English))));
            Assert.Null(row.Requested(overrides));
        }
    }

    public static TheoryData<string, string, string> OutOfRange => new()
    {
        { "max_incline_up_pct", "0.4", "must be between 0.5 and 100 %, was 0.4" },
        { "max_incline_down_pct", "101", "must be between 0.5 and 100 %, was 101" },
        { "max_kerb_cm", "-1", "must be between 0 and 50 cm, was -1" },
        { "min_width_cm", "501", "must be between 0 and 500 cm, was 501" },
        { "speed_mps", "0", "must be between 0.1 and 5 m/s, was 0" },
        { "max_climb_m", "5001", "must be between 0 and 5000 m, was 5001" },
        { "avoid_surfaces", "gravel,lava", "'lava' is not an OSM surface value; use one of " },
        { "min_smoothness", "silky", "'silky' is not an OSM smoothness value; use one of " },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_value_out_of_range_is_named_with_the_range(string name, string text, string expectedStart)
    {
        var (overrides, problems) = ConstraintTable.Read([KeyValuePair.Create(name, text)]);
        Assert.Empty(problems);

        var (constraint, problem) = Assert.Single(overrides.Validate());

        Assert.Equal(name, constraint);
        Assert.StartsWith(expectedStart, problem.In(Translations.English), StringComparison.Ordinal);
    }

    /// <summary>A row set by its own text changes the preset it is applied to, and is the member of the overrides' JSON of its name.</summary>
    [Fact]
    public void Every_row_is_a_member_of_the_overrides_and_changes_the_preset()
    {
        Assert.True(ProfileCatalog.Default.TryGet("foot", out var foot));
        var json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        var members = typeof(ConstraintOverrides).GetProperties().Select(p => json.PropertyNamingPolicy!.ConvertName(p.Name)).Order(StringComparer.Ordinal);
        Assert.Equal(members, ConstraintTable.Rows.Select(r => r.Name).Order(StringComparer.Ordinal));

        foreach (var row in ConstraintTable.Rows)
        {
            string text = ValueUnlikeFoot(row);
            var (overrides, problems) = ConstraintTable.Read([KeyValuePair.Create(row.Name, text)]);
            Assert.Empty(problems);
            Assert.Empty(overrides.Validate());
            Assert.NotEqual(JsonSerializer.Serialize(foot, json), JsonSerializer.Serialize(overrides.ApplyTo(foot), json));
        }
    }

    /// <summary>The labels a form shows exist in every language, for the row and for each of its choices.</summary>
    [Fact]
    public void Every_row_speaks_every_language()
    {
        foreach (var row in ConstraintTable.Rows)
        {
            foreach (string language in Translations.Codes)
            {
                Assert.False(string.IsNullOrWhiteSpace(row.Label.GetValueOrDefault(language)), $"{row.Name}: no {language} label");
                foreach (string choice in row.Choices)
                {
                    Assert.True(row.ChoiceLabels.TryGetValue(language, out var words) && words.ContainsKey(choice), $"{row.Name}={choice}: no {language} words");
                }
            }
        }
    }

    /// <summary>The README's table of constraints is the table's rows, written out; on a change the message is the new table.</summary>
    [Fact]
    public void The_readme_lists_every_row_as_it_is()
    {
        var table = new StringBuilder();
        table.AppendLine("| constraint | values | openrouteservice | what it does |");
        table.AppendLine("|---|---|---|---|");
        foreach (var row in ConstraintTable.Rows)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| `{row.Name}` | {Values(row)} | {(row.OrsName is { } ors ? $"`{ors}`" : "")} | {row.Description} |");
        }
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).ReplaceLineEndings("\n");

        Assert.True(readme.Contains(table.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal),
            "README.md should hold this table (under Profiles):\n" + table);
    }

    private static string Values(ConstraintRow row) => row.Kind switch
    {
        ConstraintKind.Number => string.Create(CultureInfo.InvariantCulture, $"{row.Min}..{row.Max} {row.Unit}"),
        ConstraintKind.WholeNumber => string.Create(CultureInfo.InvariantCulture, $"whole {row.Min}..{row.Max} {row.Unit}"),
        ConstraintKind.Choice => string.Join(", ", row.Choices.Select(c => $"`{c}`")),
        ConstraintKind.Surfaces => "OSM `surface` values",
        _ => "an OSM `smoothness` value",
    };

    /// <summary>A valid value for the row that the foot preset (no limits, allowed steps) does not have.</summary>
    private static string ValueUnlikeFoot(ConstraintRow row) => row.Kind switch
    {
        ConstraintKind.Number or ConstraintKind.WholeNumber => ((int)Math.Ceiling(row.Min + 1)).ToString(CultureInfo.InvariantCulture),
        ConstraintKind.Choice => row.Choices.First(c => c is not ("allowed" or "allow" or "penalize")), // foot's steps, unknown, derived_incline
        ConstraintKind.Surfaces => "gravel",
        _ => "good",
    };
}
