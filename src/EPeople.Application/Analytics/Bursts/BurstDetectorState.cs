namespace EPeople.Application.Analytics.Bursts;

/// <summary>
/// What a <see cref="BurstDetector"/> carries from one day to the next besides the days' key counts: when it began, the
/// last day it added and the topics still open. Saved with each day's counts (<see cref="BurstDayCounts"/>), it lets a
/// scheduled run go on from where the last one stopped, reading only the petitions filed since, instead of replaying the
/// baseline's 84 days (<see cref="BurstDetector.Restore"/>).
/// </summary>
public sealed record BurstDetectorState(DateOnly? First, DateOnly LastDay, IReadOnlyList<BurstTopicState> Topics);

/// <summary>An open topic: its alert as it stands, every key it has gathered and the keys that led it when it was raised.</summary>
public sealed record BurstTopicState(BurstAlert Alert, IReadOnlyList<string> Keys, IReadOnlyList<string> Leading);

/// <summary>One day's petitions counted per key (a term, a pair, <c>category:</c>…), and the day's total.</summary>
public sealed record BurstDayCounts(DateOnly Day, int Total, IReadOnlyDictionary<string, int> Counts);
