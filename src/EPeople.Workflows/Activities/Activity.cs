using EPeople.Workflows.Definitions;
using EPeople.Workflows.Runtime;
using EPeople.Workflows.Validation;

namespace EPeople.Workflows.Activities;

/// <summary>
/// An activity type: its descriptor, its outcome ports for a given node, and the checks specific to it.
/// Adding an activity type is one subclass registered in <see cref="ActivityRegistry"/>.
/// </summary>
public abstract class Activity
{
    /// <summary>What the designer and validator know of the type.</summary>
    public abstract ActivityDescriptor Descriptor { get; }

    /// <summary>The outcome ports of this node (dynamic for actions, cases and branches).</summary>
    public virtual IReadOnlyList<PortDescriptor> Outcomes(ActivityNode node) => Descriptor.Outcomes;

    /// <summary>Checks beyond the generic input checks (which the validator runs for every input).</summary>
    public virtual void Validate(ActivityNode node, DefinitionContext context)
    {
    }

    /// <summary>Runs the node for a token that has just arrived.</summary>
    public abstract ActivityResult Execute(ActivityExecutionContext context);

    /// <summary>Resumes a node whose token waits (an action, a timer, an event). Only wait states override it.</summary>
    public virtual ActivityResult OnResume(ActivityExecutionContext context, Bookmark bookmark, ResumeSignal signal) =>
        throw new InvalidOperationException($"{Descriptor.Type} does not wait, so it cannot be resumed.");
}
