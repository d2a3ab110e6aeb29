using System.Globalization;
using System.Text.RegularExpressions;
using Routing.Graph.Facts;

namespace Routing.Osm.Tags;

/// <summary>
/// Parsers for single OSM tag values. None of them throws: a value they cannot read gives null (or the enum's
/// catch-all member where the doc says so), because unknown data must stay visibly unknown, never become "fine".
/// Values are matched as tagged: OSM values are lower case by convention and a different spelling is a different value.
/// </summary>
public static partial class TagValues
{
    private const double CmPerMetre = 100;
    private const double CmPerFoot = 30.48;
    private const double CmPerInch = 2.54;

    /// <summary>Nothing walkable is wider than half a kilometre; larger numbers are typos (often centimetres written without a unit).</summary>
    private const int MaxPlausibleWidthCm = 50_000;

    /// <summary>Raised kerbs at bus stops reach about 30 cm; beyond half a metre the "kerb" is a wall or a step.</summary>
    private const int MaxPlausibleKerbHeightCm = 50;

    /// <summary>100 % (45°) is steeper than any way anybody walks; larger values are typos.</summary>
    private const int MaxPlausibleInclinePermille = 1000;

    private const int PermillePerPercent = 10;

    /// <summary>No building has a hundred floors between two of its levels; a wider range is a typo.</summary>
    private const int MaxLevelsInRange = 100;

