namespace EPeople.Application.Analytics.Bursts;

/// <summary>How many of a burst's petitions fall to one category, institution or region.</summary>
public sealed record BurstShare(string Name, int Count);
