using System.Text.Json.Nodes;
using EPeople.Workflows.Validation;

namespace EPeople.Workflows.UnitTests.Validation;

/// <summary>One test (or more) per rule of ENGINE.md §4.11: the reference flow is valid, and each change breaks exactly the rule it targets.</summary>
public sealed class DefinitionValidatorTests
{
    private static ValidationReport Validate(Action<JsonObject> change)
    {
        var document = DefinitionDocument.Reference();
        change(document);
        return DefinitionValidator.Default.Validate(document.ToJsonString());
    }

    private static void ShouldReport(ValidationReport report, string rule, string? node, string? messagePart = null)
    {
        report.IsValid.ShouldBeFalse();
        report.Errors.ShouldContain(
            p => p.Rule == rule && p.NodeId == node && (messagePart == null || p.Message.Contains(messagePart, StringComparison.Ordinal)) && p.Hint.Length > 0,
            string.Join("\n", report.Problems));
    }

    [Test]
    public void ShouldAcceptTheReferenceFlowWithoutProblems()
    {
        var report = DefinitionValidator.Default.Validate(DefinitionDocument.ReferenceJson());

        report.Problems.ShouldBeEmpty(string.Join("\n", report.Problems));
    }

    [Test]
    public void ShouldExplainWhereTheJsonIsBroken()
    {
        var report = DefinitionValidator.Default.Validate("{ \"definitionId\": \"x\", \"activities\": [ { \"id\": 1 } ] }");

        ShouldReport(report, Rules.Format, null, "line 1");
    }

    [Test]
    public void ShouldRequireTheFormatIdentifierAndAKey()
    {
        var report = Validate(d =>
        {
            d["$schema"] = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";
            d["definitionId"] = "Bad Key";
        });

        report.Errors.Count(p => p.Rule == Rules.Format).ShouldBe(2);
    }

    [Test]
    public void ShouldRequireExactlyOneStart()
    {
        ShouldReport(Validate(d => d.AddNode("secondStart", "EPeople.Receive")), Rules.SingleStart, "secondStart");
        ShouldReport(Validate(d => d.Node("receive")["type"] = "EPeople.Timer"), Rules.SingleStart, null);
    }

    [Test]
    public void ShouldRequireAnEnd() =>
        ShouldReport(Validate(d =>
        {
            d.Node("end")["type"] = "EPeople.Notify";
            d.Node("endWithdrawn")["type"] = "EPeople.Notify";
        }), Rules.EndRequired, null);

    [Test]
    public void ShouldRequireUniqueUrlSafeIds()
    {
        ShouldReport(Validate(d => d.AddNode("end", "EPeople.End")), Rules.UniqueIds, "end");
        ShouldReport(Validate(d => d.Node("cooldown")["id"] = "cool down/1"), Rules.UrlSafeIds, "cool down/1");
    }

    [Test]
    public void ShouldLimitTheNumberOfNodes() =>
        ShouldReport(Validate(d =>
        {
            for (var i = 0; i < 300; i++)
            {
                d.AddNode($"extra{i}", "EPeople.End");
            }
        }), Rules.SizeLimits, null);

    [Test]
    public void ShouldLimitTheDocumentSize()
    {
        var document = DefinitionDocument.Reference();
        document["name"] = new string('가', DefinitionValidator.MaxBytes / 3 + 10);

        ShouldReport(DefinitionValidator.Default.Validate(document.ToJsonString()), Rules.SizeLimits, null);
    }

    [Test]
    public void ShouldRefuseUnknownActivityTypes() =>
        ShouldReport(Validate(d => d.Node("cooldown")["type"] = "Elsa.RunCSharp"), Rules.KnownActivity, "cooldown");

    [Test]
    public void ShouldRefuseWiresToMissingNodesAndWrongPorts()
    {
        ShouldReport(Validate(d => d.Wire("cooldown", "Done", "nowhere")), Rules.ConnectionNodes, "cooldown");
        ShouldReport(Validate(d => d.Wire("underLimit", "Maybe", "end")), Rules.DeclaredOutcome, "underLimit", "'Maybe'");
        ShouldReport(Validate(d =>
        {
            d.Unwire("cooldown", "Done");
            d.Wire("cooldown", "Done", "end", targetPort: "Out");
        }), Rules.TargetIn, "end");
    }

