namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>Which character n-grams a model reads; stored in the model so it is read the way it was trained.</summary>
public sealed record TermShape(int MinGram, int MaxGram)
{
    public static TermShape Default { get; } = new(2, 4);
}
