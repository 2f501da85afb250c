namespace EPeople.Application.Analytics.Similarity;

/// <summary>Which text a signature covers: the title alone (the citizen's hint while typing) or title and body (grouping).</summary>
public enum SimilarityField
{
    Title = 1,
    Content = 2,
}
