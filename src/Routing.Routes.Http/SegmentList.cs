using System.Text.Json;
using System.Text.Json.Serialization;

namespace Routing.Routes.Http;

/// <summary>
/// A route's segments, written by hand (<see cref="SegmentListConverter"/>): they are three quarters of an answer's
/// bytes, some 25 values each, and the generated code writes every one through the writer's checks and every fact
/// through a converter or type information of its own. The text is the generated code's, byte for byte (tested on
/// real routes); the OpenAPI document shows an array of <see cref="SegmentDto"/> (<see cref="RouteSchemas"/>).
/// </summary>
[JsonConverter(typeof(SegmentListConverter))]
internal readonly record struct SegmentList(SegmentDto[] Items);

/// <summary>Writes a <see cref="SegmentList"/> in <see cref="SegmentDto"/>'s order and names; answers are only written, never read.</summary>
internal sealed class SegmentListConverter : JsonConverter<SegmentList>
{
    public override SegmentList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("route answers are written, not read");

    public override void Write(Utf8JsonWriter writer, SegmentList value, JsonSerializerOptions options)
    {
        var json = new RawJsonBuilder(writer.Options.Encoder);
        json.Raw((byte)'[');
        var segments = value.Items;
        for (int i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                json.Raw((byte)',');
            }
            Segment(ref json, segments[i]);
        }
        json.Raw((byte)']');
        json.WriteTo(writer);
    }

    private static void Segment(ref RawJsonBuilder json, SegmentDto s)
    {
        json.Raw("{\"index\":"u8);
        json.Number(s.Index);
        json.Raw(",\"distance_m\":"u8);
        json.Number(s.DistanceM);
        json.Raw(",\"duration_s\":"u8);
        json.Number(s.DurationS);
        json.Raw(",\"first_point\":"u8);
        json.Number(s.FirstPoint);
        json.Raw(",\"last_point\":"u8);
        json.Number(s.LastPoint);
        json.Raw(",\"osm_way_id\":"u8);
        json.Number(s.OsmWayId);
        json.Raw(",\"name\":"u8);
        json.String(s.Name);
        json.Raw(",\"highway\":"u8);
        json.String(s.Highway);
        json.Raw(",\"surface\":"u8);
        Fact(ref json, s.Surface);
        json.Raw(",\"smoothness\":"u8);
        Fact(ref json, s.Smoothness);
        json.Raw(",\"width_cm\":"u8);
        Fact(ref json, s.WidthCm);
        json.Raw(",\"incline_pct\":"u8);
        Fact(ref json, s.InclinePct);
        json.Raw(",\"incline_direction\":"u8);
        json.String(s.InclineDirection);
        json.Raw(",\"steep\":"u8);
        json.String(s.Steep);
        json.Raw(",\"kerb_at_start\":"u8);
        Kerb(ref json, s.KerbAtStart);
        json.Raw(",\"barrier_at_start\":"u8);
        Barrier(ref json, s.BarrierAtStart);
        json.Raw(",\"crossing\":"u8);
        json.String(s.Crossing);
        json.Raw(",\"elevator\":"u8);
        json.Bool(s.Elevator);
        json.Raw(",\"steps\":"u8);
        json.Bool(s.Steps);
        json.Raw(",\"ramp\":"u8);
        json.Bool(s.Ramp);
        json.Raw(",\"sidewalk\":"u8);
        json.Bool(s.Sidewalk);
        json.Raw(",\"unknown\":["u8);
        for (int i = 0; i < s.Unknown.Length; i++)
        {
            if (i > 0)
            {
                json.Raw((byte)',');
            }
            json.String(s.Unknown[i]);
        }
        json.Raw("],\"violations\":"u8);
        Violations(ref json, s.Violations);
        json.Raw((byte)'}');
    }

    private static void Fact(ref RawJsonBuilder json, TextFact fact)
    {
        json.Raw("{\"value\":"u8);
        json.String(fact.Value);
        json.Raw(",\"evidence\":"u8);
        json.String(fact.Evidence);
        json.Raw((byte)'}');
    }

    private static void Fact(ref RawJsonBuilder json, IntegerFact fact)
    {
        json.Raw("{\"value\":"u8);
        json.Number(fact.Value);
        json.Raw(",\"evidence\":"u8);
        json.String(fact.Evidence);
        json.Raw((byte)'}');
    }

    private static void Fact(ref RawJsonBuilder json, InclineFact fact)
    {
        json.Raw("{\"value\":"u8);
        json.Number(fact.Value);
        json.Raw(",\"average\":"u8);
        json.Number(fact.Average);
        json.Raw(",\"evidence\":"u8);
        json.String(fact.Evidence);
        json.Raw(",\"confidence\":"u8);
        json.String(fact.Confidence);
        json.Raw(",\"chance_beyond_limit\":"u8);
        json.Number(fact.ChanceBeyondLimit);
        json.Raw((byte)'}');
    }

    private static void Kerb(ref RawJsonBuilder json, KerbDto? kerb)
    {
        if (kerb is null)
        {
            json.Null();
            return;
        }
        json.Raw("{\"kind\":"u8);
        json.String(kerb.Kind);
        json.Raw(",\"height_cm\":"u8);
        Fact(ref json, kerb.HeightCm);
        json.Raw(",\"osm_node_id\":"u8);
        json.Number(kerb.OsmNodeId);
        json.Raw(",\"location\":"u8);
        Location(ref json, kerb.Location);
        json.Raw((byte)'}');
    }

    private static void Barrier(ref RawJsonBuilder json, BarrierDto? barrier)
    {
        if (barrier is null)
        {
            json.Null();
            return;
        }
        json.Raw("{\"kind\":"u8);
        json.String(barrier.Kind);
        json.Raw(",\"width_cm\":"u8);
        json.Number(barrier.WidthCm);
        json.Raw(",\"osm_node_id\":"u8);
        json.Number(barrier.OsmNodeId);
        json.Raw(",\"location\":"u8);
        Location(ref json, barrier.Location);
        json.Raw((byte)'}');
    }

    private static void Location(ref RawJsonBuilder json, LatLonDto location)
    {
        json.Raw("{\"lat\":"u8);
        json.Number(location.Lat);
        json.Raw(",\"lon\":"u8);
        json.Number(location.Lon);
        json.Raw((byte)'}');
    }

    private static void Violations(ref RawJsonBuilder json, ViolationDto[]? violations)
    {
        if (violations is null)
        {
            json.Null();
            return;
        }
        json.Raw((byte)'[');
        for (int i = 0; i < violations.Length; i++)
        {
            var v = violations[i];
            json.Raw(i == 0 ? "{\"constraint\":"u8 : ",{\"constraint\":"u8);
            json.String(v.Constraint);
            json.Raw(",\"request_field\":"u8);
            json.String(v.RequestField);
            json.Raw(",\"actual\":"u8);
            json.Number(v.Actual);
            json.Raw(",\"limit\":"u8);
            json.Number(v.Limit);
            json.Raw(",\"unit\":"u8);
            json.String(v.Unit);
            json.Raw(",\"detail\":"u8);
            json.String(v.Detail);
            json.Raw(",\"evidence\":"u8);
            json.String(v.Evidence);
            json.Raw(",\"confidence\":"u8);
            json.String(v.Confidence);
            json.Raw(",\"chance\":"u8);
            json.Number(v.Chance);
            json.Raw((byte)'}');
        }
        json.Raw((byte)']');
    }
}
