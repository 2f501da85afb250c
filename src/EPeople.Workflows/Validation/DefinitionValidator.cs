using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Definitions;

namespace EPeople.Workflows.Validation;

/// <summary>
/// Every rule of ENGINE.md §4.11 that can be checked on the document alone, with messages naming the node, the
/// rule and a hint. The same validator serves start-up (shipped files), import, the API and the designer.
/// (§4.11.13, the compatibility report against live instances, needs the store and lives with publishing.)
/// </summary>
public sealed partial class DefinitionValidator(ActivityRegistry registry, EventRegistry events)
{
    /// <summary>Most nodes a definition may have.</summary>
    public const int MaxNodes = 300;

    /// <summary>Largest document, in bytes of UTF-8.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The validator over the built-in activities and the default event registry.</summary>
    public static DefinitionValidator Default { get; } = new(ActivityRegistry.Default, EventRegistry.Default);

    /// <summary>Parses and validates a document.</summary>
    public ValidationReport Validate(string json)
    {
        var size = Encoding.UTF8.GetByteCount(json);
        if (size > MaxBytes)
        {
            return new ValidationReport([new DefinitionProblem(ProblemSeverity.Error, Rules.SizeLimits, null,
                $"The document is {size:N0} bytes; the limit is {MaxBytes:N0}.", "Split the flow, or move large texts into templates.")]);
        }

        WorkflowDefinition definition;
        try
        {
            definition = DefinitionSerializer.Deserialize(json);
        }
        catch (DefinitionFormatException ex)
        {
            return new ValidationReport([new DefinitionProblem(ProblemSeverity.Error, Rules.Format, null, ex.Message,
                "Fix the JSON so that it matches workflows/schema/workflow-definition.schema.json.")]);
        }

        return Validate(definition);
    }

    /// <summary>Validates a parsed definition.</summary>
    public ValidationReport Validate(WorkflowDefinition definition)
    {
        var context = new DefinitionContext(definition, events);
        CheckDocument(definition, context);
        var nodes = CheckNodes(definition, context);
        CheckVariables(definition, context);
        CheckInputs(definition, context);
        var graph = CheckConnections(definition, nodes, context);
        CheckReachability(definition, nodes, graph, context);
        CheckParallelism(definition, nodes, graph, context);
        CheckCycles(nodes, graph, context);
        CheckEvents(definition, nodes, context);
        return new ValidationReport([.. context.Problems.OrderBy(p => p.Severity).ThenBy(p => p.NodeId, StringComparer.Ordinal)]);
    }

    private static void CheckDocument(WorkflowDefinition definition, DefinitionContext context)
    {
        if (definition.Schema != WorkflowDefinition.SchemaUri)
        {
            context.Error(Rules.Format, null, $"\"$schema\" is '{definition.Schema}'.", $"Set \"$schema\": \"{WorkflowDefinition.SchemaUri}\".");
        }

        if (!DefinitionIdPattern().IsMatch(definition.DefinitionId))
        {
            context.Error(Rules.Format, null, $"definitionId '{definition.DefinitionId}' is missing or not a lower-case key.", "Use lower-case letters, digits, '.', '-' and '_', e.g. petition.civil.");
        }

        if (definition.Activities.Count > MaxNodes)
        {
            context.Error(Rules.SizeLimits, null, $"The flow has {definition.Activities.Count} nodes; the limit is {MaxNodes}.", "Split it into smaller flows.");
        }

        if (definition.Settings.MaxTransfers is < 0 || definition.Settings.StepBudget is < 10 or > 10_000)
        {
            context.Error(Rules.Format, null, "settings.maxTransfers must not be negative and settings.stepBudget must be between 10 and 10,000.", "Correct the settings.");
        }
    }

