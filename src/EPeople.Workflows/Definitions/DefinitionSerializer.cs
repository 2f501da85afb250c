using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace EPeople.Workflows.Definitions;

/// <summary>
/// Reads and writes definition documents. Writing is deterministic (same definition, same bytes), which makes the
/// content hash a stable identity for a published version. Unknown fields round-trip.
/// </summary>
public static class DefinitionSerializer
{
    /// <summary>The options used for every definition document.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyOptionalCollections } },
    };

    /// <summary>Empty optional collections (inputs, variables, events) are left out, so a document is written as it was read.</summary>
    private static void OmitEmptyOptionalCollections(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            var required = type.Type == typeof(WorkflowDefinition) && property.Name is "activities" or "connections";
            if (!required && property.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType) && !typeof(System.Text.Json.Nodes.JsonNode).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = (_, value) => value is System.Collections.ICollection { Count: > 0 };
            }
        }
    }

    /// <summary>Parses a document; throws <see cref="DefinitionFormatException"/> with the position when it is not valid JSON of this shape.</summary>
    public static WorkflowDefinition Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkflowDefinition>(json, Options)
                   ?? throw new DefinitionFormatException("The document is empty (null).");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : "";
            throw new DefinitionFormatException($"The document is not a workflow definition{where}: {ex.Message}", ex);
        }
    }

    /// <summary>Writes a document (indented, Korean unescaped).</summary>
    public static string Serialize(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>
    /// The SHA-256 (hex) of the document's content, leaving out the server-assigned <see cref="WorkflowDefinition.Version"/>:
    /// importing the same content twice is recognised whatever version number the file claims.
    /// </summary>
    public static string ContentHash(WorkflowDefinition definition)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(definition with { Version = null }, Options));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
