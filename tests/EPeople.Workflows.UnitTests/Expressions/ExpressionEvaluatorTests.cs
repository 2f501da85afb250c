using System.Text.Json.Nodes;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Expressions;

namespace EPeople.Workflows.UnitTests.Expressions;

public sealed class ExpressionEvaluatorTests
{
    private static readonly ExpressionEvaluator Evaluator = new();

    private static readonly ExpressionScope Scope = new(
        new JsonObject { ["transferCount"] = 2, ["institutions"] = new JsonArray("1352000", "1613000"), ["kind"] = "Grievance" },
        new JsonObject { ["title"] = "버스 노선 개선 요청", ["number"] = "1AA-2611-000123" },
        new JsonObject { ["action"] = "Answer" },
        new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));

    private static WorkflowExpression Js(string source) => new(ExpressionLanguage.JavaScript, JsonValue.Create(source), "JavaScript");

    [Test]
    public void ShouldEvaluateJavaScriptOverVariablesPetitionTaskAndNow()
    {
        Evaluator.EvaluateBool(Js("vars.transferCount < 3 && task.action == 'Answer'"), Scope).ShouldBeTrue();
        Evaluator.Evaluate(Js("vars.institutions.filter(i => i != '1352000')"), Scope)!.ToJsonString().ShouldBe("[\"1613000\"]");
        Evaluator.EvaluateText(Js("petition.number"), Scope).ShouldBe("1AA-2611-000123");
        Evaluator.EvaluateText(Js("now"), Scope).ShouldBe("2026-11-30T01:00:00.0000000+00:00");
    }

    [Test]
    public void ShouldRenderLiquidWithKoreanText() =>
        Evaluator.EvaluateText(new WorkflowExpression(ExpressionLanguage.Liquid, JsonValue.Create("민원 {{ petition.number }}: {{ petition.title }} ({{ vars.transferCount }}회 이송)"), "Liquid"), Scope)
            .ShouldBe("민원 1AA-2611-000123: 버스 노선 개선 요청 (2회 이송)");

    [Test]
    public void ShouldStopRunawayScriptsAndKeepWorkingAfterwards()
    {
        var ex = Should.Throw<ExpressionException>(() => Evaluator.Evaluate(Js("(f => f(f))(f => f(f))"), Scope));
        ex.Message.ShouldContain("failed");

        Should.Throw<ExpressionException>(() => Evaluator.Evaluate(Js("Array(10000000).fill('x').join('')"), Scope));
        Evaluator.EvaluateBool(Js("vars.kind == 'Grievance'"), Scope).ShouldBeTrue();
    }

    [Test]
    public void ShouldHaveNoAccessToDotNet()
    {
        Evaluator.EvaluateText(Js("typeof System"), Scope).ShouldBe("undefined");
        Evaluator.EvaluateText(Js("typeof importNamespace"), Scope).ShouldBe("undefined");
    }

    [Test]
    public void ShouldRefuseANonBooleanCondition() =>
        Should.Throw<ExpressionException>(() => Evaluator.EvaluateBool(Js("vars.transferCount"), Scope)).Message.ShouldContain("not true or false");

    [Test]
    public void ShouldEvaluateInParallelWithoutMixingScopes()
    {
        var results = Enumerable.Range(0, 200).AsParallel().Select(i =>
            Evaluator.EvaluateText(Js("vars.n * 2"), Scope with { Variables = new JsonObject { ["n"] = i } }) ?? "").ToList();

        results.ShouldBe(Enumerable.Range(0, 200).Select(i => (i * 2).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());
    }

    private static readonly ExpressionScope PathScope = new(
        new JsonObject { ["period"] = "P7WD", ["dueAt"] = null, ["empty"] = "", ["zero"] = 0, ["count"] = 3, ["flag"] = false, ["institution"] = "6110000", ["nested"] = new JsonObject { ["code"] = "1613000" } },
        null,
        new JsonObject { ["data"] = new JsonObject { ["institutionCodes"] = new JsonArray("1613000", "1352000"), ["dueAt"] = "2026-12-01T09:00:00Z" } },
        new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));

    // Read straight from the JSON; each must give what Jint gives for the same text (wrapped so that Jint runs it).
    [TestCase("vars.institution")]
    [TestCase("vars.nested.code")]
    [TestCase("vars.nested")]
    [TestCase("vars.missing")]
    [TestCase("vars.dueAt || vars.period")]
    [TestCase("vars.empty || vars.zero || vars.flag")]
    [TestCase("vars.zero || vars.count")]
    [TestCase("vars.missing || vars.dueAt")]
    [TestCase("task.data.institutionCodes")]
    [TestCase("task.data.dueAt || vars.period")]
    public void ShouldReadMemberPathsExactlyAsJavaScriptDoes(string source)
    {
        var fast = Evaluator.Evaluate(Js(source), PathScope);
        var jint = Evaluator.Evaluate(Js($"[{source}][0]"), PathScope);

        fast?.ToJsonString().ShouldBe(jint?.ToJsonString());
    }

    [TestCase("vars.missing.code")]
    [TestCase("petition.number")]
    public void ShouldLeaveWhatJavaScriptRefusesToJint(string source) =>
        Should.Throw<ExpressionException>(() => Evaluator.Evaluate(Js(source), PathScope)).Message.ShouldContain("failed");

    [Test]
    public void ShouldLeaveInheritedMembersToJint() =>
        Evaluator.EvaluateText(Js("vars.institution.length || vars.constructor.name"), PathScope).ShouldBe("7");
}