    /// <summary>A decimal number (point or comma, the usual European slip) with an optional metric or foot unit.</summary>
    [GeneratedRegex(@"^(?<number>\d+(?:[.,]\d+)?)\s*(?<unit>m|cm|mm|ft)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberWithUnit();

    /// <summary>The OSM wiki's imperial notation: <c>5'</c>, <c>5'6"</c>, <c>6"</c> (inches also as two apostrophes).</summary>
    [GeneratedRegex(@"^(?:(?<feet>\d+(?:\.\d+)?)\s*')?\s*(?:(?<inches>\d+(?:\.\d+)?)\s*(?:""|''))?$", RegexOptions.CultureInvariant)]
    private static partial Regex FeetAndInches();

    /// <summary>A signed incline: <c>8%</c>, <c>-8 %</c>, <c>8</c> (percent, the OSM default), <c>5°</c>.</summary>
    [GeneratedRegex(@"^(?<sign>[+-])?\s*(?<number>\d+(?:[.,]\d+)?)\s*(?<unit>%|°)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SignedIncline();

    /// <summary>
    /// <c>width</c>, <c>est_width</c>, <c>maxwidth</c>: metres unless a unit is given (OSM wiki, Key:width), also cm, mm,
    /// ft and feet/inches (<c>5'6"</c>). Null for unparsable values, zero and widths over 500 m.
    /// </summary>
    public static int? ParseWidthCm(string value) =>
        ParseLengthCm(value, static bareNumber => bareNumber * CmPerMetre) is { } cm
            && Math.Round(cm, MidpointRounding.AwayFromZero) is var roundedCm and >= 1 and <= MaxPlausibleWidthCm
            ? (int)roundedCm
            : null;

    /// <summary>
    /// <c>kerb:height</c>: metres unless a unit is given (OSM wiki, Key:kerb:height), so <c>0.03</c> is 3 cm. A bare number
    /// of 1 or more is read as centimetres, because a kerb of a metre or more is absurd while <c>kerb:height=3</c> meaning
    /// 3 cm is a common slip. Null for unparsable values and heights over 50 cm.
    /// </summary>
    public static int? ParseKerbHeightCm(string value) =>
        ParseLengthCm(value, static bareNumber => bareNumber >= 1 ? bareNumber : bareNumber * CmPerMetre) is { } cm
            && Math.Round(cm, MidpointRounding.AwayFromZero) is var roundedCm and <= MaxPlausibleKerbHeightCm
            ? (int)roundedCm
            : null;

    /// <summary>One entry of a <c>level</c> list: a level (<c>-1</c>, <c>1.5</c>) or a range of them (<c>0-3</c>, <c>-2--1</c>).</summary>
    [GeneratedRegex(@"^(?<from>-?\d+(?:\.\d+)?)(?:\s*-\s*(?<to>-?\d+(?:\.\d+)?))?$", RegexOptions.CultureInvariant)]
    private static partial Regex LevelOrRange();

    /// <summary>
    /// <c>level</c> (OSM wiki, Key:level): levels separated by <c>;</c>, each a number (0 the ground floor, negative below,
    /// fractions for split levels) or a range <c>a-b</c>, which stands for every whole level from a to b. Ascending, each
    /// once; empty when nothing reads as a level (a name belongs in <c>level:ref</c>, which says nothing to compare).
    /// </summary>
    public static float[] ParseLevels(string value)
    {
        var levels = new SortedSet<float>();
        foreach (string part in value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            Match match = LevelOrRange().Match(part);
            if (!match.Success)
            {
                continue;
            }
            double from = double.Parse(match.Groups["from"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (!match.Groups["to"].Success)
            {
                levels.Add((float)from);
                continue;
            }
            double to = double.Parse(match.Groups["to"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            (double low, double high) = from <= to ? (from, to) : (to, from);
            if (high - low > MaxLevelsInRange)
            {
                continue;
            }
            levels.Add((float)low);
            for (double level = Math.Floor(low) + 1; level < high; level++)
            {
                levels.Add((float)level);
            }
            levels.Add((float)high);
        }
        return [.. levels];
    }

    /// <summary>
    /// <c>incline</c>: percent (<c>8%</c>, bare <c>8</c>), degrees (<c>5°</c>, converted through the tangent), or
    /// <c>up</c>/<c>down</c> (direction known, value not), signed in the way's direction (OSM wiki, Key:incline).
    /// Null for words like <c>steep</c> and for slopes beyond 100 %.
    /// </summary>
    public static (InclineKind Kind, short Permille)? ParseIncline(string value)
    {
        switch (value)
        {
            case "up":
                return (InclineKind.UpNoValue, 0);
            case "down":
                return (InclineKind.DownNoValue, 0);
        }
        Match match = SignedIncline().Match(value.Trim());
        if (!match.Success)
        {
            return null;
        }
        double number = ParseNumber(match.Groups["number"].Value);
        double permille = match.Groups["unit"].Value == "°"
            ? Math.Tan(number * Math.PI / 180) * 1000
            : number * PermillePerPercent;
        double rounded = Math.Round(permille, MidpointRounding.AwayFromZero);
        if (rounded > MaxPlausibleInclinePermille)
        {
            return null;
        }
        return (InclineKind.Value, (short)(match.Groups["sign"].Value == "-" ? -rounded : rounded));
    }

    /// <summary>
    /// <c>surface</c>, kept as the tagged material (ACCESSIBILITY.md lists the groups). Variants name their base material:
    /// <c>cobblestone:flattened</c> is sett, <c>concrete:lanes</c> concrete, <c>metal_grid</c> metal, <c>chipseal</c> a
    /// paved surface, <c>bricks</c> paving. Any other value is <see cref="SurfaceKind.Other"/>: tagged, but not understood.
    /// </summary>
    public static SurfaceKind ParseSurface(string value) => value switch
    {
        "asphalt" => SurfaceKind.Asphalt,
        "concrete" or "concrete:lanes" => SurfaceKind.Concrete,
        "concrete:plates" => SurfaceKind.ConcretePlates,
        "paving_stones" or "bricks" => SurfaceKind.PavingStones,
        "paved" or "chipseal" => SurfaceKind.Paved,
        "sett" or "cobblestone:flattened" => SurfaceKind.Sett,
        "compacted" => SurfaceKind.Compacted,
        "fine_gravel" => SurfaceKind.FineGravel,
        "metal" or "metal_grid" => SurfaceKind.Metal,
        "wood" => SurfaceKind.Wood,
        "rubber" => SurfaceKind.Rubber,
        "tartan" => SurfaceKind.Tartan,
        "cobblestone" => SurfaceKind.Cobblestone,
        "unhewn_cobblestone" => SurfaceKind.UnhewnCobblestone,
        "gravel" => SurfaceKind.Gravel,
        "pebblestone" => SurfaceKind.Pebblestone,
        "grass_paver" => SurfaceKind.GrassPaver,
        "unpaved" => SurfaceKind.Unpaved,
        "grass" => SurfaceKind.Grass,
        "dirt" => SurfaceKind.Dirt,
        "earth" => SurfaceKind.Earth,
        "mud" => SurfaceKind.Mud,
        "sand" => SurfaceKind.Sand,
        "ground" => SurfaceKind.Ground,
        "woodchips" => SurfaceKind.Woodchips,
        "rock" => SurfaceKind.Rock,
        "snow" => SurfaceKind.Snow,
        "ice" => SurfaceKind.Ice,
        _ => SurfaceKind.Other,
    };

    /// <summary><c>smoothness</c> (OSM wiki, Key:smoothness); null for values outside its eight grades.</summary>
    public static Smoothness? ParseSmoothness(string value) => value switch
    {
        "excellent" => Smoothness.Excellent,
        "good" => Smoothness.Good,
        "intermediate" => Smoothness.Intermediate,
        "bad" => Smoothness.Bad,
        "very_bad" => Smoothness.VeryBad,
        "horrible" => Smoothness.Horrible,
        "very_horrible" => Smoothness.VeryHorrible,
        "impassable" => Smoothness.Impassable,
        _ => null,
    };

    /// <summary><c>tracktype=gradeN</c> as N (1 to 5); null for anything else.</summary>
    public static byte? ParseTrackGrade(string value) => value switch
    {
        "grade1" => 1,
        "grade2" => 2,
        "grade3" => 3,
        "grade4" => 4,
        "grade5" => 5,
        _ => null,
    };

    /// <summary>
    /// The surface a track grade implies (OSM wiki, Key:tracktype): grade1 is solid, usually paved; grade2 solid but
    /// unpaved (gravel, compacted); grade3 a mix of hard and soft materials; grade4 mostly soft (ground, grass);
    /// grade5 soft, usually grass. Null for grades outside 1 to 5.
    /// </summary>
    public static SurfaceKind? SurfaceOfTrackGrade(byte trackGrade) => trackGrade switch
    {
        1 => SurfaceKind.Paved,
        2 => SurfaceKind.Compacted,
        3 => SurfaceKind.Unpaved,
        4 => SurfaceKind.Ground,
        5 => SurfaceKind.Grass,
        _ => null,
    };

    /// <summary><c>wheelchair=yes|designated|limited|no</c>; null for other values, which state nothing usable.</summary>
    public static WheelchairTag? ParseWheelchair(string value) => value switch
    {
        "yes" => WheelchairTag.Yes,
        "designated" => WheelchairTag.Designated,
        "limited" => WheelchairTag.Limited,
        "no" => WheelchairTag.No,
        _ => null,
    };

    /// <summary>
    /// <c>kerb=*</c> (OSM wiki, Key:kerb). <c>no</c> states that there is no kerb at all (<see cref="KerbKind.None"/>, whose
    /// typical height is 0); <c>yes</c> and values outside the wiki's list still say that a kerb is there, of unknown kind.
    /// </summary>
    public static KerbKind ParseKerb(string value) => value switch
    {
        "flush" => KerbKind.Flush,
        "lowered" => KerbKind.Lowered,
        "rolled" => KerbKind.Rolled,
        "raised" => KerbKind.Raised,
        "no" => KerbKind.None,
        _ => KerbKind.Unknown,
    };

    /// <summary>
    /// <c>barrier=*</c> on a node. <c>sliding_gate</c> and <c>wicket_gate</c> are gates; <c>no</c> is no barrier; every
    /// other value, including linear barriers drawn through a node (fence, wall, hedge), is <see cref="BarrierKind.Other"/>.
    /// </summary>
    public static BarrierKind ParseBarrier(string value) => value switch
    {
        "no" => BarrierKind.None,
        "kerb" => BarrierKind.Kerb,
        "stile" => BarrierKind.Stile,
        "kissing_gate" => BarrierKind.KissingGate,
        "turnstile" => BarrierKind.Turnstile,
        "full-height_turnstile" => BarrierKind.FullHeightTurnstile,
        "block" => BarrierKind.Block,
        "step" => BarrierKind.Step,
        "cycle_barrier" => BarrierKind.CycleBarrier,
        "swing_gate" => BarrierKind.SwingGate,
        "bollard" => BarrierKind.Bollard,
        "gate" or "sliding_gate" or "wicket_gate" => BarrierKind.Gate,
        "lift_gate" => BarrierKind.LiftGate,
        "chain" => BarrierKind.Chain,
        "entrance" => BarrierKind.Entrance,
        "door" => BarrierKind.Door,
        "log" => BarrierKind.Log,
        "motorcycle_barrier" => BarrierKind.MotorcycleBarrier,
        _ => BarrierKind.Other,
    };

    /// <summary>A length in cm; <paramref name="bareNumberToCm"/> says what a number without unit means for this key.</summary>
    private static double? ParseLengthCm(string value, Func<double, double> bareNumberToCm)
    {
        string trimmed = value.Trim();
        Match metric = NumberWithUnit().Match(trimmed);
        if (metric.Success)
        {
            double number = ParseNumber(metric.Groups["number"].Value);
            return metric.Groups["unit"].Value switch
            {
                "m" => number * CmPerMetre,
                "cm" => number,
                "mm" => number / 10,
                "ft" => number * CmPerFoot,
                _ => bareNumberToCm(number),
            };
        }
        Match imperial = FeetAndInches().Match(trimmed);
        if (!imperial.Success || (!imperial.Groups["feet"].Success && !imperial.Groups["inches"].Success))
        {
            return null;
        }
        double feet = imperial.Groups["feet"].Success ? ParseNumber(imperial.Groups["feet"].Value) : 0;
        double inches = imperial.Groups["inches"].Success ? ParseNumber(imperial.Groups["inches"].Value) : 0;
        return (feet * CmPerFoot) + (inches * CmPerInch);
    }

    private static double ParseNumber(string digits) =>
        double.Parse(digits.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
