using Routing.Graph;
using Routing.Graph.Facts;
using static Routing.Osm.Tags.SharedTagRules;

namespace Routing.Osm.Tags;

/// <summary>
/// Way tags to edge facts (ACCESSIBILITY.md, "Facts per edge"). Only legal exclusions drop a way; everything that a
/// profile may weigh (steps, <c>wheelchair=no</c>, construction, separately mapped sidewalks) is kept as a fact, so that
/// a failed route can name what blocks it.
/// </summary>
public static class WayTagRules
{
    private const int InclineBucketPermille = 10;

    // The sidewalk keys that can describe a road's walking surface, "both" first (OSM wiki, Key:sidewalk).
    private static readonly string[] NoSidewalkSides = [];
    private static readonly string[] LeftSidewalk = ["both", "left"];
    private static readonly string[] RightSidewalk = ["both", "right"];
    private static readonly string[] BothSidewalks = ["both", "left", "right"];

    /// <summary>The facts of a way, or null when the way is not part of the walkable network.</summary>
    public static WayFacts? Classify(IReadOnlyDictionary<string, string> tags)
    {
        if (HighwayOf(tags) is not { } highway || tags.Is("motorroad", "yes") || AccessOf(tags) is not { } access)
        {
            return null;
        }
        SidewalkKind sidewalk = IsRoad(highway) ? SidewalkOf(tags) : SidewalkKind.NotARoad;
        if (highway is HighwayKind.Primary or HighwayKind.Trunk && sidewalk == SidewalkKind.None)
        {
            // ACCESSIBILITY.md: a trunk or primary road without a sidewalk is no place to walk.
            return null;
        }
        // On a road walked on its sidewalk, the carriageway's own tags only stand in for the sidewalk's.
        string[] sidewalkSides = sidewalk == SidewalkKind.Present ? SidewalkSides(tags) : NoSidewalkSides;
        Evidence carriagewayEvidence = sidewalk == SidewalkKind.Present ? Evidence.Derived : Evidence.Tagged;
        bool isCrossing = highway == HighwayKind.Crossing || tags.IsPresentNotNo("crossing");

        var edge = new EdgeClass
        {
            Highway = highway,
            TrackGrade = tags.Read("tracktype", TagValues.ParseTrackGrade) ?? 0,
            Wheelchair = tags.Read("wheelchair", TagValues.ParseWheelchair) ?? WheelchairTag.Unknown,
            Access = access,
            Sidewalk = sidewalk,
            Crossing = isCrossing ? CrossingOf(tags) : CrossingKind.None,
            Flags = FlagsOf(tags, highway),
        };
        (edge.Surface, edge.SurfaceEvidence) = SurfaceOf(tags, sidewalkSides, carriagewayEvidence, edge.TrackGrade);
        (edge.Smoothness, edge.SmoothnessEvidence) = SmoothnessOf(tags, sidewalkSides, carriagewayEvidence);
        (edge.WidthCm, edge.WidthEvidence) = WidthOf(tags, sidewalkSides);
        (edge.InclineKind, edge.InclineEvidence, edge.InclinePermille) =
            InclineOf(tags, highway, sidewalkSides, carriagewayEvidence);
        edge.SteepestInclinePermille = edge.InclinePermille;
        edge.InclineConfidence = edge.InclineKind == InclineKind.Value ? InclineConfidence.Measured : InclineConfidence.None;

        (KerbFacts? atStart, KerbFacts? atEnd) = KerbsOf(tags, isCrossing, sidewalkSides);
        return new WayFacts(edge, highway == HighwayKind.PedestrianArea, atStart, atEnd);
    }