    private Dictionary<string, (ActivityNode Node, Activity? Activity)> CheckNodes(WorkflowDefinition definition, DefinitionContext context)
    {
        var nodes = new Dictionary<string, (ActivityNode, Activity?)>(StringComparer.Ordinal);
        foreach (var node in definition.Activities)
        {
            if (!NodeIdPattern().IsMatch(node.Id))
            {
                context.Error(Rules.UrlSafeIds, node.Id, $"Node id '{node.Id}' is not URL-safe.", "Use 1–64 letters, digits, '-' or '_'.");
            }

            if (!nodes.TryAdd(node.Id, (node, registry.Find(node.Type))))
            {
                context.Error(Rules.UniqueIds, node.Id, $"Node id '{node.Id}' is used more than once.", "Give every node its own id.");
                continue;
            }

            if (nodes[node.Id].Item2 is null)
            {
                context.Error(Rules.KnownActivity, node.Id, $"Activity type '{node.Type}' is not known.", "Use a type from the palette (EPeople.*); custom types must be registered before publishing.");
            }
        }

        var starts = nodes.Values.Where(n => n.Item2 is ReceiveActivity).ToList();
        if (starts.Count != 1)
        {
            context.Error(Rules.SingleStart, starts.Count > 1 ? starts[1].Item1.Id : null,
                $"A flow needs exactly one {ReceiveActivity.TypeName}; this one has {starts.Count}.", "Keep a single Receive node as the start.");
        }

        if (!nodes.Values.Any(n => n.Item2 is EndActivity))
        {
            context.Error(Rules.EndRequired, null, "The flow has no End.", $"Add an {EndActivity.TypeName} node and wire the last steps to it.");
        }

        return nodes;
    }