    [Test]
    public void ShouldAllowOneWirePerOutcome() =>
        ShouldReport(Validate(d => d.Wire("receive", "Done", "cooldown")), Rules.OneWirePerPort, "receive");

    [Test]
    public void ShouldRequireEveryOutcomeToBeWired()
    {
        ShouldReport(Validate(d => d.Unwire("underLimit", "False")), Rules.OutcomesWired, "underLimit", "'False'");
        ShouldReport(Validate(d => d.Unwire("handle", "Overdue")), Rules.OutcomesWired, "handle", "'Overdue'");
        ShouldReport(Validate(d => d.Unwire("feedback", "Timeout")), Rules.OutcomesWired, "feedback", "'Timeout'");
        ShouldReport(Validate(d => d.Unwire("route", "Default")), Rules.OutcomesWired, "route", "'Default'");
    }

    [Test]
    public void ShouldRefuseNodesThatCannotBeReached()
    {
        var report = Validate(d =>
        {
            d.AddNode("orphan", "EPeople.Timer", new JsonObject { ["for"] = DefinitionDocument.Expression("Literal", "P1D") });
            d.Wire("orphan", "Done", "end");
        });

        ShouldReport(report, Rules.Reachable, "orphan");
    }

    [Test]
    public void ShouldRefuseDeadEnds()
    {
        var report = Validate(d =>
        {
            d.AddNode("limbo", "EPeople.Timer", new JsonObject { ["for"] = DefinitionDocument.Expression("Literal", "P1D") });
            d.Rewire("cooldown", "Done", "limbo");
        });

        ShouldReport(report, Rules.ReachesEnd, "limbo");
    }

    [Test]
    public void ShouldRefuseParallelBranchesMeetingOutsideAJoin()
    {
        var report = Validate(d =>
        {
            d.AddNode("merge", "EPeople.SetVariable", new JsonObject
            {
                ["variable"] = DefinitionDocument.Expression("Literal", "kind"),
                ["value"] = DefinitionDocument.Expression("Literal", "merged"),
            });
            d.Rewire("legal", "Reviewed", "merge");
            d.Rewire("budget", "Reviewed", "merge");
            d.Wire("merge", "Done", "opinionsDone");
        });

        ShouldReport(report, Rules.NoImplicitMerge, "merge", "'Legal' and 'Budget'");
    }

    [Test]
    public void ShouldAllowExclusiveBranchesToMeetWithoutAJoin()
    {
        // route.Proposal and route.Default both lead to handle (the reference flow); no implicit-merge problem.
        var report = DefinitionValidator.Default.Validate(DefinitionDocument.ReferenceJson());

        report.Problems.ShouldNotContain(p => p.Rule == Rules.NoImplicitMerge);
    }

    [Test]
    public void ShouldRequireForkBranchesToReachAJoinOrAnEnd() =>
        ShouldReport(Validate(d => d.Rewire("legal", "Reviewed", "opinions")), Rules.ForkClosed, "opinions", "'Legal'");

    [Test]
    public void ShouldRequireAValidJoinMode()
    {
        ShouldReport(Validate(d => d.Inputs("opinionsDone")["mode"] = DefinitionDocument.Expression("Literal", "Most")), Rules.JoinMode, "opinionsDone", "'Most'");
        ShouldReport(Validate(d => d.Inputs("opinionsDone")["mode"] = DefinitionDocument.Expression("Literal", "Quorum(3)")), Rules.JoinMode, "opinionsDone", "Quorum(3)");
        ShouldReport(Validate(d => d.Rewire("budget", "Reviewed", "end")), Rules.JoinMode, "opinionsDone", "at least two");
    }

    [Test]
    public void ShouldRefuseLoopsThatNeverWait() =>
        ShouldReport(Validate(d => d.Rewire("underLimit", "True", "countTransfer")), Rules.GuardedCycle, "countTransfer");

    [Test]
    public void ShouldAllowLoopsThroughAWaitState()
    {
        // handle → countTransfer → underLimit → handle passes through the human task (the reference flow).
        DefinitionValidator.Default.Validate(DefinitionDocument.ReferenceJson()).Problems.ShouldNotContain(p => p.Rule == Rules.GuardedCycle);
    }

