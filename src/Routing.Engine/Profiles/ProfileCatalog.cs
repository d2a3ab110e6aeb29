using System.Text.Json;
using System.Text.Json.Serialization;

namespace Routing.Engine.Profiles;

/// <summary>The preset profiles, read from the embedded <c>presets.json</c>: presets are data, not code.</summary>
public sealed class ProfileCatalog
{
    /// <summary>The preset a request gets when it names none: the service is for wheelchair users first.</summary>
    public const string DefaultPreset = "wheelchair";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
    private readonly Dictionary<string, ProfileSettings> _byName;

    private ProfileCatalog(IReadOnlyList<ProfileSettings> presets)
    {
        Presets = presets;
        _byName = presets.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public static ProfileCatalog Default { get; } = Load();

    public IReadOnlyList<ProfileSettings> Presets { get; }

    public bool TryGet(string name, out ProfileSettings preset) => _byName.TryGetValue(name, out preset!);

    private static ProfileCatalog Load()
    {
        using var stream = typeof(ProfileCatalog).Assembly.GetManifestResourceStream("presets.json")
                           ?? throw new InvalidOperationException("presets.json is not embedded in Routing.Engine");
        var presets = JsonSerializer.Deserialize<List<ProfileSettings>>(stream, Json)
                      ?? throw new InvalidOperationException("presets.json is empty");
        return new ProfileCatalog(presets);
    }
}
