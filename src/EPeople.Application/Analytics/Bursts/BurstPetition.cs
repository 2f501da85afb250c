namespace EPeople.Application.Analytics.Bursts;

/// <summary>
/// A petition as trend analysis sees it: its filing day, its text (a title, or title and body), and what it is about
/// where known. <paramref name="Support"/> (agreements, signatures) only orders the examples an alert shows.
/// </summary>
public sealed record BurstPetition(
    string Id, DateOnly FiledOn, string Text, string? Category = null, string? Institution = null, string? Region = null, int Support = 0);
