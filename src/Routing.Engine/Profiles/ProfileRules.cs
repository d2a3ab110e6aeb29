using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Engine.Profiles;

/// <summary>
/// Turns facts into a verdict for one profile: the accessibility judgement of the service, in one place.
/// Numbers come from ACCESSIBILITY.md (AccessMap's slope speed, crossing and elevator times) and DIN 18040.
/// Every cost factor is at least 1 and every speed at most the profile's speed, so length / speed stays a lower
/// bound of cost for any profile, which keeps the A* search exact.
/// </summary>
internal sealed class ProfileRules
{
    /// <summary>Speed is one fifth of the profile's speed at its slope limit (AccessMap).</summary>
    private static readonly double SlowdownAtLimit = Math.Log(5);
    /// <summary>Slope at which a profile without a slope limit (walking) is slowed to one fifth.</summary>
    private const double ReferenceSlopePct = 25;
    private const double ElevatorS = 45;
    private const double SignalledCrossingWaitS = 20;
    private const double CrossingS = 5;
    private const double KerbPassingS = 3;
    private const double KerbAtComfortLimitPenaltyS = 60;
    private const double NarrowBarrierPenaltyS = 30;
    private const double StepsAvoidPenaltyS = 300;
    private const double StepsAvoidFactor = 5;
    private const double StepsWalkingSlowdown = 2;
    /// <summary>
    /// What a stretch costs, relative to the same stretch passable, when it turns out beyond the user's limit: they go
    /// up to it, turn back and go round, about five times its length in time and effort. Under the default policy a
    /// derived slope with a material chance costs (1 - chance) + chance times this, the expected cost, with no cap: a
    /// stretch 80 % likely beyond the limit costs 4.2 times one that is surely passable, so a long, likely-too-steep
    /// climb loses to a sensible detour. Ten times lengthened the walker's urban routes by a fifth (README, "Slope
    /// risk") for few fewer warnings.
    /// </summary>
    private const double CostFactorIfBeyond = 5;

    private readonly ProfileSettings _settings;
    private readonly HashSet<SurfaceKind> _avoidSurfaces;
    private readonly Smoothness _worstSmoothness;

    public ProfileRules(ProfileSettings settings)
    {
        _settings = settings;
        _avoidSurfaces = [.. settings.AvoidSurfaces.Select(s => FactNames.TryParseSurface(s, out var kind) ? kind : SurfaceKind.Unknown)];
        _avoidSurfaces.Remove(SurfaceKind.Unknown);
        _worstSmoothness = settings.MinSmoothness is { } name && FactNames.TryParseSmoothness(name, out var worst) ? worst : Smoothness.Unknown;
    }

    /// <summary>
    /// The verdict on travelling an edge of this class in a direction. The incline and the other facts are judged
    /// apart and combined, so that compiling a profile can judge each distinct incline and each distinct rest once
    /// (see <see cref="EdgeClassGroups"/>): terrain inclines make Heidelberg's classes ten times as many as its rests.
    /// </summary>
    public ArcVerdict Edge(in EdgeClass edge, bool backward) => Combine(AllButIncline(edge, backward), Incline(edge, backward));

    /// <summary>The verdict from its two parts: every limit either breaks, the incline's last.</summary>
    public ArcVerdict Combine(in PartialVerdict rest, in PartialVerdict incline)
    {
        var unknown = rest.Unknown | incline.Unknown;
        return new ArcVerdict(1 / (_settings.SpeedMps * rest.SpeedFactor * incline.SpeedFactor),
            rest.CostFactor * incline.CostFactor * UnknownFactor(unknown), rest.FixedS, rest.PenaltyS, unknown, rest.Broken.WithAll(incline.Broken));
    }

