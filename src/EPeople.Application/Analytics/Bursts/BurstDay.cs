namespace EPeople.Application.Analytics.Bursts;

/// <summary>What one day did: the alerts it raised and the earlier alerts it extended (their latest state).</summary>
public sealed record BurstDay(DateOnly Day, int Total, IReadOnlyList<BurstAlert> Raised, IReadOnlyList<BurstAlert> Extended);
