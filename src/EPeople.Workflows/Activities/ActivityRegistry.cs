namespace EPeople.Workflows.Activities;

/// <summary>The activity types the engine knows, by type name. Definitions using other types cannot be published.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, Activity> _activities;

    /// <summary>Creates a registry of these activity types.</summary>
    public ActivityRegistry(IEnumerable<Activity> activities) =>
        _activities = activities.ToDictionary(a => a.Descriptor.Type, StringComparer.Ordinal);

    /// <summary>The built-in control and people activities (the petition activities are added by the application).</summary>
    public static IReadOnlyList<Activity> BuiltIn { get; } =
    [
        new ReceiveActivity(), new DecisionActivity(), new SwitchActivity(), new ForkActivity(), new JoinActivity(),
        new TimerActivity(), new WaitForEventActivity(), new SetVariableActivity(), new NotifyActivity(),
        new HumanTaskActivity(), new JointHandlingActivity(), new EndActivity(),
    ];

    /// <summary>A registry of the built-in activities.</summary>
    public static ActivityRegistry Default { get; } = new(BuiltIn);

    /// <summary>Every registered descriptor, for the designer's palette.</summary>
    public IEnumerable<ActivityDescriptor> Descriptors => _activities.Values.Select(a => a.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.DisplayName);

    /// <summary>The activity of a type name, or null.</summary>
    public Activity? Find(string type) => _activities.GetValueOrDefault(type);

    /// <summary>A registry with more activity types added.</summary>
    public ActivityRegistry With(params Activity[] more) => new(_activities.Values.Concat(more));
}
