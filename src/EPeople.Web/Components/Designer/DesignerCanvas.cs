using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.PathGenerators;
using Blazor.Diagrams.Options;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;

namespace EPeople.Web.Components.Designer;

/// <summary>
/// The Z.Blazor.Diagrams canvas kept in step with a <see cref="DesignerDocument"/>. The document is the truth:
/// <see cref="Sync"/> reconciles nodes, ports and wires with it (adding, removing and updating only what differs),
/// and the canvas's gestures — a drag, a wire drawn, a deletion — become document edits, one undo step per gesture.
/// </summary>
public sealed class DesignerCanvas : IDisposable
{
    /// <summary>A node's width on the canvas; positions in the definition are the node's top centre.</summary>
    public const double NodeWidth = 200;

    private readonly DesignerDocument _document;
    private readonly ActivityRegistry _registry;
    private readonly Dictionary<string, (double X, double Y)> _moved = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removedNodes = new(StringComparer.Ordinal);
    private readonly HashSet<(string Source, string Port)> _removedWires = [];
    private bool _syncing;
    private bool _flushScheduled;
    private readonly Func<ActivityDescriptor, string> _typeName;

    /// <summary>Creates the canvas; a read-only canvas can be panned, zoomed and selected, nothing more.</summary>
    public DesignerCanvas(DesignerDocument document, ActivityRegistry registry, bool readOnly, Func<ActivityDescriptor, string>? typeName = null)
    {
        _typeName = typeName ?? (d => d.DisplayName);
        _document = document;
        _registry = registry;
        ReadOnly = readOnly;
        var options = new BlazorDiagramOptions
        {
            AllowMultiSelection = true,
            GridSize = 10,
            Zoom = { Enabled = true, Minimum = 0.2, Maximum = 2.5 },
            Links =
            {
                DefaultPathGenerator = new SmoothPathGenerator(),
                RequireTarget = true,
                EnableSnapping = true,
                SnappingRadius = 24,
                Factory = (_, source, target) => !readOnly && source is ActivityPortModel { IsInput: false } port
                    ? new LinkModel(new SinglePortAnchor(port), target) { TargetMarker = LinkMarker.Arrow }
                    : null,
                TargetAnchorFactory = (_, _, model) => model switch
                {
                    ActivityNodeModel node => new SinglePortAnchor(node.InPort),
                    PortModel port => new SinglePortAnchor(port),
                    _ => null!,
                },
            },
            Constraints =
            {
                ShouldDeleteNode = _ => ValueTask.FromResult(!readOnly),
                ShouldDeleteLink = _ => ValueTask.FromResult(!readOnly),
            },
        };
        Diagram = new BlazorDiagram(options);
        Diagram.RegisterComponent<ActivityNodeModel, ActivityNodeWidget>();
        // The page handles keys itself (undo, copy, delete…) so that they work the same from the toolbar.
        Diagram.GetBehavior<KeyboardShortcutsBehavior>()?.RemoveShortcut("Delete", false, false, false);
        Diagram.Nodes.Removed += OnNodeRemoved;
        Diagram.Links.Added += OnLinkAdded;
        Diagram.Links.Removed += OnLinkRemoved;
        Diagram.SelectionChanged += OnSelectionChanged;
    }

    /// <summary>The diagram the page renders.</summary>
    public BlazorDiagram Diagram { get; }

    /// <summary>True when nothing may be changed.</summary>
    public bool ReadOnly { get; }

    /// <summary>Raised after a gesture on the canvas changed the document.</summary>
    public event Action? Edited;

    /// <summary>Raised when the selection changes.</summary>
    public event Action? SelectionChanged;

    /// <summary>The ids of the selected nodes.</summary>
    public IReadOnlyList<string> SelectedNodes =>
        [.. Diagram.GetSelectedModels().OfType<ActivityNodeModel>().Select(n => n.Id)];

    /// <summary>The selected wires as (source node, port).</summary>
    public IReadOnlyList<(string Source, string Port)> SelectedWires =>
        [.. Diagram.GetSelectedModels().OfType<BaseLinkModel>().Select(Key).OfType<(string, string, string)>().Select(k => (k.Item1, k.Item2))];