    /// <summary>Every fact but the incline (<see cref="EdgeClassGroups.RestOf"/> lists the fields it must not read).</summary>
    public PartialVerdict AllButIncline(in EdgeClass edge, bool backward)
    {
        var s = _settings;
        double factor = 1;
        double fixedS = 0, penaltyS = 0;
        var unknown = UnknownFacts.None;
        var broken = default(BrokenLimits);

        bool explicitlyFine = s.UsesWheelchair && edge.Wheelchair is WheelchairTag.Yes or WheelchairTag.Designated;

        if (edge.Has(EdgeFlags.Construction) || edge.Highway == HighwayKind.Construction)
        {
            broken = broken.With(new(Constraint.Construction));
        }
        if (edge.Access == AccessKind.Private)
        {
            broken = broken.With(new(Constraint.PrivateAccess));
        }
        if ((backward && edge.Has(EdgeFlags.ForwardOnly)) || (!backward && edge.Has(EdgeFlags.BackwardOnly)))
        {
            broken = broken.With(new(Constraint.OneWay));
        }
        if (s.Wheeled && edge.Has(EdgeFlags.Conveying))
        {
            broken = broken.With(new(Constraint.Escalator));
        }
        if (s.Wheeled && edge.Has(EdgeFlags.DifficultTrail))
        {
            broken = broken.With(new(Constraint.DifficultTrail));
        }
        if (s.UsesWheelchair && edge.Wheelchair == WheelchairTag.No)
        {
            broken = broken.With(new(Constraint.WheelchairNo));
        }
        else if (s.UsesWheelchair && edge.Wheelchair == WheelchairTag.Limited)
        {
            factor *= 1.5;
        }

        double speedFactor = 1;
        if (edge.Has(EdgeFlags.Steps))
        {
            // A wheelchair ramp serves everyone; a pushchair ramp (two narrow rails) everyone but wheelchairs.
            bool rampFits = s.UsesWheelchair
                ? edge.Has(EdgeFlags.WheelchairRamp)
                : (edge.Flags & (EdgeFlags.WheelchairRamp | EdgeFlags.StrollerRamp)) != 0;
            if (!rampFits)
            {
                switch (s.Steps)
                {
                    case StepsPolicy.Never:
                        broken = broken.With(new(Constraint.Steps));
                        break;
                    case StepsPolicy.Avoid:
                        factor *= StepsAvoidFactor;
                        penaltyS += StepsAvoidPenaltyS;
                        break;
                }
                speedFactor /= StepsWalkingSlowdown;
            }
        }

        if (edge.SurfaceEvidence == Evidence.Unknown || edge.Surface == SurfaceKind.Unknown)
        {
            unknown |= s.Wheeled ? UnknownFacts.Surface : UnknownFacts.None;
        }
        else if (s.Wheeled)
        {
            if (_avoidSurfaces.Contains(edge.Surface) && !explicitlyFine)
            {
                broken = broken.With(new(Constraint.Surface, Detail: FactNames.Of(edge.Surface), Evidence: EvidenceOf(edge.SurfaceEvidence)));
            }
            factor *= SurfaceGrades.Of(edge.Surface) switch
            {
                SurfaceGrade.Tolerable => 1.2,
                SurfaceGrade.BadForWheels => 2,
                SurfaceGrade.ImpassableForWheelchairs => 4,
                _ => 1,
            };
        }

        if (edge.SmoothnessEvidence == Evidence.Unknown || edge.Smoothness == Smoothness.Unknown)
        {
            unknown |= s.Wheeled && _worstSmoothness != Smoothness.Unknown ? UnknownFacts.Smoothness : UnknownFacts.None;
        }
        else if (s.Wheeled)
        {
            if (_worstSmoothness != Smoothness.Unknown && edge.Smoothness > _worstSmoothness && !explicitlyFine)
            {
                broken = broken.With(new(Constraint.Smoothness, Detail: FactNames.Of(edge.Smoothness),
                    Evidence: EvidenceOf(edge.SmoothnessEvidence)));
            }
            factor *= edge.Smoothness switch
            {
                Smoothness.Intermediate => 1.1,
                Smoothness.Bad => 1.5,
                Smoothness.VeryBad => 2.5,
                >= Smoothness.Horrible => 4,
                _ => 1,
            };
        }

        if (s.MinWidthCm is { } minWidth && s.Wheeled)
        {
            if (edge.WidthEvidence == Evidence.Unknown || edge.WidthCm == 0)
            {
                unknown |= UnknownFacts.Width;
            }
            else if (edge.WidthCm < minWidth && !explicitlyFine)
            {
                broken = broken.With(new(Constraint.Width, edge.WidthCm, minWidth, "cm", Evidence: EvidenceOf(edge.WidthEvidence)));
            }
            else
            {
                factor *= 1 + (0.5 * ComfortZoneShare(ComfortWidthCm(minWidth) - edge.WidthCm, ComfortWidthCm(minWidth) - minWidth));
            }
        }

        AddKerb(edge.Kerb, edge.KerbEvidence, edge.KerbHeightCm, ref fixedS, ref penaltyS, ref unknown, ref broken);

        factor *= RoadFactor(edge);
        if (s.Wheeled && edge.Crossing is CrossingKind.Unmarked or CrossingKind.Unknown)
        {
            factor *= edge.Crossing == CrossingKind.Unmarked ? 1.5 : 1.2;
        }
        if (edge.Has(EdgeFlags.Elevator))
        {
            fixedS += ElevatorS;
        }

        return new PartialVerdict(speedFactor, factor, fixedS, penaltyS, unknown, broken);
    }