    private static HighwayKind? HighwayOf(IReadOnlyDictionary<string, string> tags) =>
        tags.GetValueOrDefault("highway") switch
        {
            // Platforms are often mapped with the public transport keys alone.
            null => tags.Is("railway", "platform") || tags.Is("public_transport", "platform") ? HighwayKind.Platform : null,
            "footway" => FootwayKindOf(tags, "footway", HighwayKind.Footway),
            "path" => FootwayKindOf(tags, "path", HighwayKind.Path),
            // Cycleways and bridleways are for walking only where foot access is stated: no default access for foot
            // holds in every country (OSM wiki, OSM tags for routing/Access restrictions).
            "cycleway" => IsFootExplicitlyAllowed(tags) ? FootwayKindOf(tags, "cycleway", HighwayKind.Cycleway) : null,
            "bridleway" => IsFootExplicitlyAllowed(tags) ? HighwayKind.Bridleway : null,
            "crossing" => HighwayKind.Crossing,
            // Only area=yes makes a pedestrian street a square (OSM wiki, Tag:highway=pedestrian).
            "pedestrian" => tags.Is("area", "yes") ? HighwayKind.PedestrianArea : HighwayKind.Pedestrian,
            "living_street" => HighwayKind.LivingStreet,
            "residential" => HighwayKind.Residential,
            "service" => HighwayKind.Service,
            "track" => HighwayKind.Track,
            "road" or "unclassified" => HighwayKind.Unclassified,
            "tertiary" or "tertiary_link" => HighwayKind.Tertiary,
            "secondary" or "secondary_link" => HighwayKind.Secondary,
            "primary" or "primary_link" => HighwayKind.Primary,
            "trunk" or "trunk_link" => HighwayKind.Trunk,
            "steps" => HighwayKind.Steps,
            "elevator" => HighwayKind.Elevator,
            "corridor" => HighwayKind.Corridor,
            "platform" => HighwayKind.Platform,
            "construction" => HighwayKind.Construction,
            // motorway and motorway_link forbid pedestrians; proposed, raceway, busway ... are no place to walk.
            _ => null,
        };

    /// <summary>
    /// Footways, paths and cycleways that are sidewalks or crossings: <c>footway=sidewalk|crossing</c> describes the
    /// foot part of any of them, <c>path=crossing</c> and <c>cycleway=crossing</c> name crossings too.
    /// </summary>
    private static HighwayKind FootwayKindOf(IReadOnlyDictionary<string, string> tags, string highway, HighwayKind plain) =>
        tags.GetValueOrDefault("footway") switch
        {
            "sidewalk" => HighwayKind.Sidewalk,
            "crossing" => HighwayKind.Crossing,
            _ => tags.Is(highway, "crossing") ? HighwayKind.Crossing : plain,
        };

    private static bool IsFootExplicitlyAllowed(IReadOnlyDictionary<string, string> tags) =>
        tags.GetValueOrDefault("foot") is "yes" or "designated" or "permissive";

    /// <summary>Null when people on foot may not use the way at all.</summary>
    private static AccessKind? AccessOf(IReadOnlyDictionary<string, string> tags) =>
        FootAccess(tags) switch
        {
            // foot=use_sidepath: walkers must use the separately mapped sidewalk (OSM wiki), as binding as "no".
            "no" or "use_sidepath" => null,
            "private" or "destination" or "delivery" => AccessKind.Private,
            "permissive" or "customers" => AccessKind.Permissive,
            _ => AccessKind.Yes,
        };

    private static bool IsRoad(HighwayKind highway) => highway is HighwayKind.LivingStreet or HighwayKind.Residential
        or HighwayKind.Service or HighwayKind.Unclassified or HighwayKind.Tertiary or HighwayKind.Secondary
        or HighwayKind.Primary or HighwayKind.Trunk;

    /// <summary>
    /// <c>sidewalk=*</c>, else the per-side keys (<c>sidewalk:both</c>, overridden per side by <c>sidewalk:left</c> and
    /// <c>sidewalk:right</c>): a sidewalk on either side makes it present; sides that are all "no" or "separate" make it
    /// none or separate; a side left untagged leaves it unknown.
    /// </summary>
    private static SidewalkKind SidewalkOf(IReadOnlyDictionary<string, string> tags)
    {
        switch (tags.GetValueOrDefault("sidewalk"))
        {
            case "both" or "left" or "right" or "yes":
                return SidewalkKind.Present;
            case "no" or "none":
                return SidewalkKind.None;
            case "separate":
                return SidewalkKind.Separate;
        }
        string? both = tags.GetValueOrDefault("sidewalk:both");
        string? left = tags.GetValueOrDefault("sidewalk:left") ?? both;
        string? right = tags.GetValueOrDefault("sidewalk:right") ?? both;
        if (left == "yes" || right == "yes")
        {
            return SidewalkKind.Present;
        }
        if (left is "no" or "none" or "separate" && right is "no" or "none" or "separate")
        {
            return left == "separate" || right == "separate" ? SidewalkKind.Separate : SidewalkKind.None;
        }
        return SidewalkKind.Unknown;
    }

    /// <summary>
    /// The sides whose <c>sidewalk:{side}:*</c> tags describe the walking surface; <c>sidewalk=yes</c> names no side,
    /// so both count.
    /// </summary>
    private static string[] SidewalkSides(IReadOnlyDictionary<string, string> tags)
    {
        string? sidewalk = tags.GetValueOrDefault("sidewalk");
        string? both = tags.GetValueOrDefault("sidewalk:both");
        bool left = sidewalk is "both" or "left" or "yes" || (tags.GetValueOrDefault("sidewalk:left") ?? both) == "yes";
        bool right = sidewalk is "both" or "right" or "yes" || (tags.GetValueOrDefault("sidewalk:right") ?? both) == "yes";
        return (left, right) switch
        {
            (true, false) => LeftSidewalk,
            (false, true) => RightSidewalk,
            _ => BothSidewalks,
        };
    }

