using System.Text.Json.Nodes;

namespace EPeople.Workflows.Definitions;

/// <summary>
/// Places a definition's nodes for the designer when they have no position (definitions written by hand or imported)
/// or when the analyst asks for a tidy layout: layers from top to bottom along the wires, the wires that loop back
/// (a transfer returning to the handling task) left out of the layering, each layer ordered by where its nodes'
/// predecessors stand so that wires cross less, and centred. Deterministic: the same definition is laid out alike.
/// Positions live where Elsa keeps them, <c>metadata.designer.position</c>.
/// </summary>
public static class DefinitionLayout
{
    /// <summary>Horizontal distance between neighbouring nodes of a layer.</summary>
    public const double ColumnWidth = 240;

    /// <summary>Vertical distance between layers.</summary>
    public const double RowHeight = 140;

    /// <summary>A position for every node, by id.</summary>
    public static IReadOnlyDictionary<string, (double X, double Y)> Arrange(WorkflowDefinition definition)
    {
        var ids = definition.Activities.Select(a => a.Id).Distinct(StringComparer.Ordinal).ToList();
        var known = ids.ToHashSet(StringComparer.Ordinal);
        var successors = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var wire in definition.Connections.Where(c => known.Contains(c.Source.Activity) && known.Contains(c.Target.Activity)))
        {
            successors[wire.Source.Activity].Add(wire.Target.Activity);
        }

        var forward = WithoutLoops(ids, successors);
        var layer = Layers(ids, forward);
        var rows = ids.GroupBy(id => layer[id]).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        OrderByPredecessors(rows, forward);

        var positions = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                positions[row[i]] = ((i - ((row.Count - 1) / 2.0)) * ColumnWidth, layer[row[i]] * RowHeight);
            }
        }

        return positions;
    }

    /// <summary>The definition with every node placed by <see cref="Arrange"/>, its other designer data kept.</summary>
    public static WorkflowDefinition WithLayout(WorkflowDefinition definition)
    {
        var positions = Arrange(definition);
        return definition with
        {
            Activities = [.. definition.Activities.Select(node => node with { Metadata = Placed(node.Metadata, positions[node.Id]) })],
        };
    }

    /// <summary>Where the designer last put the node, or null when it has no position.</summary>
    public static (double X, double Y)? PositionOf(ActivityNode node) =>
        node.Metadata?["designer"]?["position"] is JsonObject position
        && position["x"]?.GetValueKind() == System.Text.Json.JsonValueKind.Number && position["y"]?.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? (position["x"]!.GetValue<double>(), position["y"]!.GetValue<double>())
            : null;

    /// <summary>The node put at a position (its other designer data kept): how the designer records a move.</summary>
    public static ActivityNode Place(ActivityNode node, double x, double y) => node with { Metadata = Placed(node.Metadata, (x, y)) };

    private static JsonObject Placed(JsonObject? metadata, (double X, double Y) at)
    {
        var copy = metadata?.DeepClone().AsObject() ?? [];
        if (copy["designer"] is not JsonObject designer)
        {
            designer = [];
            copy["designer"] = designer;
        }

        designer["position"] = new JsonObject { ["x"] = at.X, ["y"] = at.Y };
        return copy;
    }

    /// <summary>
    /// The wires that do not close a loop: a depth-first walk from the nodes nothing leads to (then from any node not
    /// reached, in document order) drops each wire back to a node still on its path.
    /// </summary>
    private static Dictionary<string, List<string>> WithoutLoops(List<string> ids, Dictionary<string, List<string>> successors)
    {
        var forward = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // absent: not seen, 1: on the path, 2: done
        var targets = successors.Values.SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
        foreach (var root in ids.Where(id => !targets.Contains(id)).Concat(ids))
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            // An explicit stack: a long chain of nodes must not overflow the call stack.
            var stack = new Stack<(string Node, int Next)>();
            stack.Push((root, 0));
            state[root] = 1;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < successors[node].Count)
                {
                    stack.Push((node, next + 1));
                    var target = successors[node][next];
                    if (!state.TryGetValue(target, out var seen))
                    {
                        forward[node].Add(target);
                        state[target] = 1;
                        stack.Push((target, 0));
                    }
                    else if (seen == 2)
                    {
                        forward[node].Add(target);
                    }
                }
                else
                {
                    state[node] = 2;
                }
            }
        }

        return forward;
    }

    /// <summary>Each node one layer below the lowest of its predecessors (longest path), in topological order.</summary>
    private static Dictionary<string, int> Layers(List<string> ids, Dictionary<string, List<string>> forward)
    {
        var incoming = ids.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var target in forward.Values.SelectMany(t => t))
        {
            incoming[target]++;
        }

        var layer = ids.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        var ready = new Queue<string>(ids.Where(id => incoming[id] == 0));
        while (ready.Count > 0)
        {
            var node = ready.Dequeue();
            foreach (var target in forward[node])
            {
                layer[target] = Math.Max(layer[target], layer[node] + 1);
                if (--incoming[target] == 0)
                {
                    ready.Enqueue(target);
                }
            }
        }

        return layer;
    }

    /// <summary>Two downward sweeps: a node moves towards the average place of its predecessors in the layers above.</summary>
    private static void OrderByPredecessors(List<List<string>> rows, Dictionary<string, List<string>> forward)
    {
        var predecessors = forward.SelectMany(f => f.Value.Select(t => (From: f.Key, To: t))).ToLookup(e => e.To, e => e.From, StringComparer.Ordinal);
        for (var sweep = 0; sweep < 2; sweep++)
        {
            var place = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var order = row.Select((id, index) => (Id: id, Index: index,
                        Weight: predecessors[id].Where(place.ContainsKey).Select(p => place[p]).DefaultIfEmpty(index - ((row.Count - 1) / 2.0)).Average()))
                    .OrderBy(x => x.Weight).ThenBy(x => x.Index).Select(x => x.Id).ToList();
                row.Clear();
                row.AddRange(order);
                for (var i = 0; i < row.Count; i++)
                {
                    place[row[i]] = i - ((row.Count - 1) / 2.0);
                }
            }
        }
    }
}
