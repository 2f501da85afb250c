namespace EPeople.Application.Analytics.Bursts;

/// <summary>A topic that has raised an alert, remembered while it keeps bursting so later bursts extend it.</summary>
internal sealed class BurstTopic(BurstAlert alert)
{
    public BurstAlert Alert { get; set; } = alert;

    public HashSet<string> Keys { get; } = new(alert.Keys, StringComparer.Ordinal);

    /// <summary>The keys that lead the topic: a later burst led by one of them is the same story.</summary>
    public HashSet<string> Leading { get; } = new(alert.Keys.Take(3), StringComparer.Ordinal);

    /// <summary>A copy to try a day on without changing this one (<see cref="BurstDetector.Peek"/>).</summary>
    public BurstTopic Copy() => Of(new BurstTopicState(Alert, [.. Keys], [.. Leading]));

    /// <summary>The topic as saved (<see cref="BurstDetector.State"/>).</summary>
    public BurstTopicState State() => new(Alert, [.. Keys.Order(StringComparer.Ordinal)], [.. Leading.Order(StringComparer.Ordinal)]);

    /// <summary>
    /// A topic as it was saved. The leading keys are those of the alert when it was raised; an extended alert may be led by
    /// others, so they are restored as saved, not taken from the alert again.
    /// </summary>
    public static BurstTopic Of(BurstTopicState state)
    {
        var topic = new BurstTopic(state.Alert);
        topic.Keys.UnionWith(state.Keys);
        topic.Leading.Clear();
        topic.Leading.UnionWith(state.Leading);
        return topic;
    }
}
