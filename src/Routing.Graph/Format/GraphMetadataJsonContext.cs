using System.Text.Json.Serialization;

namespace Routing.Graph.Format;

/// <summary>
/// Source-generated JSON for the <c>META</c> section: no reflection at load time, and null in a non-nullable
/// property is an error rather than a silently broken record.
/// </summary>
[JsonSourceGenerationOptions(RespectNullableAnnotations = true)]
[JsonSerializable(typeof(GraphMetadata))]
internal sealed partial class GraphMetadataJsonContext : JsonSerializerContext;
