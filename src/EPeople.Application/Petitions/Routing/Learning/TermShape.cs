namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>Which character n-grams a model reads; stored in the model so it is read the way it was trained.</summary>
public sealed record TermShape(int MinGram, int MaxGram)
{
    /// <summary>
    /// Whether the character n-grams run over the whole title, across the spaces between words, rather than inside
    /// each word: citizens space Korean freely (최저임금, 최저 임금), and grams that span the gap still meet.
    /// </summary>
    public bool SpanWords { get; init; }

    /// <summary>Grams of one to three characters across the whole title, which validated best.</summary>
    public static TermShape Default { get; } = new(1, 3) { SpanWords = true };
}