    public NodeVerdict Node(in NodeClass node)
    {
        var s = _settings;
        double durationS = 0, penaltyS = 0;
        var unknown = UnknownFacts.None;
        var broken = default(BrokenLimits);
        bool explicitlyFine = s.UsesWheelchair && node.Wheelchair is WheelchairTag.Yes or WheelchairTag.Designated;

        if (node.Has(NodeFlags.NoAccess))
        {
            broken = broken.With(new(Constraint.NoAccess, Detail: FactNames.Of(node.Barrier)));
        }
        if (s.UsesWheelchair && node.Wheelchair == WheelchairTag.No)
        {
            broken = broken.With(new(Constraint.WheelchairNo, Detail: FactNames.Of(node.Barrier)));
        }
        if (s.Wheeled && node.Barrier is not (BarrierKind.None or BarrierKind.Kerb) && !explicitlyFine)
        {
            switch (BarrierKinds.ImpactOnWheels(node.Barrier))
            {
                case BarrierImpact.Blocking:
                    broken = broken.With(new(Constraint.Barrier, Detail: FactNames.Of(node.Barrier)));
                    break;
                case BarrierImpact.Narrowing when node.WidthCm == 0:
                    unknown |= UnknownFacts.Barrier;
                    penaltyS += NarrowBarrierPenaltyS;
                    break;
            }
        }
        if (s.Wheeled && s.MinWidthCm is { } minWidth && node.WidthCm != 0 && node.WidthCm < minWidth && !explicitlyFine)
        {
            broken = broken.With(new(Constraint.Width, node.WidthCm, minWidth, "cm", FactNames.Of(node.Barrier)));
        }
        AddKerb(node.Kerb, node.KerbEvidence, node.KerbHeightCm, ref durationS, ref penaltyS, ref unknown, ref broken);
        if (node.Has(NodeFlags.Elevator))
        {
            durationS += ElevatorS;
        }
        durationS += node.Crossing switch
        {
            CrossingKind.None => 0,
            CrossingKind.TrafficSignals => SignalledCrossingWaitS,
            _ => CrossingS,
        };
        penaltyS += UnknownPenaltyS(unknown);
        return new NodeVerdict(durationS, penaltyS, unknown, broken);
    }

    /// <summary>Adds what a kerb (on a vertex, or at a crossing way's end) costs; a way or node without one costs nothing.</summary>
    private void AddKerb(KerbKind kind, Evidence evidence, byte heightCm,
        ref double durationS, ref double penaltyS, ref UnknownFacts unknown, ref BrokenLimits broken)
    {
        if (kind == KerbKind.None)
        {
            return;
        }
        var kerb = Kerb(kind, evidence, heightCm);
        durationS += kerb.DurationS;
        penaltyS += kerb.PenaltyS;
        unknown |= kerb.Unknown;
        broken = broken.WithAll(kerb.Broken);
    }

