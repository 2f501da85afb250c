using System.Text;

namespace EPeople.Application.Analytics.Terms;

/// <summary>
/// The terms of a Korean or English title or text, as trend analysis counts them (the router has its own,
/// <see cref="Petitions.Routing.Learning.PetitionTerms"/>): NFKC and lower case; web addresses dropped; split on
/// everything but letters and digits; particles and endings stripped (<see cref="KoreanSuffixes"/>); stop words,
/// one-letter words and numbers dropped. A petition's terms are its words' stems, each once, and the pairs of
/// neighbouring stems ("정당 해산"), which name a topic more sharply than either word.
/// </summary>
public static class TermTokenizer
{
    /// <summary>Lower case, full-width forms folded, web addresses removed, everything but letters and digits a space.</summary>
    public static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            if (StartsAddress(folded, i))
            {
                while (i < folded.Length && !char.IsWhiteSpace(folded[i]))
                {
                    i++;
                }

                builder.Append(' ');
                continue;
            }

            var ch = folded[i];
            builder.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }

        return builder.ToString();
    }

    /// <summary>The content words of the text in order, each with its stem; stop words and numbers left out.</summary>
    public static List<TermWord> Words(string text)
    {
        var words = new List<TermWord>();
        foreach (var word in Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var stem = KoreanSuffixes.Stem(word);
            words.Add(IsContent(stem) ? new TermWord(word, stem) : new TermWord(word, null));
        }

        return words;
    }

    /// <summary>
    /// The distinct terms of the text, ordered as they first occur: every content stem, then, where
    /// <paramref name="bigrams"/>, every pair of neighbouring content stems joined by a space.
    /// </summary>
    public static List<string> Terms(string text, bool bigrams = true)
    {
        var words = Words(text);
        var terms = new List<string>(words.Count * 2);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (word.Stem is { } stem && seen.Add(stem))
            {
                terms.Add(stem);
            }
        }

        if (bigrams)
        {
            for (var i = 1; i < words.Count; i++)
            {
                if (words[i - 1].Stem is { } left && words[i].Stem is { } right && left != right)
                {
                    var pair = string.Concat(left, " ", right);
                    if (seen.Add(pair))
                    {
                        terms.Add(pair);
                    }
                }
            }
        }

        return terms;
    }

    /// <summary>
    /// Character shingles of length <paramref name="size"/> over the normalised text with spaces removed: they still meet
    /// when citizens space a phrase differently (정당해산, 정당 해산).
    /// </summary>
    public static List<string> Shingles(string text, int size = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var joined = Normalize(text).Replace(" ", "", StringComparison.Ordinal);
        var shingles = new List<string>(Math.Max(0, joined.Length - size + 1));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + size <= joined.Length; i++)
        {
            var shingle = joined.Substring(i, size);
            if (seen.Add(shingle))
            {
                shingles.Add(shingle);
            }
        }

        return shingles;
    }

    private static bool IsContent(string stem) =>
        stem.Length >= 2 && !StopWords.Contains(stem) && stem.Any(char.IsLetter);

    private static bool StartsAddress(string text, int i) =>
        (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '<' or '"')
        && (text.AsSpan(i).StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || text.AsSpan(i).StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || text.AsSpan(i).StartsWith("www.", StringComparison.OrdinalIgnoreCase));
}