    /// <summary>
    /// A fact tagged on the road's sidewalks (<c>sidewalk:both:*</c> or the sides that have one). When two keys disagree
    /// the worse value counts: the router cannot know which side the walker takes.
    /// </summary>
    private static T? FromSidewalks<T>(string[] sides, Func<string, T?> readSide, Func<T, T, T> worse)
        where T : struct
    {
        T? result = null;
        foreach (string side in sides)
        {
            if (readSide(side) is { } value)
            {
                result = result is { } previous ? worse(previous, value) : value;
            }
        }
        return result;
    }

    /// <summary>
    /// <c>surface</c> (the sidewalk's first), else the surface a <c>tracktype</c> implies (derived, see
    /// <see cref="TagValues.SurfaceOfTrackGrade"/>), else unknown.
    /// </summary>
    private static (SurfaceKind, Evidence) SurfaceOf(
        IReadOnlyDictionary<string, string> tags, string[] sidewalkSides, Evidence carriagewayEvidence, byte trackGrade)
    {
        if (FromSidewalks(sidewalkSides,
                side => tags.Read<SurfaceKind>($"sidewalk:{side}:surface", value => TagValues.ParseSurface(value)),
                static (a, b) => SurfaceGrades.Of(b) > SurfaceGrades.Of(a) ? b : a) is { } sidewalkSurface)
        {
            return (sidewalkSurface, Evidence.Tagged);
        }
        if (tags.GetValueOrDefault("surface") is { } surface)
        {
            return (TagValues.ParseSurface(surface), carriagewayEvidence);
        }
        return TagValues.SurfaceOfTrackGrade(trackGrade) is { } implied
            ? (implied, Evidence.Derived)
            : (SurfaceKind.Unknown, Evidence.Unknown);
    }

    private static (Smoothness, Evidence) SmoothnessOf(
        IReadOnlyDictionary<string, string> tags, string[] sidewalkSides, Evidence carriagewayEvidence)
    {
        if (FromSidewalks(sidewalkSides, side => tags.Read($"sidewalk:{side}:smoothness", TagValues.ParseSmoothness),
                static (a, b) => b > a ? b : a) is { } sidewalkSmoothness)
        {
            return (sidewalkSmoothness, Evidence.Tagged);
        }
        return tags.Read("smoothness", TagValues.ParseSmoothness) is { } smoothness
            ? (smoothness, carriagewayEvidence)
            : (Smoothness.Unknown, Evidence.Unknown);
    }

    /// <summary>
    /// <c>width</c>, else the estimate <c>est_width</c> (derived). On a road walked on its sidewalk only
    /// <c>sidewalk:*:width</c> counts: the road's <c>width</c> is the carriageway's, far wider than any sidewalk.
    /// </summary>
    private static (ushort, Evidence) WidthOf(IReadOnlyDictionary<string, string> tags, string[] sidewalkSides)
    {
        (int? widthCm, Evidence evidence) = sidewalkSides.Length > 0
            ? (FromSidewalks(sidewalkSides, side => tags.Read($"sidewalk:{side}:width", TagValues.ParseWidthCm), Math.Min),
                Evidence.Tagged)
            : tags.Read("width", TagValues.ParseWidthCm) is { } tagged
                ? (tagged, Evidence.Tagged)
                : (tags.Read("est_width", TagValues.ParseWidthCm), Evidence.Derived);
        return widthCm is { } cm ? (BucketWidthCm(cm), evidence) : ((ushort)0, Evidence.Unknown);
    }

    /// <summary>
    /// <c>incline</c> in per mille, rounded to whole percent so that classes deduplicate. The <c>incline</c> of steps
    /// tells only which way they go up (OSM wiki, Tag:highway=steps), never a slope to roll.
    /// </summary>
    private static (InclineKind, Evidence, short) InclineOf(IReadOnlyDictionary<string, string> tags,
        HighwayKind highway, string[] sidewalkSides, Evidence carriagewayEvidence)
    {
        (InclineKind Kind, short Permille)? incline;
        Evidence evidence;
        if (FromSidewalks(sidewalkSides, side => tags.Read($"sidewalk:{side}:incline", TagValues.ParseIncline),
                static (a, b) => Math.Abs((int)b.Permille) > Math.Abs((int)a.Permille) ? b : a) is { } sidewalkIncline)
        {
            (incline, evidence) = (sidewalkIncline, Evidence.Tagged);
        }
        else
        {
            incline = tags.Read("incline", TagValues.ParseIncline);
            evidence = carriagewayEvidence;
        }
        if (highway == HighwayKind.Steps && incline is { Kind: InclineKind.Value, Permille: var stepsPermille })
        {
            incline = stepsPermille switch
            {
                > 0 => (InclineKind.UpNoValue, 0),
                < 0 => (InclineKind.DownNoValue, 0),
                _ => null,
            };
        }
        return incline is { } known
            ? (known.Kind, evidence, (short)(Math.Round(known.Permille / (double)InclineBucketPermille,
                MidpointRounding.AwayFromZero) * InclineBucketPermille))
            : (InclineKind.Unknown, Evidence.Unknown, (short)0);
    }