    private NodeVerdict Kerb(KerbKind kind, Evidence evidence, byte heightCm)
    {
        var s = _settings;
        if (!s.Wheeled || kind == KerbKind.Flush)
        {
            return default;
        }
        if (evidence == Evidence.Unknown)
        {
            return new NodeVerdict(KerbPassingS, 0, s.MaxKerbCm is null ? UnknownFacts.None : UnknownFacts.Kerb, default);
        }
        if (s.MaxKerbCm is not { } max)
        {
            return new NodeVerdict(KerbPassingS, 0, UnknownFacts.None, default);
        }
        if (heightCm > max)
        {
            return new NodeVerdict(KerbPassingS, 0, UnknownFacts.None, default(BrokenLimits).With(new Violation(Constraint.Kerb, heightCm, max, "cm", Evidence: EvidenceOf(evidence))));
        }
        double comfort = max / 2.0;
        return new NodeVerdict(KerbPassingS, KerbAtComfortLimitPenaltyS * Square(ComfortZoneShare(heightCm - comfort, max - comfort)), UnknownFacts.None, default);
    }

    /// <summary>
    /// Slope: hard limits per direction, a comfort zone from half the limit, and speed falling with slope. Reads only
    /// the fields <see cref="EdgeClassGroups.InclineOf"/> keys on, through <see cref="SlopeFact"/>.
    /// <list type="table">
    /// <item><term>tagged (a fact)</term><description>beyond the limit it blocks, under every policy.</description></item>
    /// <item><term>derived, <c>block</c></term><description>the estimate counts like a tag: beyond the limit it blocks.</description></item>
    /// <item><term>derived, <c>penalize</c> (default)</term><description>blocks where the model resolves the edge
    /// (high confidence) and the chance beyond the limit is at least <see cref="SlopeChance.VeryLikely"/>; else, from a
    /// material chance on (<see cref="SlopeChance.Material"/>), the cost is the expected one: with that chance the user
    /// meets a stretch they cannot pass (<see cref="CostFactorIfBeyond"/>).</description></item>
    /// <item><term>derived, <c>ignore</c></term><description>never blocks; priced as if at most at the limit.</description></item>
    /// </list>
    /// The route's segment takes the same chance from the same <see cref="SlopeFact"/>, and its warning names it once it is
    /// material (<see cref="SlopeChance.Material"/>).
    /// </summary>
    public PartialVerdict Incline(in EdgeClass edge, bool backward)
    {
        var s = _settings;
        if (SlopeFact.Of(edge, backward) is not { } slope)
        {
            bool limited = !edge.Has(EdgeFlags.Steps) && (s.MaxInclineUpPct is not null || s.MaxInclineDownPct is not null);
            return PartialVerdict.Neutral with { Unknown = limited ? UnknownFacts.Incline : UnknownFacts.None };
        }
        double chance = slope.ChanceBeyond(s.MaxInclineUpPct, s.MaxInclineDownPct);
        double steepness = Math.Abs(slope.ValuePct);
        double? limit = slope.Uphill ? s.MaxInclineUpPct : s.MaxInclineDownPct;
        bool blocks = slope.IsFact || s.DerivedIncline == DerivedInclinePolicy.Block
            ? steepness > limit
            : s.DerivedIncline == DerivedInclinePolicy.Penalize && slope.Confidence == InclineConfidence.High && chance >= SlopeChance.VeryLikely;

        double factor = 1;
        var broken = default(BrokenLimits);
        if (blocks)
        {
            broken = broken.With(new Violation(slope.Uphill ? Constraint.InclineUp : Constraint.InclineDown, Math.Round(steepness, 1),
                limit, "%", Evidence: slope.IsFact ? EvidenceOf(slope.Evidence) : ViolationEvidence.Derived,
                InclineConfidence: slope.Confidence, Chance: slope.IsFact ? null : chance));
        }
        else if (limit is { } max)
        {
            // Up to the limit the comfort zone applies; what lies beyond is priced by its chance, not by the estimate.
            factor *= 1 + (2 * Square(ComfortZoneShare(Math.Min(steepness, max) - (max / 2), max / 2)));
        }
        // Below a material chance the model cannot tell the stretch from level ground (a level street shorter than a
        // cell has a chance of a third of breaking a 6 % limit, the tagged edges it was fitted on being hillier than
        // most): pricing that would only push routes onto the few tagged streets.
        if (!broken.Any && !slope.IsFact && s.DerivedIncline == DerivedInclinePolicy.Penalize && chance >= SlopeChance.Material)
        {
            factor *= 1 + ((CostFactorIfBeyond - 1) * chance);
        }
        double reference = LimitFor(slope.AveragePct) ?? ReferenceSlopePct;
        // An estimate never slows below the speed at the limit: the slowdown is physics, not suspicion.
        double slowingPct = slope.IsFact ? Math.Abs(slope.AveragePct) : Math.Min(Math.Abs(slope.AveragePct), reference);
        double speedFactor = Math.Exp(-SlowdownAtLimit * slowingPct / reference);
        // The cost per metre divides the factor by the speed factor: effort is added in level metres, whatever the speed.
        factor += EffortPerMetre(slope.AveragePct) * speedFactor;
        return new PartialVerdict(speedFactor, factor, 0, 0, UnknownFacts.None, broken);
    }

