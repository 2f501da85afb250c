using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace EPeople.Web.Components.Designer;

/// <summary>
/// A port of a node on the canvas: the node's single <c>In</c>, or one of its outcomes. Wires run from an outcome to
/// an <c>In</c> only (ENGINE.md §4.11.2), so the canvas refuses anything else while it is being drawn.
/// </summary>
public sealed class ActivityPortModel(ActivityNodeModel parent, string name, string displayName, bool isInput)
    : PortModel(parent.Id + "/" + name, parent, isInput ? PortAlignment.Top : PortAlignment.Bottom)
{
    /// <summary>The port's name in the definition (an outcome such as <c>Answer</c>, or <c>In</c>).</summary>
    public string Name { get; } = name;

    /// <summary>The label shown on the node.</summary>
    public string DisplayName { get; set; } = displayName;

    /// <summary>True for the node's <c>In</c>.</summary>
    public bool IsInput { get; } = isInput;

    /// <summary>The activity id of the node it belongs to.</summary>
    public string ActivityId => Parent.Id;

    /// <inheritdoc />
    public override bool CanAttachTo(ILinkable other) =>
        !IsInput && other switch
        {
            ActivityPortModel port => port.IsInput,
            ActivityNodeModel => true,
            _ => false,
        };
}
