namespace EPeople.Workflows.Activities;

/// <summary>
/// What the designer and the validator know of an activity type: its inputs with their types and editors, its
/// static outcome ports, and how it behaves. Dynamic ports (a human task's actions, a switch's cases) come from
/// <see cref="Activity.Outcomes"/>.
/// </summary>
/// <param name="Type">The type name used in definitions, e.g. <c>EPeople.HumanTask</c>.</param>
/// <param name="Version">The type's version.</param>
/// <param name="DisplayName">The name in the palette.</param>
/// <param name="Category">The palette group.</param>
/// <param name="Kind">How it behaves in a run.</param>
/// <param name="Description">What it does.</param>
/// <param name="Inputs">Its inputs.</param>
/// <param name="Outcomes">Its static outcome ports.</param>
/// <param name="GuardsLoops">True when the activity itself stops a cycle from running away (e.g. a transfer counting against a limit).</param>
public sealed record ActivityDescriptor(
    string Type,
    int Version,
    string DisplayName,
    string Category,
    ActivityKind Kind,
    string Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<PortDescriptor> Outcomes,
    bool GuardsLoops = false)
{
    /// <summary>The port every node receives tokens on.</summary>
    public const string InPort = "In";
}
