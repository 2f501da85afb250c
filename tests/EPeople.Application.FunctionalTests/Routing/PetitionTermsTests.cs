using EPeople.Application.Petitions.Routing.Learning;

namespace EPeople.Application.FunctionalTests.Routing;

/// <summary>Korean text as the classifier reads it: particles and endings stripped to a shared stem, spacing tolerated.</summary>
public sealed class PetitionTermsTests
{
    [TestCase("박원순의", "박원순")]
    [TestCase("박원순씨", "박원순")]
    [TestCase("박원순은", "박원순")]
    [TestCase("정부에서", "정부")]
    [TestCase("국가", "국가")] // 가 is part of the word: no stem of one syllable is left
    public void ShouldStripParticlesToTheStem(string word, string stem) => PetitionTerms.Stem(word).ShouldBe(stem);

    [Test]
    public void ShouldGiveParticleVariantsAShareOfTheirTerms()
    {
        var a = PetitionTerms.Extract("박원순의 정책", TermShape.Default);
        var b = PetitionTerms.Extract("박원순씨 정책을", TermShape.Default);

        a.ShouldContain("w:박원순");
        b.ShouldContain("w:박원순");
        a.ShouldContain("b:박원순 정책");
        b.ShouldContain("b:박원순 정책");
    }

    [Test]
    public void ShouldFoldCaseFullWidthAndPunctuation() =>
        PetitionTerms.Normalize("ＫＴＸ 요금!! (인상)").ShouldBe("ktx 요금    인상 ");
}
