using System.Globalization;
using System.Text;

namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>
/// Turns a petition's text into the terms the classifier weighs. Korean glues particles and endings to the word
/// (박원순의, 박원순씨, 박원순은 are one name), and citizens space words freely, so three kinds of term are taken:
/// <list type="bullet">
/// <item>words (<c>w:</c>), and each word's stem with a trailing particle or ending removed, so the variants meet;</item>
/// <item>the stems of neighbouring words (<c>b:</c>), which carry phrases such as 최저 임금;</item>
/// <item>character n-grams (<c>c:</c>), inside each word or, with <see cref="TermShape.SpanWords"/>, across the whole
/// title, which still match when spacing or a suffix differs.</item>
/// </list>
/// </summary>
public static class PetitionTerms
{
    // Longest first, so 에서 is stripped before 서 could be considered; only endings that leave a stem of two or more
    // syllables are stripped (가 in 국가 is part of the word).
    private static readonly string[] Endings =
    [
        "으로부터", "에게서", "해주세요", "해주십시오", "하십시오", "바랍니다", "합니다", "입니다", "됩니다", "주세요",
        "에서는", "에서도", "으로는", "에게는", "까지는", "에서", "에게", "한테", "께서", "으로", "부터", "까지", "처럼", "보다", "이나",
        "라는", "이라는", "하는", "하고", "하여", "해야", "했던", "하게", "들의", "들이", "들을", "들은", "들도", "들에", "들",
        "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "씨", "님", "께", "나", "랑", "고", "며",
    ];

    /// <summary>Lower case, full-width forms folded, everything but letters and digits turned into spaces.</summary>
    public static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            builder.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }

        return builder.ToString();
    }

    /// <summary>The word with a trailing particle or ending removed, when a stem of two or more letters remains.</summary>
    public static string Stem(string word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= 2 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }

    /// <summary>Every term of the text, repeated as often as it occurs.</summary>
    public static List<string> Extract(string text, TermShape shape)
    {
        var words = Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var terms = new List<string>(words.Length * 8);
        string? previous = null;
        foreach (var word in words)
        {
            var stem = Stem(word);
            terms.Add(string.Concat("w:", word));
            if (!ReferenceEquals(stem, word))
            {
                terms.Add(string.Concat("w:", stem));
            }

            if (previous is not null)
            {
                terms.Add(string.Concat("b:", previous, " ", stem));
            }

            previous = stem;
            if (!shape.SpanWords)
            {
                AddCharacterGrams(word, shape, terms);
            }
        }

        if (shape.SpanWords && words.Length > 0)
        {
            AddCharacterGrams(string.Join(' ', words), shape, terms);
        }

        return terms;
    }

    private static void AddCharacterGrams(string text, TermShape shape, List<string> terms)
    {
        // Boundary marks let a gram tell a word's start or end from its middle: 국가 at the start of 국가보훈 differs
        // from the end of 강대국가. Between words, the single space does the same.
        var marked = string.Concat("<", text, ">");
        for (var n = shape.MinGram; n <= shape.MaxGram; n++)
        {
            for (var i = 0; i + n <= marked.Length; i++)
            {
                terms.Add(string.Concat("c:", marked.AsSpan(i, n)));
            }
        }
    }

    /// <summary>How a term reads to an official: its text without the kind prefix or boundary marks.</summary>
    public static string Display(string term) =>
        term.Length > 2 ? term[2..].Trim('<', '>', ' ').ToString(CultureInfo.InvariantCulture) : term;
}
