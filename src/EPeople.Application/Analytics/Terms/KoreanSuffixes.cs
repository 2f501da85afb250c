namespace EPeople.Application.Analytics.Terms;

/// <summary>
/// Strips the particles and verb endings Korean glues to a word (박원순의, 박원순씨, 조국을 → 박원순, 조국), so the
/// variants of a name or subject count as one term. At most two endings go (처벌을해주세요 → 처벌을 → 처벌), and only
/// when a stem of two or more letters remains: 국가 and 의사 keep their last syllable. Nouns that merely end like a
/// particle (고속도로, 민주주의, 고양이, 선거제도) are listed, so their stem is not eaten.
/// </summary>
public static class KoreanSuffixes
{
    private const int MinimumStem = 2;

    // Longest first within each group, so 에서 is tried before 서 could be.
    private static readonly string[] VerbEndings =
    [
        "시켜주십시오", "해주십시오", "해주십시요", "시켜주세요", "해주시기", "해주세요", "해주십시", "해야합니다", "드립니다", "바랍니다",
        "했습니다", "합니다", "입니다", "됩니다", "주세요", "시켜라", "해주라", "해줘요", "하십시오", "하세요", "하라", "해라", "하자",
        "하는", "하고", "하여", "해야", "했던", "하게", "한다", "하지", "해서", "하면", "되어야", "되는", "해줘",
    ];

    private static readonly string[] Particles =
    [
        "으로부터", "에게서", "에서는", "에서도", "으로는", "에게는", "까지는", "이라는", "에서", "에게", "한테", "께서", "으로", "부터",
        "까지", "처럼", "보다", "이나", "라는", "이랑", "들의", "들이", "들을", "들은", "들도", "들에", "들과", "들",
        "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "씨", "님", "께", "랑",
    ];

    // Word endings that belong to the noun, not to a particle: the word is kept whole when it ends with one of these.
    private static readonly string[] NounEndings =
    [
        "주의", "어린이", "고양이", "원숭이", "놀이", "벌이", "전문가", "정치가", "예술가", "사업가", "투자가", "자본가", "건축가",
        "국가", "물가", "평가", "휴가", "단가", "주가", "원가", "대가", "증가", "추가", "참가", "허가", "인가", "제도", "정도",
        "태도", "속도", "한도", "지도", "용도", "온도", "농도", "의도", "보도", "강도", "빈도", "도로", "경로", "통로", "진로",
        "선로", "항로", "철로", "수로", "외과", "내과", "학과", "효과", "결과", "성과", "사과", "부과", "통과", "초과", "피해",
        "손해", "방해", "침해", "재해", "살해", "가해", "폐해", "이해", "오해", "정의", "동의", "합의", "논의", "협의", "건의",
        "결의", "모의", "항의", "문의", "의의", "관계", "세계",
    ];

    /// <summary>The word without its trailing particles or verb endings (at most two), or the word itself.</summary>
    public static string Stem(string word)
    {
        var stem = StripOnce(word);
        return ReferenceEquals(stem, word) ? word : StripOnce(stem);
    }

    private static string StripOnce(string word)
    {
        if (word.Length <= MinimumStem || !IsHangul(word[^1]) || KeepsWhole(word))
        {
            return word;
        }

        foreach (var ending in VerbEndings)
        {
            if (word.Length - ending.Length >= MinimumStem && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        foreach (var ending in Particles)
        {
            if (word.Length - ending.Length >= MinimumStem && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }

    // 국무회의 is a meeting, 국회의 is 국회 with 의: 회의 keeps a word whole only when it is four letters or more.
    private static bool KeepsWhole(string word) =>
        Array.Exists(NounEndings, e => word.EndsWith(e, StringComparison.Ordinal))
        || (word.Length >= 4 && word.EndsWith("회의", StringComparison.Ordinal));

    internal static bool IsHangul(char ch) => ch is >= '\uAC00' and <= '\uD7A3';
}
