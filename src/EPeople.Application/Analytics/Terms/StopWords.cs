namespace EPeople.Application.Analytics.Terms;

/// <summary>
/// Words that say nothing about a petition's subject: the boilerplate of Korean petition titles (청원, 국민, 요청, 부탁,
/// 제발, 대통령님, 해주세요…), function words, and English stop words. Checked against the stem, after particles go.
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // Petition boilerplate
        "청원", "청원합니다", "국민청원", "청와대", "국민", "국민들", "요청", "요청합니다", "부탁", "부탁드립니다", "제발", "대통령", "대통령님",
        "문재인대통령님", "문재인대통령", "해주세요", "해주십시오", "합니다", "주세요", "바랍니다", "원합니다", "촉구", "촉구합니다", "요구",
        "요구합니다", "건의", "건의합니다", "호소", "호소합니다", "청원드립니다", "도와주세요", "살려주세요", "막아주세요", "처리", "해결", "해결해주세요",
        "하라", "해라", "하자", "해야", "해서", "하는", "하고", "하여", "하게", "하지", "한다", "했던", "있는", "없는", "있습니다", "없습니다",
        "입니다", "됩니다", "되는", "되어야", "않는", "않고", "같은", "이런", "그런", "저런", "이번", "이제", "지금", "현재", "관련", "관한",
        "관하여", "대한", "대하여", "대해", "대해서", "위한", "위해", "위하여", "통해", "통한", "따른", "따라", "의한", "인한", "그리고", "그러나",
        "하지만", "또한", "정말", "너무", "진짜", "매우", "많이", "많은", "모든", "모두", "다시", "아직", "반드시", "꼭", "좀", "더", "왜", "및",
        "등", "것", "수", "저희", "우리", "제가", "저는", "저도", "나는", "당신", "여러분", "어떻게", "무엇", "누가", "언제", "이유", "문제",
        "사람", "사람들", "부탁드려요", "바람", "바래요", "주십시오", "주십시요", "해주시기", "해주십시요", "청원글", "게시판", "청원게시판",
        "글", "내용", "답변", "동의", "하세요", "하십시오", "입장", "대책", "방안", "개선", "강화", "필요", "필요합니다", "관리",
        // English
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "not", "no", "is", "are", "was", "were",
        "be", "been", "it", "its", "this", "that", "these", "those", "as", "but", "if", "so", "we", "you", "he", "she", "they", "i",
        "my", "our", "your", "me", "us", "please", "about", "into", "than", "then", "there", "here", "what", "which", "who", "will",
        "would", "should", "can", "could", "do", "does", "did", "have", "has", "had", "www", "www1", "http", "com", "kr", "go", "co",
        "html", "php", "petitions", "president",
    };

    public static bool Contains(string stem) => Words.Contains(stem);
}
