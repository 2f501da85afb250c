using System.Text.Json.Nodes;

namespace EPeople.Workflows.Runtime;

/// <summary>What a bookmark waits for.</summary>
public enum BookmarkKind
{
    /// <summary>A person's action on a task.</summary>
    Task,

    /// <summary>A timer.</summary>
    Timer,

    /// <summary>A named, correlated event.</summary>
    Event,

    /// <summary>One institution's answer in a joint handling.</summary>
    JointBranch,
}

/// <summary>A resumable wait of a token: deleted when consumed, so a second resume finds nothing and is a no-op.</summary>
public sealed class Bookmark
{
    /// <summary>The bookmark id (also the task id for task bookmarks).</summary>
    public string Id { get; set; } = "";

    /// <summary>The node.</summary>
    public string NodeId { get; set; } = "";

    /// <summary>The activation of the node.</summary>
    public string ActivationId { get; set; } = "";

    /// <summary>The waiting token.</summary>
    public string TokenId { get; set; } = "";

    /// <summary>What it waits for.</summary>
    public BookmarkKind Kind { get; set; }

    /// <summary>For events: SHA-256 of name and correlation key, to find the bookmark without loading instances.</summary>
    public string? Hash { get; set; }

    /// <summary>Kind-specific data (action keys, institution of a joint branch…).</summary>
    public JsonObject? Payload { get; set; }
}