    /// <summary>
    /// Kerbs met at the way's ends. <c>kerb:start</c>/<c>kerb:end</c> (with their <c>:height</c>) name one end. On a
    /// crossing way <c>kerb</c>/<c>kerb:height</c> describe both ends; on other ways <c>kerb</c> describes the kerb running
    /// alongside (OSM wiki, Key:kerb), which the walker does not climb. A road walked on its sidewalk meets the
    /// sidewalk's kerb (<c>sidewalk:*:kerb</c>) where the sidewalk ends at a junction, so at both ends.
    /// </summary>
    private static (KerbFacts?, KerbFacts?) KerbsOf(
        IReadOnlyDictionary<string, string> tags, bool isCrossing, string[] sidewalkSides)
    {
        KerbFacts? atBothEnds = isCrossing
            ? KerbFacts.Read(tags.GetValueOrDefault("kerb"), tags.GetValueOrDefault("kerb:height"))
            : FromSidewalks(sidewalkSides, side => KerbFacts.Read(tags.GetValueOrDefault($"sidewalk:{side}:kerb"),
                tags.GetValueOrDefault($"sidewalk:{side}:kerb:height")), KerbFacts.Worse);
        return (KerbAt(tags, "start") ?? atBothEnds, KerbAt(tags, "end") ?? atBothEnds);
    }

    private static KerbFacts? KerbAt(IReadOnlyDictionary<string, string> tags, string end) =>
        KerbFacts.Read(tags.GetValueOrDefault($"kerb:{end}"), tags.GetValueOrDefault($"kerb:{end}:height"));

    private static EdgeFlags FlagsOf(IReadOnlyDictionary<string, string> tags, HighwayKind highway)
    {
        bool isSteps = highway == HighwayKind.Steps;
        return FlagIf(isSteps, EdgeFlags.Steps)
            // ACCESSIBILITY.md: ramp:wheelchair=yes, or wheelchair=yes on steps, means a usable ramp.
            | FlagIf(isSteps && (tags.Is("ramp:wheelchair", "yes")
                || tags.GetValueOrDefault("wheelchair") is "yes" or "designated"), EdgeFlags.WheelchairRamp)
            | FlagIf(isSteps && tags.Is("ramp:stroller", "yes"), EdgeFlags.StrollerRamp)
            // conveying=yes|forward|backward|reversible: an escalator or moving walkway.
            | FlagIf(tags.IsPresentNotNo("conveying"), EdgeFlags.Conveying)
            | FlagIf(tags.Is("conveying", "forward") || tags.Is("oneway:foot", "yes"), EdgeFlags.ForwardOnly)
            | FlagIf(tags.Is("conveying", "backward") || tags.Is("oneway:foot", "-1"), EdgeFlags.BackwardOnly)
            | FlagIf(highway == HighwayKind.Elevator, EdgeFlags.Elevator)
            // construction=minor marks works that leave the way usable (OSM wiki, Key:construction).
            | FlagIf(highway == HighwayKind.Construction
                || tags.GetValueOrDefault("construction") is not (null or "no" or "minor"), EdgeFlags.Construction)
            | FlagIf(HasTactilePaving(tags), EdgeFlags.TactilePaving)
            | FlagIf(tags.Is("traffic_signals:sound", "yes"), EdgeFlags.AcousticSignals)
            // sac_scale=hiking is an ordinary trail; every grade above it is mountain terrain.
            | FlagIf(tags.GetValueOrDefault("sac_scale") is not (null or "hiking"), EdgeFlags.DifficultTrail)
            | FlagIf(tags.IsPresentNotNo("bridge"), EdgeFlags.Bridge)
            | FlagIf(tags.IsPresentNotNo("tunnel"), EdgeFlags.Tunnel)
            | FlagIf(tags.GetValueOrDefault("covered") is "yes" or "arcade" or "colonnade", EdgeFlags.Covered);
    }
}