    /// <summary>Finds a node on the canvas.</summary>
    public ActivityNodeModel? Node(string id) => Diagram.Nodes.OfType<ActivityNodeModel>().FirstOrDefault(n => n.Id == id);

    /// <summary>Brings the canvas in line with the document, the validation report and a test run's state.</summary>
    public void Sync(ValidationReport? report = null, IReadOnlyDictionary<string, NodeRunState>? run = null, IReadOnlySet<(string Source, string Port)>? wiresTaken = null)
    {
        var definition = _document.Definition;
        _syncing = true;
        Diagram.SuspendRefresh = true;
        try
        {
            var wanted = definition.Activities.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var stale in Diagram.Nodes.OfType<ActivityNodeModel>().Where(n => !wanted.TryGetValue(n.Id, out var a) || a.Type != n.Type).ToList())
            {
                Diagram.Nodes.Remove(stale);
            }

            IReadOnlyDictionary<string, (double X, double Y)>? arranged = null;
            foreach (var activity in wanted.Values)
            {
                var (x, y) = DefinitionLayout.PositionOf(activity) ?? (arranged ??= DefinitionLayout.Arrange(definition))[activity.Id];
                var node = Node(activity.Id);
                if (node is null)
                {
                    var descriptor = _registry.Find(activity.Type)?.Descriptor;
                    node = new ActivityNodeModel(activity.Id, activity.Type, descriptor?.Kind, new Point(x - (NodeWidth / 2), y))
                    {
                        TypeName = descriptor is null ? activity.Type : _typeName(descriptor),
                        Locked = ReadOnly,
                    };
                    node.InPort.Locked = ReadOnly;
                    Diagram.Nodes.Add(node);
                }
                else if (Math.Abs(node.Position.X - (x - (NodeWidth / 2))) >= 0.5 || Math.Abs(node.Position.Y - y) >= 0.5)
                {
                    node.SetPosition(x - (NodeWidth / 2), y);
                }

                node.Title = string.IsNullOrWhiteSpace(activity.Name) ? activity.Id : activity.Name;
                node.Errors = report?.Problems.Count(p => p.NodeId == activity.Id && p.Severity == ProblemSeverity.Error) ?? 0;
                node.Warnings = report?.Problems.Count(p => p.NodeId == activity.Id && p.Severity != ProblemSeverity.Error) ?? 0;
                node.RunState = run?.GetValueOrDefault(activity.Id) ?? NodeRunState.None;
                SyncPorts(node, _document.OutcomesOf(activity));
                node.Refresh();
            }

            SyncWires(definition, wiresTaken);
        }
        finally
        {
            Diagram.SuspendRefresh = false;
            _syncing = false;
        }

