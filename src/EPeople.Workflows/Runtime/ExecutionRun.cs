using System.Text.Json.Nodes;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Expressions;

namespace EPeople.Workflows.Runtime;

/// <summary>One command's run: the working copy of the state, the delta, and the queue of ready tokens.</summary>
internal sealed class ExecutionRun(
    ActivityRegistry registry,
    ExpressionEvaluator expressions,
    WorkflowDefinition definition,
    InstanceState state,
    EngineEnvironment environment,
    string? actor)
{
    private readonly Queue<Token> _ready = new();
    private int _steps;

    public WorkflowDefinition Definition { get; } = definition;
    public InstanceState State { get; } = state;
    public EngineEnvironment Environment { get; } = environment;
    public ExpressionEvaluator Expressions { get; } = expressions;
    public ExecutionDelta Delta { get; } = new();

    private int Budget => Definition.Settings.StepBudget ?? Environment.StepBudget;

    public string NewId() => $"{State.InstanceId:N}-{++State.ActivationSeq}";

    public void History(string? nodeId, string @event, string? who, JsonObject? data) =>
        Delta.History.Add(new HistoryEntry(++State.HistorySeq, Environment.Now, nodeId, @event, who ?? actor, data));

    /// <summary>Puts a new ready token at a node.</summary>
    public Token Enqueue(string nodeId, string? arrivedFrom, List<string> scopes)
    {
        var token = new Token
        {
            Id = NewId(), NodeId = nodeId, ActivationId = NewId(), Status = TokenStatus.Ready, ArrivedFrom = arrivedFrom, Scopes = [.. scopes],
        };
        State.Tokens.Add(token);
        _ready.Enqueue(token);
        return token;
    }

    /// <summary>Makes an existing token (a retried incident) ready again.</summary>
    public void Requeue(Token token)
    {
        token.Status = TokenStatus.Ready;
        token.Incident = null;
        _ready.Enqueue(token);
    }

    /// <summary>Runs ready tokens until every token waits, is parked, or the instance ended.</summary>
    public void RunToWaitStates()
    {
        while (_ready.TryDequeue(out var token))
        {
            if (!State.Tokens.Contains(token) || token.Status != TokenStatus.Ready)
            {
                continue;
            }

            if (++_steps > Budget)
            {
                Incident(token, "StepBudget", $"More than {Budget} steps in one command: a loop that never waits? The token is parked.");
                continue;
            }

            var node = Definition.FindActivity(token.NodeId);
            var activity = node is null ? null : registry.Find(node.Type);
            if (node is null || activity is null)
            {
                Incident(token, "Definition", $"Node '{token.NodeId}' or its activity type is missing from definition version {State.DefinitionVersion}.");
                continue;
            }

            ActivityResult result;
            try
            {
                result = activity.Execute(new ActivityExecutionContext(this, node, token));
            }
            catch (Exception ex) when (ex is ExpressionException or ActivityFaultException)
            {
                Incident(token, ex is ExpressionException ? "Expression" : "Activity", ex.Message);
                continue;
            }

            Apply(node, token, result);
        }
    }

    /// <summary>Carries out what a node decided for its token.</summary>
    public void Apply(ActivityNode node, Token token, ActivityResult result)
    {
        switch (result)
        {
            case ContinueResult(var port):
                History(node.Id, "NodeCompleted", null, new JsonObject { ["outcome"] = port });
                Route(node, token, port, token.Scopes);
                State.Tokens.Remove(token);
                break;
            case BranchResult(var ports):
                var scope = NewId();
                History(node.Id, "Forked", null, new JsonObject { ["branches"] = new JsonArray([.. ports.Select(p => (JsonNode)p)]) });
                foreach (var port in ports)
                {
                    Route(node, token, port, [.. token.Scopes, scope]);
                }

                State.Tokens.Remove(token);
                break;
            case WaitResult:
                token.Status = TokenStatus.Waiting;
                break;
            case ConsumedResult:
                State.Tokens.Remove(token);
                break;
            case EndResult(var status):
                End(node.Id, status);
                break;
        }
    }

    private void Route(ActivityNode node, Token token, string port, List<string> scopes)
    {
        var wire = Definition.Connections.FirstOrDefault(c => c.Source.Activity == node.Id && c.Source.Port == port);
        if (wire is not null)
        {
            Enqueue(wire.Target.Activity, $"{node.Id}.{port}", scopes);
        }
    }

    /// <summary>Completes the instance: every token, bookmark, task and timer goes.</summary>
    public void End(string? nodeId, string status)
    {
        CancelEverything();
        State.Status = InstanceStatus.Completed;
        State.EndStatus = status;
        History(nodeId, "Completed", null, new JsonObject { ["status"] = status });
    }

    public void CancelEverything()
    {
        foreach (var bookmarkId in State.Bookmarks.Keys.ToList())
        {
            RemoveBookmark(bookmarkId, TaskClosure.Cancelled, null);
        }

        foreach (var timerId in State.Timers.Keys.ToList())
        {
            State.Timers.Remove(timerId);
            Delta.TimersRemoved.Add(timerId);
        }

        State.Tokens.Clear();
        State.Joins.Clear();
        State.Joints.Clear();
        _ready.Clear();
    }

    /// <summary>Removes a bookmark, closing its task and cancelling its timers.</summary>
    public void RemoveBookmark(string bookmarkId, TaskClosure closure, string? action)
    {
        if (!State.Bookmarks.Remove(bookmarkId, out var bookmark))
        {
            return;
        }

        Delta.BookmarksRemoved.Add(bookmarkId);
        if (bookmark.Payload?["task"]?.GetValue<bool>() == true)
        {
            Delta.TasksClosed.Add((bookmarkId, closure, action));
        }

        foreach (var timer in State.Timers.Values.Where(t => t.BookmarkId == bookmarkId).ToList())
        {
            State.Timers.Remove(timer.Id);
            Delta.TimersRemoved.Add(timer.Id);
        }
    }

    /// <summary>Cancels every other token inside a fork scope (a join that completed with Any or Quorum).</summary>
    public void CancelScope(string scope, Token except)
    {
        foreach (var token in State.Tokens.Where(t => t != except && t.Scopes.Contains(scope)).ToList())
        {
            foreach (var bookmark in State.Bookmarks.Values.Where(b => b.TokenId == token.Id).Select(b => b.Id).ToList())
            {
                RemoveBookmark(bookmark, TaskClosure.Cancelled, null);
            }

            foreach (var joint in State.Joints.Where(j => j.Value.TokenId == token.Id).Select(j => j.Key).ToList())
            {
                State.Joints.Remove(joint);
            }

            State.Tokens.Remove(token);
            History(token.NodeId, "BranchCancelled", null, null);
        }
    }

    public bool ArriveAtJoin(ActivityNode join, Token token, JoinMode mode)
    {
        var scope = token.Scopes.LastOrDefault();
        var key = $"{join.Id}@{scope ?? "root"}";
        if (!State.Joins.TryGetValue(key, out var arrivals))
        {
            State.Joins[key] = arrivals = new JoinState();
        }

        if (token.ArrivedFrom is { } wire && !arrivals.Arrived.Contains(wire))
        {
            arrivals.Arrived.Add(wire);
        }

        var inbound = Definition.Connections.Count(c => c.Target.Activity == join.Id);
        var othersAlive = scope is not null && State.Tokens.Exists(t => t != token && t.Scopes.Contains(scope));
        var fires = mode.Kind switch
        {
            "All" => arrivals.Arrived.Count >= inbound,
            "Any" => true,
            "Quorum" => arrivals.Arrived.Count >= mode.Quorum,
            _ => !othersAlive, // AllActive: every branch still alive has arrived
        };
        if (!fires)
        {
            return false;
        }

        State.Joins.Remove(key);
        if (scope is not null)
        {
            CancelScope(scope, token);
            token.Scopes.RemoveAt(token.Scopes.Count - 1);
        }

        return true;
    }

    public InboxEvent? TakeFromInbox(string name, string correlationKey)
    {
        var match = Environment.Inbox?.FirstOrDefault(e => e.Name == name && e.CorrelationKey == correlationKey && !Delta.InboxConsumed.Contains(e.EventId));
        if (match is not null)
        {
            Delta.InboxConsumed.Add(match.EventId);
        }

        return match;
    }

    public void Incident(Token token, string kind, string message)
    {
        token.Status = TokenStatus.Parked;
        token.Incident = message;
        Delta.Incidents.Add(new IncidentRecord(token.Id, token.NodeId, kind, message));
        History(token.NodeId, "Incident", null, new JsonObject { ["kind"] = kind, ["message"] = message });
        if (Definition.Settings.IncidentPolicy == IncidentPolicy.FaultInstance)
        {
            State.Status = InstanceStatus.Faulted;
        }
    }
}
