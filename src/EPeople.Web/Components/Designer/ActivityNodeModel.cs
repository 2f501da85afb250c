using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using EPeople.Workflows.Activities;

namespace EPeople.Web.Components.Designer;

/// <summary>How a node stands in a test run, drawn on the canvas.</summary>
public enum NodeRunState
{
    /// <summary>No test run, or not reached.</summary>
    None,

    /// <summary>The run passed through it.</summary>
    Visited,

    /// <summary>The run waits here now.</summary>
    Current,
}

/// <summary>A node of the definition drawn on the canvas; its model id is the activity id.</summary>
public sealed class ActivityNodeModel : NodeModel
{
    /// <summary>Creates the node with its <c>In</c> port.</summary>
    public ActivityNodeModel(string activityId, string type, ActivityKind? kind, Point position) : base(activityId, position)
    {
        Type = type;
        Kind = kind;
        InPort = (ActivityPortModel)AddPort(new ActivityPortModel(this, ActivityDescriptor.InPort, ActivityDescriptor.InPort, isInput: true));
    }

    /// <summary>The activity type.</summary>
    public string Type { get; }

    /// <summary>How the activity behaves (null when its type is not registered).</summary>
    public ActivityKind? Kind { get; }

    /// <summary>The type's display name.</summary>
    public string TypeName { get; set; } = "";

    /// <summary>The port wires arrive on.</summary>
    public ActivityPortModel InPort { get; }

    /// <summary>The outcome ports, in order.</summary>
    public IEnumerable<ActivityPortModel> Outcomes => Ports.OfType<ActivityPortModel>().Where(p => !p.IsInput);

    /// <summary>The validation errors about this node.</summary>
    public int Errors { get; set; }

    /// <summary>The validation warnings about this node.</summary>
    public int Warnings { get; set; }

    /// <summary>Where a test run stands with it.</summary>
    public NodeRunState RunState { get; set; }
}
