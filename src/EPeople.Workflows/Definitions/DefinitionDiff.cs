using System.Text.Json;
using System.Text.Json.Nodes;

namespace EPeople.Workflows.Definitions;

/// <summary>How a node, wire or definition field differs between two versions.</summary>
public enum DefinitionChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// A node that was added, removed or changed; for a changed node, which of its fields: <c>type</c>, <c>version</c>,
/// <c>name</c>, <c>inputs.&lt;name&gt;</c> for each input that differs, <c>metadata</c> (moved or resized in the
/// designer) and any unknown field by its name.
/// </summary>
public sealed record NodeChange(string ActivityId, DefinitionChangeKind Kind, string Type, IReadOnlyList<string> Fields);

/// <summary>A wire that is only in one of the two versions (a re-routed wire is one removed and one added).</summary>
public sealed record ConnectionChange(Endpoint Source, Endpoint Target, DefinitionChangeKind Kind);

/// <summary>
/// What changed from one version of a definition to another, node by node: for the designer's comparison of two
/// versions and for the report of what a publication changes. The published version number is not a change; a node
/// is the same node when its id is the same.
/// </summary>
public sealed record DefinitionDiff(IReadOnlyList<string> DefinitionFields, IReadOnlyList<NodeChange> Nodes, IReadOnlyList<ConnectionChange> Connections)
{
    /// <summary>The definition-level fields compared (everything but the activities, the wires and the assigned version).</summary>
    private static readonly string[] Compared = ["definitionId", "name", "description", "settings", "variables", "events"];

    public bool IsEmpty => DefinitionFields.Count == 0 && Nodes.Count == 0 && Connections.Count == 0;

    public static DefinitionDiff Between(WorkflowDefinition older, WorkflowDefinition newer)
    {
        var before = Json(older);
        var after = Json(newer);
        var fields = Compared.Concat(UnknownFields(before).Union(UnknownFields(after)))
            .Where(f => !JsonNode.DeepEquals(before[f], after[f])).ToList();
        return new DefinitionDiff(fields, NodeChanges(older, newer), ConnectionChanges(older, newer));
    }

    private static List<NodeChange> NodeChanges(WorkflowDefinition older, WorkflowDefinition newer)
    {
        var changes = new List<NodeChange>();
        var olderNodes = older.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var newerIds = newer.Activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var node in newer.Activities)
        {
            if (!olderNodes.TryGetValue(node.Id, out var previous))
            {
                changes.Add(new NodeChange(node.Id, DefinitionChangeKind.Added, node.Type, []));
            }
            else if (ChangedFields(Json(previous), Json(node)) is { Count: > 0 } fields)
            {
                changes.Add(new NodeChange(node.Id, DefinitionChangeKind.Changed, node.Type, fields));
            }
        }

        changes.AddRange(older.Activities.Where(a => !newerIds.Contains(a.Id)).Select(a => new NodeChange(a.Id, DefinitionChangeKind.Removed, a.Type, [])));
        return changes;
    }

    private static List<string> ChangedFields(JsonObject before, JsonObject after)
    {
        var fields = new List<string>();
        foreach (var name in before.Select(p => p.Key).Union(after.Select(p => p.Key)).Where(n => n != "id"))
        {
            if (name == "inputs")
            {
                var (a, b) = (before[name] as JsonObject ?? [], after[name] as JsonObject ?? []);
                fields.AddRange(a.Select(p => p.Key).Union(b.Select(p => p.Key)).Where(input => !JsonNode.DeepEquals(a[input], b[input])).Select(input => $"inputs.{input}"));
            }
            else if (!JsonNode.DeepEquals(before[name], after[name]))
            {
                fields.Add(name);
            }
        }

        return fields;
    }

    private static List<ConnectionChange> ConnectionChanges(WorkflowDefinition older, WorkflowDefinition newer)
    {
        static (string, string, string, string) Key(Connection c) => (c.Source.Activity, c.Source.Port, c.Target.Activity, c.Target.Port);
        var before = older.Connections.Select(Key).ToHashSet();
        var after = newer.Connections.Select(Key).ToHashSet();
        return
        [
            .. newer.Connections.Where(c => !before.Contains(Key(c))).Select(c => new ConnectionChange(c.Source, c.Target, DefinitionChangeKind.Added)),
            .. older.Connections.Where(c => !after.Contains(Key(c))).Select(c => new ConnectionChange(c.Source, c.Target, DefinitionChangeKind.Removed)),
        ];
    }

    private static IEnumerable<string> UnknownFields(JsonObject definition) =>
        definition.Select(p => p.Key).Where(k => k is not ("$schema" or "version" or "activities" or "connections") && !Compared.Contains(k));

    private static JsonObject Json<T>(T value) => JsonSerializer.SerializeToNode(value, DefinitionSerializer.Options)!.AsObject();
}