    private static void CheckVariables(WorkflowDefinition definition, DefinitionContext context)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in definition.Variables)
        {
            if (!VariablePattern().IsMatch(variable.Name) || !names.Add(variable.Name))
            {
                context.Error(Rules.Variables, null, $"Variable name '{variable.Name}' is not an identifier or is declared twice.", "Use a unique name of letters, digits and '_' that starts with a letter.");
            }

            if (!TypeAliases.IsRegistered(variable.Type))
            {
                context.Error(Rules.Variables, null, $"Variable '{variable.Name}' has type '{variable.Type}', which is not a registered alias.",
                    $"Use one of: {string.Join(", ", TypeAliases.Scalars)} (or an array of one, e.g. institutionRef[]). CLR type names are not accepted.");
            }
        }
    }

    private void CheckInputs(WorkflowDefinition definition, DefinitionContext context)
    {
        foreach (var node in definition.Activities)
        {
            if (registry.Find(node.Type) is not { } activity)
            {
                continue;
            }

            foreach (var input in activity.Descriptor.Inputs)
            {
                if (!node.Inputs.TryGetValue(input.Name, out var value) || value is null)
                {
                    if (input.Required)
                    {
                        context.Error(Rules.RequiredInput, node.Id, $"Input '{input.Name}' ({input.DisplayName}) is required.", input.Description);
                    }

                    continue;
                }

                if (input.Syntax == InputSyntax.Structured)
                {
                    continue;
                }

                if (WorkflowExpression.FromInput(value) is not { } expression)
                {
                    context.Error(Rules.Expression, node.Id, $"Input '{input.Name}' is not an expression.", "Write { \"expression\": { \"type\": \"Literal\", \"value\": … } }.");
                    continue;
                }

                if (expression.Language is not { } language)
                {
                    context.Error(Rules.Expression, node.Id, $"Input '{input.Name}' is written in '{expression.LanguageName}', which is not supported.",
                        "Use Literal, JavaScript or Liquid; C# and Python are not accepted (no host code in definitions).");
                    continue;
                }

                if (!input.AllowedLanguages.Contains(language))
                {
                    context.Error(Rules.Expression, node.Id, $"Input '{input.Name}' cannot be written in {language}.", $"Use {string.Join(" or ", input.AllowedLanguages)}.");
                    continue;
                }

                context.CheckExpression(node, input.Name, expression);
            }

            foreach (var unknown in node.Inputs.Keys.Where(k => activity.Descriptor.Inputs.All(i => i.Name != k)))
            {
                context.Warning(Rules.RequiredInput, node.Id, $"Input '{unknown}' is not an input of {node.Type}; it is ignored.", "Remove it, or check its spelling.");
            }

            activity.Validate(node, context);
        }
    }

    private static Dictionary<string, List<string>> CheckConnections(
        WorkflowDefinition definition, Dictionary<string, (ActivityNode Node, Activity? Activity)> nodes, DefinitionContext context)
    {
        var graph = nodes.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        var wired = new HashSet<(string, string)>();
        foreach (var connection in definition.Connections)
        {
            var (source, target) = (connection.Source, connection.Target);
            if (!nodes.TryGetValue(source.Activity, out var from) || !nodes.ContainsKey(target.Activity))
            {
                context.Error(Rules.ConnectionNodes, nodes.ContainsKey(source.Activity) ? source.Activity : null,
                    $"A connection {source.Activity}.{source.Port} → {target.Activity}.{target.Port} names a node that does not exist.", "Remove the connection or restore the node.");
                continue;
            }

            if (target.Port != ActivityDescriptor.InPort)
            {
                context.Error(Rules.TargetIn, target.Activity, $"A connection ends at port '{target.Port}'.", "Wires end at the In port.");
            }

            if (from.Activity is { } activity && activity.Outcomes(from.Node).All(p => p.Name != source.Port))
            {
                var declared = activity.Outcomes(from.Node).Select(p => p.Name).ToList();
                context.Error(Rules.DeclaredOutcome, source.Activity, $"Port '{source.Port}' is not an outcome of this {from.Node.Type}.",
                    declared.Count == 0 ? "This node has no outcomes; remove the wire." : $"Its outcomes are: {string.Join(", ", declared)}.");
            }

            if (!wired.Add((source.Activity, source.Port)))
            {
                context.Error(Rules.OneWirePerPort, source.Activity, $"Outcome '{source.Port}' has more than one wire.", "Run steps in parallel with a Fork; one outcome leads to one place.");
            }

            graph[source.Activity].Add(target.Activity);
        }

        foreach (var (id, (node, activity)) in nodes)
        {
            foreach (var port in activity?.Outcomes(node).Where(p => !p.Optional) ?? [])
            {
                if (!wired.Contains((id, port.Name)))
                {
                    context.Error(Rules.OutcomesWired, id, $"Outcome '{port.Name}' is not wired.", $"Connect '{port.Name}' to the next step (an End if nothing follows).");
                }
            }
        }

        return graph;
    }

    private static void CheckReachability(
        WorkflowDefinition definition, Dictionary<string, (ActivityNode Node, Activity? Activity)> nodes,
        Dictionary<string, List<string>> graph, DefinitionContext context)
    {
        var roots = nodes.Where(n => n.Value.Activity is ReceiveActivity).Select(n => n.Key)
            .Concat(definition.Events.Select(e => e.Target).Where(nodes.ContainsKey));
        var reached = Reach(roots, graph, _ => true);
        foreach (var id in nodes.Keys.Where(id => !reached.Contains(id)))
        {
            context.Error(Rules.Reachable, id, "The node cannot be reached from the start.", "Wire it into the flow, or delete it.");
        }

        var reverse = nodes.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (source, targets) in graph)
        {
            foreach (var target in targets)
            {
                reverse[target].Add(source);
            }
        }

        var finishing = Reach(nodes.Where(n => n.Value.Activity is EndActivity).Select(n => n.Key), reverse, _ => true);
        foreach (var id in nodes.Keys.Where(id => !finishing.Contains(id) && nodes[id].Activity is not null))
        {
            context.Error(Rules.ReachesEnd, id, "No path leads from this node to an End.", "Continue the flow to an End (a dead end would leave the petition open forever).");
        }
    }

    private static void CheckParallelism(
        WorkflowDefinition definition, Dictionary<string, (ActivityNode Node, Activity? Activity)> nodes,
        Dictionary<string, List<string>> graph, DefinitionContext context)
    {
        bool IsJoin(string id) => nodes[id].Activity is JoinActivity;
        var flagged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (forkId, (forkNode, activity)) in nodes.Where(n => n.Value.Activity is ForkActivity))
        {
            var branchReach = new List<(string Branch, HashSet<string> Nodes)>();
            foreach (var branch in ForkActivity.Branches(forkNode))
            {
                var start = definition.Connections.Where(c => c.Source.Activity == forkId && c.Source.Port == branch && nodes.ContainsKey(c.Target.Activity))
                    .Select(c => c.Target.Activity).ToList();
                var reached = Reach(start, graph, id => !IsJoin(id) && id != forkId);
                branchReach.Add((branch, reached));
                if (start.Count > 0 && !reached.Any(id => IsJoin(id) || nodes[id].Activity is EndActivity))
                {
                    context.Error(Rules.ForkClosed, forkId, $"Branch '{branch}' never reaches a Join or an End.", "Lead each branch to the Join that closes the fork, or to an End.");
                }
            }

            for (var i = 0; i < branchReach.Count; i++)
            {
                for (var j = i + 1; j < branchReach.Count; j++)
                {
                    foreach (var id in branchReach[i].Nodes.Intersect(branchReach[j].Nodes)
                                 .Where(id => !IsJoin(id) && context.InboundCount(id) > 1 && flagged.Add(id)))
                    {
                        context.Error(Rules.NoImplicitMerge, id,
                            $"Parallel branches '{branchReach[i].Branch}' and '{branchReach[j].Branch}' of fork '{forkId}' meet here without a Join.",
                            "Put an EPeople.Join before this node and choose its mode (All, Any, Quorum(n), AllActive).");
                    }
                }
            }
        }
    }

    private static void CheckCycles(Dictionary<string, (ActivityNode Node, Activity? Activity)> nodes, Dictionary<string, List<string>> graph, DefinitionContext context)
    {
        foreach (var component in StronglyConnectedComponents(graph))
        {
            var isCycle = component.Count > 1 || graph[component[0]].Contains(component[0]);
            if (isCycle && !component.Any(id => nodes[id].Activity?.Descriptor is { Kind: ActivityKind.WaitState } or { GuardsLoops: true }))
            {
                context.Error(Rules.GuardedCycle, component.Order(StringComparer.Ordinal).First(),
                    $"The loop {string.Join(" → ", component)} never waits: it would run until the step budget stops it.",
                    "Put a wait state (task, timer, event) or a guarded step (a transfer with maxTransfers) in the loop.");
            }
        }
    }

    private void CheckEvents(WorkflowDefinition definition, Dictionary<string, (ActivityNode Node, Activity? Activity)> nodes, DefinitionContext context)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handler in definition.Events)
        {
            if (!ids.Add(handler.Id) || !NodeIdPattern().IsMatch(handler.Id))
            {
                context.Error(Rules.Event, null, $"Case event id '{handler.Id}' is empty, not URL-safe or repeated.", "Give each case event its own id.");
            }

            if (!events.Contains(handler.Event))
            {
                context.Error(Rules.Event, null, $"Case event '{handler.Id}' handles '{handler.Event}', which is not a registered event.",
                    $"Use one of: {string.Join(", ", events.Names.Order())}.");
            }

            if (!nodes.ContainsKey(handler.Target))
            {
                context.Error(Rules.Event, null, $"Case event '{handler.Id}' continues at '{handler.Target}', which does not exist.", "Point it at a node of the flow (often an End).");
            }
        }
    }

    private static HashSet<string> Reach(IEnumerable<string> roots, Dictionary<string, List<string>> graph, Func<string, bool> passThrough)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(roots);
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id) || !passThrough(id))
            {
                continue;
            }

            foreach (var next in graph[id])
            {
                queue.Enqueue(next);
            }
        }

        return seen;
    }

    private static List<List<string>> StronglyConnectedComponents(Dictionary<string, List<string>> graph)
    {
        // Tarjan's algorithm; flows are small (≤ 300 nodes), so recursion depth is bounded.
        var index = 0;
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLinks = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var components = new List<List<string>>();

        void Connect(string v)
        {
            indices[v] = lowLinks[v] = index++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph[v])
            {
                if (!indices.TryGetValue(w, out var wIndex))
                {
                    Connect(w);
                    lowLinks[v] = Math.Min(lowLinks[v], lowLinks[w]);
                }
                else if (onStack.Contains(w))
                {
                    lowLinks[v] = Math.Min(lowLinks[v], wIndex);
                }
            }

            if (lowLinks[v] == indices[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                component.Reverse();
                components.Add(component);
            }
        }

        foreach (var v in graph.Keys.Where(v => !indices.ContainsKey(v)))
        {
            Connect(v);
        }

        return components;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,99}$")]
    private static partial Regex DefinitionIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NodeIdPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex VariablePattern();
}
