namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>One example to learn from or test on: the petition's text, where it belonged, and when it was filed.</summary>
public sealed record LabelledPetition(string Text, string Label, DateOnly Date);
