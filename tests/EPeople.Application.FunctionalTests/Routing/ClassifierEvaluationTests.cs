using EPeople.Application.Petitions.Routing.Learning;

namespace EPeople.Application.FunctionalTests.Routing;

/// <summary>The router's yardsticks: top-k accuracy and the share routable at a precision, taken most confident first.</summary>
public sealed class ClassifierEvaluationTests
{
    [Test]
    public void ShouldCountTopOneTopThreeAndTheConfusion()
    {
        var evaluation = ClassifierEvaluation.Measure(
        [
            ("a", ["a", "b", "c"], 0.9),
            ("b", ["a", "c", "b"], 0.8),
            ("c", ["a", "b", "d"], 0.7),
            ("c", ["c", "a", "b"], 0.6),
        ], ["a", "b", "c", "d"]);

        (evaluation.Count, evaluation.Top1, evaluation.Top3).ShouldBe((4, 0.5, 0.75));
        evaluation.Confusion[1, 0].ShouldBe(1); // a b predicted as a
        evaluation.Confusion[2, 2].ShouldBe(1);
    }

    [Test]
    public void ShouldCoverTheLargestMostConfidentShareThatKeepsThePrecision()
    {
        // Right, right, wrong, right, wrong: the first four are 75 % right, the first two 100 %.
        (double, bool)[] byConfidence = [(0.9, true), (0.8, true), (0.7, false), (0.6, true), (0.5, false)];

        ClassifierEvaluation.Coverage(byConfidence, 0.9).ShouldBe(2);
        ClassifierEvaluation.Coverage(byConfidence, 0.75).ShouldBe(4);
        ClassifierEvaluation.Coverage(byConfidence, 0.6).ShouldBe(5);
    }

    [Test]
    public void ShouldNotCutBetweenPetitionsOfEqualConfidence()
    {
        // The router cannot route one of two equally confident petitions and not the other.
        ClassifierEvaluation.Coverage([(0.9, true), (0.8, true), (0.8, false)], 0.9).ShouldBe(1);
    }
}
