using System.Text.Json;
using Routing.Engine;
using Routing.Engine.Profiles;

namespace Routing.Ors;

/// <summary>Our explanation of a refused route, with the ORS parameter that would lift each limit.</summary>
internal static class OrsBlockers
{
    public static IReadOnlyList<OrsBlocker> Of(NoRoute noRoute, string orsProfile) =>
        [.. noRoute.Blockers.Select(b =>
        {
            var v = b.Violation;
            int? polygon = v.Constraint == Constraint.Reported && v.ReportId is < 0 and var id ? AvoidPolygonIndex(id) : null;
            return new OrsBlocker(
                Name(v.Constraint),
                polygon is { } index ? $"{(b.OsmWayId is { } way ? $"way {way}" : $"node {b.OsmNodeId}")} lies inside options.avoid_polygons (polygon {index})" : b.Message,
                v.Actual,
                v.Limit,
                v.Unit,
                [Math.Round(b.Location.Lon, 6), Math.Round(b.Location.Lat, 6)],
                b.OsmWayId,
                b.OsmNodeId,
                Name(v.Evidence),
                polygon is null ? RequestParameter(v.Constraint, orsProfile) : "options.avoid_polygons",
                polygon);
        })];

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>The area index of a blocker that an avoid area caused (see <see cref="Router.AvoidAreaReportId"/>).</summary>
    private static int AvoidPolygonIndex(long reportId) => (int)(-reportId - 1);

    /// <summary>The ORS parameter that would accept the broken limit, or null when none does (a wheelchair never takes steps here).</summary>
    private static string? RequestParameter(Constraint constraint, string orsProfile) => constraint switch
    {
        Constraint.Steps when orsProfile != "wheelchair" => "options.avoid_features",
        Constraint.Surface => "options.profile_params.restrictions.surface_type",
        Constraint.Smoothness => "options.profile_params.restrictions.smoothness_type",
        Constraint.Width => "options.profile_params.restrictions.minimum_width",
        Constraint.InclineUp or Constraint.InclineDown => "options.profile_params.restrictions.maximum_incline",
        Constraint.Kerb => "options.profile_params.restrictions.maximum_sloped_kerb",
        _ => null,
    };
}
