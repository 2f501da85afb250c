namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>A label the classifier proposes, its calibrated probability, and the terms that weighed most for it.</summary>
public sealed record LabelScore(string Label, double Probability, IReadOnlyList<string> StrongestTerms);
