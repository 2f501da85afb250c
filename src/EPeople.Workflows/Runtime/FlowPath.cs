using System.Text.Json.Nodes;
using EPeople.Workflows.Definitions;

namespace EPeople.Workflows.Runtime;

/// <summary>A connection the flow went along: out of <paramref name="SourcePort"/> of one node into the next.</summary>
/// <param name="SourceNode">The node left.</param>
/// <param name="SourcePort">The outcome port it left by.</param>
/// <param name="TargetNode">The node the wire leads to.</param>
public sealed record TakenWire(string SourceNode, string SourcePort, string TargetNode);

/// <summary>
/// The path an instance took, read from its history the one way the instance viewer and test runs both use: every
/// history entry naming a node means the flow reached it; <c>NodeCompleted</c> (its outcome) and <c>Forked</c> (its
/// branches) name the ports it left by, and each such port leads along the wire the engine routes on (the first
/// connection from it) to a node that was reached too. Nodes where tokens wait now count as reached.
/// </summary>
public sealed class FlowPath
{
    private readonly List<string> _visited = [];
    private readonly HashSet<string> _visitedSet = new(StringComparer.Ordinal);
    private readonly List<TakenWire> _wires = [];
    private readonly HashSet<TakenWire> _wireSet = [];

    /// <summary>The nodes reached, in the order first reached.</summary>
    public IReadOnlyList<string> Visited => _visited;

    /// <summary>The wires taken, in the order first taken.</summary>
    public IReadOnlyList<TakenWire> Wires => _wires;

    /// <summary>Reads the path from history entries (node id, event name, data) in their order.</summary>
    /// <param name="definition">The definition the history was written by (its connections give the wires).</param>
    /// <param name="history">The entries, oldest first.</param>
    /// <param name="current">The nodes tokens are at now.</param>
    public static FlowPath Read(WorkflowDefinition definition, IEnumerable<(string? NodeId, string Event, JsonNode? Data)> history, IEnumerable<string>? current = null)
    {
        var path = new FlowPath();
        path.Add(definition, history);
        foreach (var node in current ?? [])
        {
            path.Reach(node);
        }

        return path;
    }

    /// <summary>Reads the path from the engine's history entries.</summary>
    public static FlowPath Read(WorkflowDefinition definition, IEnumerable<HistoryEntry> history, IEnumerable<string>? current = null) =>
        Read(definition, history.Select(h => (h.NodeId, h.Event, (JsonNode?)h.Data)), current);

    /// <summary>True when the flow reached the node.</summary>
    public bool IsVisited(string nodeId) => _visitedSet.Contains(nodeId);

    /// <summary>True when the flow went along the connection.</summary>
    public bool IsTaken(Connection connection) =>
        _wireSet.Contains(new TakenWire(connection.Source.Activity, connection.Source.Port, connection.Target.Activity));

    private void Add(WorkflowDefinition definition, IEnumerable<(string? NodeId, string Event, JsonNode? Data)> history)
    {
        foreach (var (nodeId, @event, data) in history)
        {
            if (nodeId is null)
            {
                continue;
            }

            Reach(nodeId);
            IReadOnlyList<string> ports = @event switch
            {
                "NodeCompleted" when data?["outcome"] is JsonValue outcome => [outcome.ToString()],
                "Forked" when data?["branches"] is JsonArray branches => branches.OfType<JsonValue>().Select(b => b.ToString()).ToList(),
                _ => [],
            };
            foreach (var port in ports)
            {
                // The engine routes a port along its first connection (the validator allows one wire per port).
                if (definition.Connections.FirstOrDefault(c => c.Source.Activity == nodeId && c.Source.Port == port) is { } wire)
                {
                    var taken = new TakenWire(nodeId, port, wire.Target.Activity);
                    if (_wireSet.Add(taken))
                    {
                        _wires.Add(taken);
                    }

                    Reach(wire.Target.Activity);
                }
            }
        }
    }

    private void Reach(string nodeId)
    {
        if (_visitedSet.Add(nodeId))
        {
            _visited.Add(nodeId);
        }
    }
}