        Diagram.Refresh();
    }

    /// <summary>Selects one node (from the problems list or the outline) and brings it into view.</summary>
    public void Reveal(string id)
    {
        if (Node(id) is not { } node)
        {
            return;
        }

        Diagram.SelectModel(node, true);
        var container = Diagram.Container;
        if (container is { Width: > 0, Height: > 0 })
        {
            var zoom = Diagram.Zoom;
            var center = new Point(node.Position.X + (NodeWidth / 2), node.Position.Y + 40);
            Diagram.SetPan((container.Width / 2) - (center.X * zoom), (container.Height / 2) - (center.Y * zoom));
        }
    }

    /// <summary>Makes every port measure its place on the page again (after the canvas itself was measured).</summary>
    public void RemeasurePorts()
    {
        foreach (var node in Diagram.Nodes)
        {
            node.ReinitializePorts();
        }
    }

    /// <summary>Selects every node.</summary>
    public void SelectAll()
    {
        foreach (var node in Diagram.Nodes)
        {
            Diagram.SelectModel(node, false);
        }
    }

    /// <summary>Zooms by a factor around the canvas's centre.</summary>
    public void ZoomBy(double factor)
    {
        var container = Diagram.Container;
        var before = Diagram.Zoom;
        var after = Math.Clamp(before * factor, Diagram.Options.Zoom.Minimum, Diagram.Options.Zoom.Maximum);
        if (container is null)
        {
            Diagram.SetZoom(after);
            return;
        }

        // Keep the point under the centre where it is.
        var cx = container.Width / 2;
        var cy = container.Height / 2;
        var worldX = (cx - Diagram.Pan.X) / before;
        var worldY = (cy - Diagram.Pan.Y) / before;
        Diagram.SetZoom(after);
        Diagram.SetPan(cx - (worldX * after), cy - (worldY * after));
    }

    /// <summary>Zooms and pans so that every node is seen (never beyond the zoom limits).</summary>
    public void Fit()
    {
        const double margin = 40;
        var container = Diagram.Container;
        var nodes = Diagram.Nodes.ToList();
        if (container is not { Width: > 0, Height: > 0 } || nodes.Count == 0)
        {
            return;
        }

        // A node not measured yet counts with a typical size.
        var left = nodes.Min(n => n.Position.X);
        var top = nodes.Min(n => n.Position.Y);
        var right = nodes.Max(n => n.Position.X + (n.Size is { Width: > 0 } size ? size.Width : NodeWidth));
        var bottom = nodes.Max(n => n.Position.Y + (n.Size is { Height: > 0 } size ? size.Height : 70));
        var zoom = Math.Clamp(
            Math.Min(container.Width / (right - left + (2 * margin)), container.Height / (bottom - top + (2 * margin))),
            Diagram.Options.Zoom.Minimum, 1.25);
        Diagram.SetZoom(zoom);
        Diagram.SetPan(
            ((container.Width - ((right - left) * zoom)) / 2) - (left * zoom),
            ((container.Height - ((bottom - top) * zoom)) / 2) - (top * zoom));
    }

    /// <summary>Moves the selected nodes by a step (arrow keys): one undo step.</summary>
    public void Nudge(double dx, double dy)
    {
        var positions = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        foreach (var node in Diagram.GetSelectedModels().OfType<ActivityNodeModel>())
        {
            positions[node.Id] = (node.Position.X + (NodeWidth / 2) + dx, node.Position.Y + dy);
        }

        if (positions.Count > 0)
        {
            _document.MoveNodes(positions);
            Edited?.Invoke();
        }
    }

    /// <summary>The point of the diagram under a pointer position on the screen (where a palette item is dropped).</summary>
    public Point PointAt(double clientX, double clientY) => Diagram.GetRelativeMousePoint(clientX, clientY);

    /// <inheritdoc />
    public void Dispose()
    {
        Diagram.Nodes.Removed -= OnNodeRemoved;
        Diagram.Links.Added -= OnLinkAdded;
        Diagram.Links.Removed -= OnLinkRemoved;
        Diagram.SelectionChanged -= OnSelectionChanged;
        foreach (var node in Diagram.Nodes)
        {
            node.Moved -= OnNodeMoved;
        }
    }

    private void SyncPorts(ActivityNodeModel node, IReadOnlyList<PortDescriptor> outcomes)
    {
        if (node.Outcomes.Select(p => p.Name).SequenceEqual(outcomes.Select(o => o.Name), StringComparer.Ordinal))
        {
            foreach (var (port, outcome) in node.Outcomes.Zip(outcomes))
            {
                port.DisplayName = outcome.DisplayName;
            }

            node.Moved -= OnNodeMoved;
            node.Moved += OnNodeMoved;
            return;
        }

        // The ports changed (an action added, a deadline's outcome removed): lay them out again from scratch; the
        // wires on them are put back by SyncWires.
        foreach (var port in node.Outcomes.ToList())
        {
            foreach (var link in port.Links.ToList())
            {
                Diagram.Links.Remove(link);
            }

            node.RemovePort(port);
        }

        foreach (var outcome in outcomes)
        {
            node.AddPort(new ActivityPortModel(node, outcome.Name, outcome.DisplayName, isInput: false) { Locked = ReadOnly });
        }

        node.ReinitializePorts();
        node.Moved -= OnNodeMoved;
        node.Moved += OnNodeMoved;
    }

    private void SyncWires(WorkflowDefinition definition, IReadOnlySet<(string Source, string Port)>? wiresTaken)
    {
        var wanted = new Dictionary<(string, string, string), Connection>();
        foreach (var wire in definition.Connections)
        {
            wanted.TryAdd((wire.Source.Activity, wire.Source.Port, wire.Target.Activity), wire);
        }

        foreach (var link in Diagram.Links.ToList())
        {
            if (Key(link) is not { } key || !wanted.Remove(key))
            {
                Diagram.Links.Remove(link);
            }
            else
            {
                Style(link, wiresTaken?.Contains((key.Item1, key.Item2)) == true);
            }
        }

        foreach (var ((source, port, target), _) in wanted)
        {
            var from = Node(source)?.Outcomes.FirstOrDefault(p => p.Name == port);
            var to = Node(target);
            if (from is null || to is null)
            {
                continue;
            }

            var link = new LinkModel(from, to.InPort) { TargetMarker = LinkMarker.Arrow, Locked = ReadOnly };
            Style(link, wiresTaken?.Contains((source, port)) == true);
            Diagram.Links.Add(link);
        }
    }

    private static void Style(BaseLinkModel link, bool taken)
    {
        if (link is LinkModel model)
        {
            model.Color = taken ? "#0b6e4f" : "#4a5568";
            model.Width = taken ? 4 : 2;
        }
    }

    /// <summary>(source node, port, target node) of an attached wire, or null while it is being drawn.</summary>
    private static (string, string, string)? Key(BaseLinkModel link)
    {
        if (link.Source.Model is not ActivityPortModel { IsInput: false } source)
        {
            return null;
        }

        return link.Target.Model switch
        {
            ActivityPortModel { IsInput: true } target => (source.ActivityId, source.Name, target.ActivityId),
            ActivityNodeModel node => (source.ActivityId, source.Name, node.Id),
            _ => null,
        };
    }

    private void OnLinkAdded(BaseLinkModel link)
    {
        if (!_syncing)
        {
            link.TargetAttached += OnTargetAttached;
        }
    }

    private void OnTargetAttached(BaseLinkModel link)
    {
        link.TargetAttached -= OnTargetAttached;
        if (Key(link) is not var (source, port, target))
        {
            return;
        }

        _document.Connect(source, port, target);
        // The drawn link is replaced by the document's own on the next sync (a port carries one wire).
        Edited?.Invoke();
    }

    private void OnLinkRemoved(BaseLinkModel link)
    {
        link.TargetAttached -= OnTargetAttached;
        if (!_syncing && Key(link) is var (source, port, _))
        {
            _removedWires.Add((source, port));
            ScheduleFlush();
        }
    }

    private void OnNodeRemoved(NodeModel node)
    {
        node.Moved -= OnNodeMoved;
        if (!_syncing)
        {
            _removedNodes.Add(node.Id);
            ScheduleFlush();
        }
    }

    private void OnNodeMoved(MovableModel model)
    {
        if (!_syncing && model is ActivityNodeModel node)
        {
            _moved[node.Id] = (node.Position.X + (NodeWidth / 2), node.Position.Y);
            ScheduleFlush();
        }
    }

    private void OnSelectionChanged(SelectableModel model)
    {
        if (!_syncing)
        {
            SelectionChanged?.Invoke();
        }
    }

    /// <summary>A gesture raises one event per node or wire; they are gathered and applied as one edit.</summary>
    private async void ScheduleFlush()
    {
        if (_flushScheduled)
        {
            return;
        }

        _flushScheduled = true;
        try
        {
            await Task.Yield();
            if (_removedNodes.Count > 0 || _removedWires.Count > 0)
            {
                _document.Remove(_removedNodes, _removedWires);
            }

            if (_moved.Count > 0)
            {
                _document.MoveNodes(new Dictionary<string, (double X, double Y)>(_moved, StringComparer.Ordinal));
            }

            _removedNodes.Clear();
            _removedWires.Clear();
            _moved.Clear();
            Edited?.Invoke();
        }
        finally
        {
            _flushScheduled = false;
        }
    }
}
