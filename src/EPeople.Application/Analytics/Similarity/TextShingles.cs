using System.Text;

namespace EPeople.Application.Analytics.Similarity;

/// <summary>
/// Character shingles of a petition's text. Korean has no reliable word boundaries (particles stick to nouns, spacing
/// varies between writers), so the text is compared as overlapping character 3-grams after dropping everything that is
/// not a letter or a digit and folding case and compatibility forms: "보도블록이 깨졌어요!" and "보도 블록이 깨졌어요" shingle alike.
/// </summary>
public static class TextShingles
{
    public const int Size = 3;

    /// <summary>Letters and digits only, NFKC-folded and lower-cased.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The distinct 64-bit hashes of the normalised text's 3-grams (the whole text when it is shorter).</summary>
    public static HashSet<ulong> Of(string? text)
    {
        var normalized = Normalize(text);
        var shingles = new HashSet<ulong>();
        if (normalized.Length == 0)
        {
            return shingles;
        }

        if (normalized.Length < Size)
        {
            shingles.Add(Hash(normalized.AsSpan()));
            return shingles;
        }

        for (var i = 0; i + Size <= normalized.Length; i++)
        {
            shingles.Add(Hash(normalized.AsSpan(i, Size)));
        }

        return shingles;
    }

    /// <summary>The exact Jaccard similarity of two texts' shingle sets (for tests and evaluation; lookups use MinHash).</summary>
    public static double Jaccard(string? a, string? b)
    {
        var x = Of(a);
        var y = Of(b);
        if (x.Count == 0 && y.Count == 0)
        {
            return 0;
        }

        var common = x.Count(y.Contains);
        return (double)common / (x.Count + y.Count - common);
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes and platforms (string.GetHashCode is not).</summary>
    private static ulong Hash(ReadOnlySpan<char> chars)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in chars)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
