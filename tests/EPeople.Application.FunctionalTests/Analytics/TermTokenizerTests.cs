using EPeople.Application.Analytics.Terms;

namespace EPeople.Application.FunctionalTests.Analytics;

/// <summary>Korean titles as trend analysis counts them: particle variants meet in one term, stems are not eaten.</summary>
public sealed class TermTokenizerTests
{
    [TestCase("박원순의", "박원순")]
    [TestCase("박원순씨", "박원순")]
    [TestCase("박원순", "박원순")]
    [TestCase("조국을", "조국")]
    [TestCase("조국의", "조국")]
    [TestCase("조국", "조국")]
    [TestCase("처벌을해주세요", "처벌")]
    [TestCase("국회에서", "국회")]
    [TestCase("국가", "국가")]
    [TestCase("의사", "의사")]
    [TestCase("복지국가", "복지국가")]
    [TestCase("고속도로", "고속도로")]
    [TestCase("민주주의", "민주주의")]
    [TestCase("국무회의", "국무회의")]
    [TestCase("국회의", "국회")]
    public void ShouldStripParticlesButNotStems(string word, string stem) => KoreanSuffixes.Stem(word).ShouldBe(stem);

    [Test]
    public void ShouldCountParticleVariantsAsOneTerm()
    {
        var titles = new[] { "박원순의 서울시 정책", "박원순씨 사퇴하라", "박원순 시장 고발합니다" };

        var terms = titles.Select(t => TermTokenizer.Terms(t)).ToList();

        terms.ShouldAllBe(t => t.Contains("박원순"));
        terms.SelectMany(t => t).Count(t => t.StartsWith("박원순", StringComparison.Ordinal) && !t.Contains(' ', StringComparison.Ordinal)).ShouldBe(3);
    }

    [Test]
    public void ShouldDropBoilerplateStopWordsNumbersAndAddresses()
    {
        var terms = TermTokenizer.Terms("대통령님 제발 미세먼지 대책 요청합니다!! 2019 https://www1.president.go.kr/petitions/1 the fine DUST");

        terms.ShouldBe(["미세먼지", "fine", "dust", "fine dust"]);
    }

    [Test]
    public void ShouldPairNeighbouringTermsAfterFoldingWidthAndCase() =>
        TermTokenizer.Terms("자유한국당 정당해산을 청구합니다, ＫＴＸ 요금").ShouldBe(["자유한국당", "정당해산", "청구", "ktx", "요금", "자유한국당 정당해산", "정당해산 청구", "청구 ktx", "ktx 요금"]);

    [Test]
    public void ShouldShingleAcrossSpacing() =>
        TermTokenizer.Shingles("정당 해산").ShouldBe(TermTokenizer.Shingles("정당해산"));
}
