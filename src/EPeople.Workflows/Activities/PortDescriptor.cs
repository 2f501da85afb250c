namespace EPeople.Workflows.Activities;

/// <summary>An outcome port of a node. A port that is not <see cref="Optional"/> must be wired.</summary>
/// <param name="Name">The port name used in connections.</param>
/// <param name="DisplayName">The label on the canvas.</param>
/// <param name="Optional">May be left unwired (the outcome then ends that branch quietly).</param>
public sealed record PortDescriptor(string Name, string DisplayName, bool Optional = false);
