namespace EPeople.Workflows.Activities;

/// <summary>The event names definitions may wait for or handle at case level. Unknown names are refused at publish.</summary>
public sealed class EventRegistry(IEnumerable<string> names)
{
    /// <summary>The events of the petition lifecycle.</summary>
    public static readonly EventRegistry Default = new(
    [
        "PetitionWithdrawn", "PetitionClosed", "DeadlineExtended", "SupplementRequested", "SupplementProvided",
        "FeedbackSubmitted", "AdditionalAnswerRequested", "PetitionConvertedToPublicInterestReport",
    ]);

    private readonly HashSet<string> _names = new(names, StringComparer.Ordinal);

    /// <summary>The registered names.</summary>
    public IReadOnlyCollection<string> Names => _names;

    /// <summary>True for a registered event name.</summary>
    public bool Contains(string name) => _names.Contains(name);
}
