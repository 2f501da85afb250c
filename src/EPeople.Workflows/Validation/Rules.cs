namespace EPeople.Workflows.Validation;

/// <summary>The stable names of the validation rules (ENGINE.md §4.11), as reported in <see cref="DefinitionProblem.Rule"/>.</summary>
public static class Rules
{
    /// <summary>The document is readable and of the right format.</summary>
    public const string Format = "format";

    /// <summary>§4.11.1 Exactly one start.</summary>
    public const string SingleStart = "single-start";

    /// <summary>§4.11.1 At least one End.</summary>
    public const string EndRequired = "end-required";

    /// <summary>§4.11.1 Node ids are unique.</summary>
    public const string UniqueIds = "unique-ids";

    /// <summary>§4.11.1 Node ids are URL-safe.</summary>
    public const string UrlSafeIds = "url-safe-ids";

    /// <summary>§4.11.1 Size and node-count limits.</summary>
    public const string SizeLimits = "size-limits";

    /// <summary>Every activity type is registered (unknown types block publishing).</summary>
    public const string KnownActivity = "known-activity";

    /// <summary>§4.11.2 Connections reference existing nodes.</summary>
    public const string ConnectionNodes = "connection-nodes";

    /// <summary>§4.11.2 The source port is a declared outcome.</summary>
    public const string DeclaredOutcome = "declared-outcome";

    /// <summary>§4.11.2 The target port is <c>In</c>.</summary>
    public const string TargetIn = "target-in";

    /// <summary>An outcome port has one wire at most (parallelism only through a Fork).</summary>
    public const string OneWirePerPort = "one-wire-per-port";

    /// <summary>§4.11.3 Every required outcome is wired.</summary>
    public const string OutcomesWired = "outcomes-wired";

    /// <summary>§4.11.4 Every node is reachable from the start.</summary>
    public const string Reachable = "reachable";

    /// <summary>§4.11.4 Every node can reach an End.</summary>
    public const string ReachesEnd = "reaches-end";

    /// <summary>§4.11.5 Parallel branches meet only in a Join.</summary>
    public const string NoImplicitMerge = "no-implicit-merge";

    /// <summary>§4.11.5 Every Fork branch reaches a Join or an End.</summary>
    public const string ForkClosed = "fork-closed";

    /// <summary>§4.11.5 A Join has at least two inbound wires and a valid mode (Quorum(n) with n ≤ inbound).</summary>
    public const string JoinMode = "join-mode";

    /// <summary>§4.11.6 Cycles pass through a wait state or a guarded node.</summary>
    public const string GuardedCycle = "guarded-cycle";

    /// <summary>Required inputs are present and in an allowed language.</summary>
    public const string RequiredInput = "required-input";

    /// <summary>§4.11.7 Human-task rules (assignment, due, actions, deadlines).</summary>
    public const string HumanTask = "human-task";

    /// <summary>§4.11.8 Joint-handling rules (institution list, completion, lead).</summary>
    public const string JointHandling = "joint-handling";

    /// <summary>§4.11.9 Expressions parse and use only known names.</summary>
    public const string Expression = "expression";

    /// <summary>§4.11.10 Durations and timer settings are valid and positive.</summary>
    public const string Duration = "duration";

    /// <summary>§4.11.11 Events come from the registry, with a correlation.</summary>
    public const string Event = "event";

    /// <summary>§4.11.12 Variables use registered type aliases and unique names.</summary>
    public const string Variables = "variables";

    /// <summary>Structured inputs (cases, branches) are well formed.</summary>
    public const string Structure = "structure";
}