    [Test]
    public void ShouldRequireRequiredInputs() =>
        ShouldReport(Validate(d => d.Inputs("underLimit").Remove("condition")), Rules.RequiredInput, "underLimit", "'condition'");

    [Test]
    public void ShouldWarnAboutUnknownInputs()
    {
        var report = Validate(d => d.Inputs("cooldown")["colour"] = DefinitionDocument.Expression("Literal", "red"));

        report.IsValid.ShouldBeTrue();
        report.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Warning && p.NodeId == "cooldown" && p.Message.Contains("colour"));
    }

    [Test]
    public void ShouldCheckHumanTaskAssignmentPositionAndActions()
    {
        ShouldReport(Validate(d =>
        {
            d.Inputs("legal").Remove("department");
        }), Rules.HumanTask, "legal", "assigned to nobody");
        ShouldReport(Validate(d => d.Inputs("handle")["position"] = DefinitionDocument.Expression("Literal", "Minister")), Rules.HumanTask, "handle", "'Minister'");
        ShouldReport(Validate(d => d.Inputs("legal")["actions"] = new JsonArray(new JsonObject { ["key"] = "Timeout" })), Rules.HumanTask, "legal", "reserved");
        ShouldReport(Validate(d => d.Inputs("legal")["actions"] = new JsonArray(new JsonObject { ["key"] = "Reviewed" }, new JsonObject { ["key"] = "Reviewed" })), Rules.HumanTask, "legal", "repeated");
        ShouldReport(Validate(d => d.Inputs("legal")["actions"] = new JsonArray()), Rules.HumanTask, "legal", "no actions");
    }

    [Test]
    public void ShouldCheckHumanTaskDeadlines()
    {
        JsonArray Deadlines(JsonObject d) => d.Inputs("handle")["deadlines"]!.AsArray();

        ShouldReport(Validate(d => Deadlines(d)[0]!["at"] = "tomorrow"), Rules.HumanTask, "handle", "'tomorrow'");
        ShouldReport(Validate(d => Deadlines(d)[1]!.AsObject().Remove("to")), Rules.HumanTask, "handle", "escalates to nobody");
        ShouldReport(Validate(d => Deadlines(d)[2]!["interrupting"] = false), Rules.HumanTask, "handle", "must be interrupting");
        ShouldReport(Validate(d => Deadlines(d)[0]!["id"] = "escalate"), Rules.HumanTask, "handle", "repeated");
        ShouldReport(Validate(d => Deadlines(d)[0]!["at"] = "due+P5WD"), Rules.HumanTask, "handle", "not in time order");
        ShouldReport(Validate(d => d.Inputs("handle")["due"] = DefinitionDocument.Expression("Literal", "P0WD")), Rules.Duration, "handle", "'P0WD'");
    }

    [Test]
    public void ShouldCheckJointHandling()
    {
        ShouldReport(Validate(d => d.Inputs("joint")["completion"] = DefinitionDocument.Expression("Literal", "LeadDecides")), Rules.JointHandling, "joint", "lead");
        ShouldReport(Validate(d => d.Inputs("joint")["completion"] = DefinitionDocument.Expression("Literal", "Most")), Rules.JointHandling, "joint", "'Most'");
        ShouldReport(Validate(d => d.Inputs("joint")["institutions"] = DefinitionDocument.Expression("Literal", "1352000")), Rules.JointHandling, "joint", "array");
    }

    [TestCase("vars.transferCount <", "does not parse")]
    [TestCase("vars.nope > 1", "'vars.nope' is not a declared variable")]
    [TestCase("eval('1') == 1", "'eval' cannot be used")]
    [TestCase("transferCount > 1", "'transferCount' is not known here")]
    [TestCase("vars.kind.constructor.constructor('return 1')() == 1", "'constructor' cannot be used")]
    [TestCase("(function () { return true; })()", "functions and classes")]
    [TestCase("vars.transferCount = 5", "cannot assign")]
    public void ShouldRefuseJavaScriptThatIsBrokenOrUnsafe(string script, string message) =>
        ShouldReport(Validate(d => d.Inputs("underLimit")["condition"] = DefinitionDocument.Expression("JavaScript", script)), Rules.Expression, "underLimit", message);

    [Test]
    public void ShouldAllowArrowFunctionsOverVariables() =>
        Validate(d => d.Inputs("underLimit")["condition"] = DefinitionDocument.Expression("JavaScript", "vars.institutions.some(i => i == '1352000')"))
            .Problems.ShouldBeEmpty();

    [Test]
    public void ShouldRefuseHostLanguagesAndLanguagesAnInputDoesNotTake()
    {
        ShouldReport(Validate(d => d.Inputs("underLimit")["condition"] = DefinitionDocument.Expression("CSharp", "true")), Rules.Expression, "underLimit", "'CSharp'");
        ShouldReport(Validate(d => d.Inputs("underLimit")["condition"] = DefinitionDocument.Expression("Liquid", "{{ true }}")), Rules.Expression, "underLimit", "Liquid");
        ShouldReport(Validate(d => d.Inputs("underLimit")["condition"] = DefinitionDocument.Expression("Literal", "yes")), Rules.Expression, "underLimit", "not true or false");
        ShouldReport(Validate(d => d.Inputs("underLimit")["condition"] = "vars.transferCount < 3"), Rules.Expression, "underLimit", "not an expression");
    }

    [Test]
    public void ShouldRefuseLiquidThatDoesNotParse() =>
        ShouldReport(Validate(d => d.Inputs("handle")["title"] = DefinitionDocument.Expression("Liquid", "{{ petition.title ")), Rules.Expression, "handle", "does not parse");

    [Test]
    public void ShouldCheckTimers()
    {
        ShouldReport(Validate(d => d.Inputs("cooldown")["until"] = DefinitionDocument.Expression("JavaScript", "now")), Rules.Duration, "cooldown", "exactly one");
        ShouldReport(Validate(d => d.Inputs("cooldown")["for"] = DefinitionDocument.Expression("Literal", "four hours")), Rules.Duration, "cooldown", "'four hours'");
    }

    [Test]
    public void ShouldRequireRegisteredEvents()
    {
        ShouldReport(Validate(d => d.Inputs("feedback")["event"] = DefinitionDocument.Expression("Literal", "SomethingHappened")), Rules.Event, "feedback", "'SomethingHappened'");
        ShouldReport(Validate(d => d["events"]![0]!["event"] = "Gone"), Rules.Event, null, "'Gone'");
        ShouldReport(Validate(d => d["events"]![0]!["target"] = "missing"), Rules.Event, null, "'missing'");
    }

    [Test]
    public void ShouldRequireRegisteredTypeAliasesAndUniqueVariableNames()
    {
        ShouldReport(Validate(d => d["variables"]![0]!["type"] = "System.String, System.Private.CoreLib"), Rules.Variables, null, "not a registered alias");
        ShouldReport(Validate(d => d["variables"]![1]!["name"] = "kind"), Rules.Variables, null, "declared twice");
        ShouldReport(Validate(d => d.Inputs("countTransfer")["variable"] = DefinitionDocument.Expression("Literal", "count")), Rules.Variables, "countTransfer", "'count'");
    }

    [Test]
    public void ShouldCheckSwitchCasesAndForkBranches()
    {
        ShouldReport(Validate(d => d.Inputs("route")["cases"] = new JsonArray(
            new JsonObject { ["name"] = "Proposal", ["condition"] = "true" },
            new JsonObject { ["name"] = "Proposal", ["condition"] = "false" })), Rules.Structure, "route", "repeated");
        ShouldReport(Validate(d => d.Inputs("opinions")["branches"] = new JsonArray("Legal")), Rules.Structure, "opinions", "at least two");
        ShouldReport(Validate(d => d.Inputs("route")["cases"] = "Proposal"), Rules.Structure, "route", "array of objects");
    }

    [Test]
    public void ShouldNameTheRuleTheNodeAndAHintInEveryMessage()
    {
        var problem = Validate(d => d.Unwire("underLimit", "False")).Errors.First();

        problem.ToString().ShouldBe("error [outcomes-wired] node 'underLimit': Outcome 'False' is not wired. — Connect 'False' to the next step (an End if nothing follows).");
    }
}
