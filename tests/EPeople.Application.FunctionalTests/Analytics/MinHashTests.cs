using EPeople.Application.Analytics.Similarity;

namespace EPeople.Application.FunctionalTests.Analytics;

/// <summary>The similarity primitives alone (no database).</summary>
public sealed class MinHashTests
{
    [TestCase("보도블록이 깨져서 위험합니다 빠른 보수 부탁드립니다", "보도블록이 깨져서 위험합니다. 빠른 보수를 부탁드립니다!")]
    [TestCase("자유한국당 해체를 촉구합니다", "자유한국당 해산을 촉구합니다")]
    [TestCase("버스 배차 간격을 줄여 주세요", "가로등이 고장 나서 밤길이 어둡습니다")]
    [TestCase("청소년 보호법 개정을 요청합니다 게임 시간 제한", "청소년 보호법 개정 요청 게임 셧다운제 폐지")]
    public void ShouldEstimateTheJaccardSimilarityClosely(string a, string b)
    {
        var exact = TextShingles.Jaccard(a, b);
        var estimate = MinHash.Estimate(MinHash.Signature(a), MinHash.Signature(b));

        // 60 hashes: standard error ≤ 0.065; 0.2 is beyond three of them.
        estimate.ShouldBe(exact, 0.2);
    }

    [Test]
    public void ShouldIgnoreSpacingPunctuationAndCase()
    {
        TextShingles.Normalize("보도 블록이, 깨졌어요! ABC").ShouldBe("보도블록이깨졌어요abc");
        MinHash.Estimate(MinHash.Signature("보도 블록이, 깨졌어요!"), MinHash.Signature("보도블록이 깨졌어요")).ShouldBe(1.0);
    }

    [Test]
    public void ShouldGiveTheSameSignatureAndBandKeysInEveryProcess()
    {
        var signature = MinHash.Signature("보도블록 파손 신고");
        signature.Length.ShouldBe(MinHash.SignatureBytes);
        MinHash.Signature("보도블록 파손 신고").ShouldBe(signature);
        MinHash.BandKeys(signature, SimilarityField.Title).ShouldBe(MinHash.BandKeys(MinHash.Signature("보도블록 파손 신고"), SimilarityField.Title));
        MinHash.BandKeys(signature, SimilarityField.Title).Intersect(MinHash.BandKeys(signature, SimilarityField.Content)).ShouldBeEmpty();
    }

    [Test]
    public void ShouldShareABandKeyForNearDuplicatesAndNotForDifferentTexts()
    {
        static long[] Keys(string text) => MinHash.BandKeys(MinHash.Signature(text), SimilarityField.Title);

        Keys("실효성 없는 5등급차 운행금지를 철회해주십시오").Intersect(Keys("실효성 없는 5등급차 운행금지 철회해 주십시오")).ShouldNotBeEmpty();
        Keys("실효성 없는 5등급차 운행금지를 철회해주십시오").Intersect(Keys("어린이집 보육교사 처우 개선을 요청합니다")).ShouldBeEmpty();
    }
}
