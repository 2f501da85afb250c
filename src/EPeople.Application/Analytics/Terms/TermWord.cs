namespace EPeople.Application.Analytics.Terms;

/// <summary>A word as written (<paramref name="Surface"/>, normalised) and its stem; no stem for a stop word or number.</summary>
public sealed record TermWord(string Surface, string? Stem);
