using System.Text.Json;
using System.Text.Json.Nodes;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Definitions;
using Endpoint = EPeople.Workflows.Definitions.Endpoint;

namespace EPeople.Web.Components.Designer;

/// <summary>
/// The definition being edited in the designer, with its undo and redo history. Every edit replaces the whole
/// (immutable) definition, so undo is a stack of earlier definitions and the canvas is redrawn from whichever one is
/// current; nothing on the canvas is the source of truth.
/// </summary>
public sealed class DesignerDocument(WorkflowDefinition definition, ActivityRegistry registry)
{
    /// <summary>How many steps undo remembers.</summary>
    public const int HistoryLimit = 200;

    /// <summary>How far a pasted copy is moved from its original so that both are seen.</summary>
    public const double PasteOffset = 40;

    private readonly LinkedList<WorkflowDefinition> _undo = new();
    private readonly Stack<WorkflowDefinition> _redo = new();
    private WorkflowDefinition _saved = definition;

    /// <summary>The definition as it stands now.</summary>
    public WorkflowDefinition Definition { get; private set; } = definition;

    /// <summary>True when there are edits since it was loaded or last saved.</summary>
    public bool IsDirty => !ReferenceEquals(Definition, _saved);

    /// <summary>True when an edit can be undone.</summary>
    public bool CanUndo => _undo.Count > 0;

    /// <summary>True when an undone edit can be redone.</summary>
    public bool CanRedo => _redo.Count > 0;

    /// <summary>Records <paramref name="next"/> as the current definition, one undo step.</summary>
    public void Apply(WorkflowDefinition next)
    {
        if (ReferenceEquals(next, Definition))
        {
            return;
        }

        _undo.AddLast(Definition);
        if (_undo.Count > HistoryLimit)
        {
            _undo.RemoveFirst();
        }

        _redo.Clear();
        Definition = next;
    }

    /// <summary>Goes back one edit; false when there is none.</summary>
    public bool Undo()
    {
        if (_undo.Last is not { } last)
        {
            return false;
        }

        _undo.RemoveLast();
        _redo.Push(Definition);
        Definition = last.Value;
        return true;
    }

    /// <summary>Redoes the last undone edit; false when there is none.</summary>
    public bool Redo()
    {
        if (!_redo.TryPop(out var next))
        {
            return false;
        }

        _undo.AddLast(Definition);
        Definition = next;
        return true;
    }

    /// <summary>Marks the current definition as the saved one (the draft on the server).</summary>
    public void MarkSaved() => _saved = Definition;

    /// <summary>
    /// Adds a node of an activity type at a position and returns it; its id is derived from the type and unique, its
    /// name is <paramref name="name"/> (the type's name in the analyst's language) or the type's display name.
    /// </summary>
    public ActivityNode AddNode(ActivityDescriptor descriptor, double x, double y, string? name = null)
    {
        var node = DefinitionLayout.Place(new ActivityNode { Id = FreeId(IdStem(descriptor.Type)), Type = descriptor.Type, Version = descriptor.Version, Name = name ?? descriptor.DisplayName }, x, y);
        Apply(Definition with { Activities = [.. Definition.Activities, node] });
        return node;
    }

    /// <summary>Moves nodes (one undo step for the whole gesture); unknown ids and unchanged positions are ignored.</summary>
    public void MoveNodes(IReadOnlyDictionary<string, (double X, double Y)> positions)
    {
        var moved = false;
        var activities = Definition.Activities.Select(node =>
        {
            if (!positions.TryGetValue(node.Id, out var at) || DefinitionLayout.PositionOf(node) is { } now && Near(now.X, at.X) && Near(now.Y, at.Y))
            {
                return node;
            }

            moved = true;
            return DefinitionLayout.Place(node, Math.Round(at.X), Math.Round(at.Y));
        }).ToList();
        if (moved)
        {
            Apply(Definition with { Activities = activities });
        }
    }

    /// <summary>Removes nodes (with every wire to or from them) and the wires leaving the given ports, as one edit.</summary>
    public void Remove(IReadOnlyCollection<string> nodes, IReadOnlyCollection<(string Source, string Port)>? wires = null)
    {
        var gone = nodes.ToHashSet(StringComparer.Ordinal);
        var cut = (wires ?? []).ToHashSet();
        bool Dropped(Connection c) => gone.Contains(c.Source.Activity) || gone.Contains(c.Target.Activity) || cut.Contains((c.Source.Activity, c.Source.Port));
        if (!Definition.Activities.Any(a => gone.Contains(a.Id)) && !Definition.Connections.Any(Dropped))
        {
            return;
        }

        Apply(Definition with
        {
            Activities = [.. Definition.Activities.Where(a => !gone.Contains(a.Id))],
            Connections = [.. Definition.Connections.Where(c => !Dropped(c))],
        });
    }

    /// <summary>
    /// Wires an outcome port to a node's <c>In</c>. A port carries one wire (parallelism only through a Fork), so a
    /// wire already leaving the port is replaced.
    /// </summary>
    public void Connect(string source, string port, string target)
    {
        if (Definition.FindActivity(source) is null || Definition.FindActivity(target) is null)
        {
            return;
        }

        if (Definition.Connections.Any(c => c.Source.Activity == source && c.Source.Port == port && c.Target.Activity == target))
        {
            return;
        }

        var wire = new Connection { Source = Endpoint.Of(source, port), Target = Endpoint.Of(target, ActivityDescriptor.InPort) };
        Apply(Definition with { Connections = [.. Definition.Connections.Where(c => !(c.Source.Activity == source && c.Source.Port == port)), wire] });
    }

