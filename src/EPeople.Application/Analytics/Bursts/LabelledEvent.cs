namespace EPeople.Application.Analytics.Bursts;

/// <summary>A public event known to have drawn petitions: its first day, a name, and words an alert about it would carry.</summary>
public sealed record LabelledEvent(DateOnly Onset, string Name, IReadOnlyList<string> Keywords);
