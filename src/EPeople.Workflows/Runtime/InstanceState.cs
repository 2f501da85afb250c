using System.Text.Json.Nodes;

namespace EPeople.Workflows.Runtime;

/// <summary>Where an instance stands.</summary>
public enum InstanceStatus
{
    /// <summary>Tokens are waiting (or parked on an incident).</summary>
    Active,

    /// <summary>An End was reached.</summary>
    Completed,

    /// <summary>Cancelled by a command.</summary>
    Cancelled,

    /// <summary>A node failed under <c>incidentPolicy: FaultInstance</c>.</summary>
    Faulted,
}

/// <summary>
/// The whole durable state of one instance, stored as JSON on the instance row. Bookmarks, tasks and timers are
/// also projected to their own tables (by the store, from the delta) so they can be queried; this state is the truth.
/// </summary>
public sealed class InstanceState
{
    /// <summary>The instance id.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>The definition key.</summary>
    public string DefinitionId { get; set; } = "";

    /// <summary>The published version the instance is pinned to.</summary>
    public int DefinitionVersion { get; set; }

    /// <summary>The business key (the petition id).</summary>
    public string CorrelationId { get; set; } = "";

    /// <summary>Active, completed, cancelled or faulted.</summary>
    public InstanceStatus Status { get; set; }

    /// <summary>The End's status (Closed, Withdrawn…) once completed.</summary>
    public string? EndStatus { get; set; }

    /// <summary>The variables.</summary>
    public Dictionary<string, JsonNode?> Variables { get; set; } = [];

    /// <summary>The result of the last task or joint handling (<c>task</c> in expressions).</summary>
    public JsonObject? LastTask { get; set; }

    /// <summary>The live tokens (ready ones never survive a command).</summary>
    public List<Token> Tokens { get; set; } = [];

    /// <summary>The open bookmarks by id.</summary>
    public Dictionary<string, Bookmark> Bookmarks { get; set; } = [];

    /// <summary>The pending timers by id.</summary>
    public Dictionary<string, TimerRequest> Timers { get; set; } = [];

    /// <summary>Join arrivals, keyed by join node and fork scope.</summary>
    public Dictionary<string, JoinState> Joins { get; set; } = [];

    /// <summary>Joint handlings in progress, keyed by activation.</summary>
    public Dictionary<string, JointState> Joints { get; set; } = [];

    /// <summary>Monotonic counter for activation ids.</summary>
    public long ActivationSeq { get; set; }

    /// <summary>Monotonic counter of history entries.</summary>
    public long HistorySeq { get; set; }

    /// <summary>True while a token is parked on an incident.</summary>
    public bool HasIncidents => Tokens.Exists(t => t.Status == TokenStatus.Parked);
}

/// <summary>Whether a token is about to run, waiting, or stopped by an incident.</summary>
public enum TokenStatus
{
    /// <summary>Will execute its node in this command.</summary>
    Ready,

    /// <summary>Waits on a bookmark.</summary>
    Waiting,

    /// <summary>Its node failed; waits for an operator's retry.</summary>
    Parked,
}

/// <summary>A position of the flow: a node, the activation that created it, its fork scopes.</summary>
public sealed class Token
{
    /// <summary>The token id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The node it is at.</summary>
    public string NodeId { get; set; } = "";

    /// <summary>The activation of that node (unique per visit).</summary>
    public string ActivationId { get; set; } = "";

    /// <summary>Ready, waiting or parked.</summary>
    public TokenStatus Status { get; set; }

    /// <summary>The bookmark it waits on.</summary>
    public string? BookmarkId { get; set; }

    /// <summary>The wire it arrived on (a join counts distinct wires).</summary>
    public string? ArrivedFrom { get; set; }

    /// <summary>The fork activations it runs inside, innermost last.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Why it is parked.</summary>
    public string? Incident { get; set; }
}

/// <summary>The wires that have arrived at a join in one fork scope.</summary>
public sealed class JoinState
{
    /// <summary>Arrived wires (source node and port).</summary>
    public List<string> Arrived { get; set; } = [];
}

/// <summary>A joint handling in progress: the institutions asked, their answers, the completion rule.</summary>
public sealed class JointState
{
    /// <summary>The node.</summary>
    public string NodeId { get; set; } = "";

    /// <summary>All, Any, Quorum(n) or LeadDecides.</summary>
    public string Completion { get; set; } = "All";

    /// <summary>The lead institution (LeadDecides).</summary>
    public string? Lead { get; set; }

    /// <summary>The branch bookmark id per institution.</summary>
    public Dictionary<string, string> Branches { get; set; } = [];

    /// <summary>The answers received, per institution.</summary>
    public Dictionary<string, JsonObject> Answers { get; set; } = [];

    /// <summary>The token waiting for the whole joint handling.</summary>
    public string TokenId { get; set; } = "";
}