    /// <summary>Removes the wire leaving a port, if any.</summary>
    public void Disconnect(string source, string port)
    {
        if (Definition.Connections.Any(c => c.Source.Activity == source && c.Source.Port == port))
        {
            Apply(Definition with { Connections = [.. Definition.Connections.Where(c => !(c.Source.Activity == source && c.Source.Port == port))] });
        }
    }

    /// <summary>Replaces a node by its edited copy (from the property panel); the id stays the same.</summary>
    public void ReplaceNode(ActivityNode node)
    {
        if (Definition.FindActivity(node.Id) is not { } current || current == node)
        {
            return;
        }

        Apply(Definition with { Activities = [.. Definition.Activities.Select(a => a.Id == node.Id ? node : a)] });
    }

    /// <summary>Places every node by the automatic layout.</summary>
    public void AutoLayout() => Apply(DefinitionLayout.WithLayout(Definition));

    /// <summary>The selected nodes and the wires between them, as JSON for the clipboard; null when nothing is selected.</summary>
    public string? Copy(IReadOnlyCollection<string> ids)
    {
        var chosen = ids.ToHashSet(StringComparer.Ordinal);
        var nodes = Definition.Activities.Where(a => chosen.Contains(a.Id)).ToList();
        if (nodes.Count == 0)
        {
            return null;
        }

        var fragment = new WorkflowDefinition
        {
            DefinitionId = "clipboard",
            Activities = nodes,
            Connections = [.. Definition.Connections.Where(c => chosen.Contains(c.Source.Activity) && chosen.Contains(c.Target.Activity))],
        };
        return DefinitionSerializer.Serialize(fragment);
    }

    /// <summary>
    /// Pastes a copied fragment: every node gets a fresh id (so ids stay unique), moves by <see cref="PasteOffset"/>,
    /// and the wires between the copies follow. Returns the new ids; nothing happens for text that is not a fragment.
    /// </summary>
    public IReadOnlyList<string> Paste(string? clipboard)
    {
        WorkflowDefinition fragment;
        try
        {
            fragment = DefinitionSerializer.Deserialize(clipboard ?? "");
        }
        catch (Exception ex) when (ex is DefinitionFormatException or JsonException)
        {
            return [];
        }

        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = Definition.Activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var added = new List<ActivityNode>();
        foreach (var node in fragment.Activities)
        {
            var id = FreeId(node.Id, taken);
            taken.Add(id);
            renamed[node.Id] = id;
            var (x, y) = DefinitionLayout.PositionOf(node) ?? (0, 0);
            added.Add(DefinitionLayout.Place(node with { Id = id, Inputs = Copied(node.Inputs) }, x + PasteOffset, y + PasteOffset));
        }

        if (added.Count == 0)
        {
            return [];
        }

        var wires = fragment.Connections
            .Where(c => renamed.ContainsKey(c.Source.Activity) && renamed.ContainsKey(c.Target.Activity))
            .Select(c => new Connection { Source = Endpoint.Of(renamed[c.Source.Activity], c.Source.Port), Target = Endpoint.Of(renamed[c.Target.Activity], c.Target.Port) });
        Apply(Definition with { Activities = [.. Definition.Activities, .. added], Connections = [.. Definition.Connections, .. wires] });
        return [.. added.Select(a => a.Id)];
    }

    /// <summary>
    /// The outcome ports a node shows: its type's static outcomes, those its inputs declare (a task's actions and
    /// interrupting deadlines, a switch's cases), then any port a wire still leaves from, so a wire the validator
    /// rejects stays visible instead of vanishing.
    /// </summary>
    public IReadOnlyList<PortDescriptor> OutcomesOf(ActivityNode node)
    {
        var activity = registry.Find(node.Type);
        var ports = new List<PortDescriptor>();
        foreach (var port in (activity?.Descriptor.Outcomes ?? []).Concat(activity?.Outcomes(node) ?? []))
        {
            if (!string.IsNullOrEmpty(port.Name) && ports.TrueForAll(p => p.Name != port.Name))
            {
                ports.Add(port);
            }
        }

        foreach (var wire in Definition.Connections.Where(c => c.Source.Activity == node.Id))
        {
            if (ports.TrueForAll(p => p.Name != wire.Source.Port))
            {
                ports.Add(new PortDescriptor(wire.Source.Port, wire.Source.Port));
            }
        }

        return ports;
    }

    private string FreeId(string stem) => FreeId(stem, Definition.Activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal));

    private static string FreeId(string stem, HashSet<string> taken)
    {
        var root = stem.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        if (root.Length == 0)
        {
            root = "node";
        }

        if (!taken.Contains(stem))
        {
            return stem;
        }

        for (var n = 2; ; n++)
        {
            var id = root + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken.Contains(id))
            {
                return id;
            }
        }
    }

    /// <summary><c>EPeople.HumanTask</c> → <c>humanTask</c>: ids stay URL-safe and readable.</summary>
    private static string IdStem(string type)
    {
        var name = type[(type.LastIndexOf('.') + 1)..];
        var letters = new string([.. name.Where(char.IsAsciiLetterOrDigit)]);
        return letters.Length == 0 ? "node" : char.ToLowerInvariant(letters[0]) + letters[1..];
    }

    private static Dictionary<string, JsonNode?> Copied(Dictionary<string, JsonNode?> inputs) =>
        inputs.ToDictionary(i => i.Key, i => i.Value?.DeepClone(), StringComparer.Ordinal);

    private static bool Near(double a, double b) => Math.Abs(a - b) < 0.5;
}
