using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Routing.GeoFormats;

/// <summary>
/// A GeoJSON Feature (RFC 7946 §3.2), the one feature type of the service's GeoJSON answers (route segments,
/// isochrones, the audit, fix-first, places, barrier reports, ORS's routes and isochrones): <c>type</c> first, then <c>id</c> when the feature has
/// one, its <c>bbox</c> when it has one (ORS's route), its geometry (each answer's own geometry type, written as it is)
/// and its properties.
/// </summary>
public sealed record GeoJsonFeature<TGeometry, TProperties>(TGeometry Geometry, TProperties Properties)
{
    [Description("Always Feature."), JsonPropertyOrder(-2)]
    public string Type { get; init; } = "Feature";

    [JsonPropertyOrder(-1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Id { get; init; }

    [JsonPropertyOrder(-1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
#pragma warning disable CA1819 // a GeoJSON bbox is an array on the wire, written once and never changed
    public double[]? Bbox { get; init; }
#pragma warning restore CA1819
}
