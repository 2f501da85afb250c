using System.Text.Json;
using System.Text.Json.Serialization;

namespace EPeople.Workflows.Runtime;

/// <summary>Reads and writes <see cref="InstanceState"/> as the JSON stored on the instance row.</summary>
public static class InstanceStateSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The state as JSON.</summary>
    public static string Serialize(InstanceState state) => JsonSerializer.Serialize(state, Options);

    /// <summary>The state from JSON.</summary>
    public static InstanceState Deserialize(string json) =>
        JsonSerializer.Deserialize<InstanceState>(json, Options) ?? throw new JsonException("The instance state is empty.");

    /// <summary>A deep copy (commands work on a copy, so a rejected command leaves the original untouched).</summary>
    public static InstanceState Clone(InstanceState state) => Deserialize(Serialize(state));
}
