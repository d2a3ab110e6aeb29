using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Routing.Http;

/// <summary>
/// A value written once by its source-generated fast path and carried as text into an answer that another serializer
/// writes. A refusal's least-violating route rides in a problem's extensions, which ASP.NET Core writes asynchronously
/// through System.Text.Json's resumable path; there a route's generated code never runs, and refusals, 5 % of the
/// urban answers, took 6 % of the service's CPU for their JSON alone. The text is the same: it is written as <see cref="JsonAnswer{T}"/> writes, with the escaping
/// of the host's options (text as UTF-8), and the generated code writes what the host's options write (tested).
/// </summary>
[JsonConverter(typeof(PreWrittenJsonConverter))]
public sealed class PreWrittenJson
{
    private PreWrittenJson(ReadOnlyMemory<byte> utf8) => Utf8 = utf8;

    public ReadOnlyMemory<byte> Utf8 { get; }

    public static PreWrittenJson Of<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, JsonAnswer.WriterOptions))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
        return new PreWrittenJson(buffer.WrittenMemory);
    }
}

/// <summary>Writes a <see cref="PreWrittenJson"/> as it is; it is only written, never read.</summary>
public sealed class PreWrittenJsonConverter : JsonConverter<PreWrittenJson>
{
    public override PreWrittenJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("pre-written JSON is only written");

    public override void Write(Utf8JsonWriter writer, PreWrittenJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
}