    /// <summary>
    /// The level metres that one metre of this incline (percent, signed in the direction of travel) costs in work beyond
    /// its time: the climb always, and braking on a descent steeper than half the downhill limit.
    /// </summary>
    private double EffortPerMetre(double averagePct)
    {
        double grade = averagePct / 100;
        if (grade >= 0)
        {
            return _settings.ClimbEquivalentM * grade;
        }
        double comfortDownPct = (_settings.MaxInclineDownPct ?? double.PositiveInfinity) / 2;
        return -averagePct > comfortDownPct ? _settings.SteepDescentEquivalentM * -grade : 0;
    }

    private static ViolationEvidence EvidenceOf(Evidence evidence) =>
        evidence == Evidence.Derived ? ViolationEvidence.Derived : ViolationEvidence.Tagged;

    private double? LimitFor(double signedPct) => signedPct > 0 ? _settings.MaxInclineUpPct : _settings.MaxInclineDownPct;

    /// <summary>Roads are walked only where needed: the separately mapped sidewalk or a footway is better.</summary>
    private static double RoadFactor(in EdgeClass edge) => (edge.Sidewalk, edge.Highway) switch
    {
        (SidewalkKind.Separate, _) => 3,
        (SidewalkKind.None, HighwayKind.Tertiary or HighwayKind.Secondary or HighwayKind.Primary or HighwayKind.Trunk) => 2,
        (SidewalkKind.Unknown, HighwayKind.Secondary or HighwayKind.Primary or HighwayKind.Trunk) => 1.5,
        (SidewalkKind.Unknown, HighwayKind.Tertiary) => 1.2,
        (_, HighwayKind.Residential or HighwayKind.Service or HighwayKind.Unclassified or HighwayKind.Track) => 1.1,
        _ => 1,
    };

    /// <summary>How unknown facts scale an arc's cost, by the request's policy.</summary>
    public double UnknownFactor(UnknownFacts unknown) => _settings.Unknown switch
    {
        UnknownPolicy.Penalize => 1 + (0.2 * Count(unknown)),
        UnknownPolicy.Avoid => 1 + (4.0 * Count(unknown)),
        _ => 1,
    };

    /// <summary>The fixed cost of passing unknown facts, by the request's policy (a live elevator of unknown state pays it too).</summary>
    internal double UnknownPenaltyS(UnknownFacts unknown) => _settings.Unknown switch
    {
        UnknownPolicy.Penalize => 30.0 * Count(unknown),
        UnknownPolicy.Avoid => 300.0 * Count(unknown),
        _ => 0,
    };

    private static int Count(UnknownFacts unknown) => System.Numerics.BitOperations.PopCount((uint)unknown);

    /// <summary>
    /// The width from which a passage is comfortable: a third above the profile's minimum. Narrower (but not below the
    /// minimum) costs more and is warned of as narrow (<see cref="Routes.RouteWarnings"/>).
    /// </summary>
    internal static double ComfortWidthCm(int minWidthCm) => minWidthCm * 4.0 / 3;

    /// <summary>0 at the comfort limit, 1 at the hard limit, clamped.</summary>
    private static double ComfortZoneShare(double beyondComfort, double zoneWidth) =>
        zoneWidth <= 0 ? 0 : Math.Clamp(beyondComfort / zoneWidth, 0, 1);

    private static double Square(double x) => x * x;
}
