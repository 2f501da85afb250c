namespace EPeople.Application.Analytics.Bursts;

/// <summary>A petition shown as an example of a burst.</summary>
public sealed record BurstExample(string Id, DateOnly FiledOn, string Title, string? Category);
