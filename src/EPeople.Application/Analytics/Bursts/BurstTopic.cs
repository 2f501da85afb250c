namespace EPeople.Application.Analytics.Bursts;

/// <summary>A topic that has raised an alert, remembered while it keeps bursting so later bursts extend it.</summary>
internal sealed class BurstTopic(BurstAlert alert)
{
    public BurstAlert Alert { get; set; } = alert;

    public HashSet<string> Keys { get; } = new(alert.Keys, StringComparer.Ordinal);

    /// <summary>The keys that lead the topic: a later burst led by one of them is the same story.</summary>
    public HashSet<string> Leading { get; } = new(alert.Keys.Take(3), StringComparer.Ordinal);

    /// <summary>A copy to try a day on without changing this one (<see cref="BurstDetector.Peek"/>).</summary>
    public BurstTopic Copy()
    {
        var copy = new BurstTopic(Alert);
        copy.Keys.UnionWith(Keys);
        return copy;
    }
}
