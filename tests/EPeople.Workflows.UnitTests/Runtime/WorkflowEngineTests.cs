using System.Text.Json.Nodes;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Calendar;
using EPeople.Workflows.Runtime;
using EPeople.Workflows.UnitTests.Validation;

namespace EPeople.Workflows.UnitTests.Runtime;

public sealed class WorkflowEngineTests
{
    private static DateTimeOffset Kst(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, BusinessCalendar.KoreaOffset);

    [Test]
    public void ShouldRunToTheFirstTaskWithItsDueDateAndDeadlines()
    {
        var flow = EngineHarness.Reference();

        flow.Start(new JsonObject { ["kind"] = "Grievance", ["leadInstitution"] = "6110000" });

        flow.Last.Outcome.ShouldBe(CommandOutcome.Applied);
        var task = flow.TaskAt("handle");
        task.Title.ShouldBe("민원 처리: ");
        task.Institution.ShouldBe("6110000");
        task.Position.ShouldBe("Officer");
        task.Actions.ShouldBe(["Answer", "Transfer", "RequestOpinions", "RequestJoint", "RequestSupplement"]);
        task.DueAt.ShouldBe(Kst(12, 8, 18)); // 7 working days from Monday 11-30, first day counted
        task.DueExplanationEn!.ShouldContain("counting the first day");
        flow.Timers.Values.Select(t => (t.DeadlineId, t.FireAt)).OrderBy(t => t.FireAt).ShouldBe(
        [
            ("remind", Kst(12, 7, 18)), ("escalate", Kst(12, 8, 18)), ("overdue", Kst(12, 11, 18)),
        ]);
        flow.State.Tokens.ShouldHaveSingleItem().Status.ShouldBe(TokenStatus.Waiting);
        flow.History.Select(h => h.Event).ShouldBe(["Started", "NodeCompleted", "NodeCompleted", "TaskCreated"]);
    }

    [Test]
    public void ShouldAnswerNotifyWaitForFeedbackAndClose()
    {
        var flow = EngineHarness.Reference();
        flow.Start();

        flow.Act("handle", "Answer", new JsonObject { ["answer"] = "처리했습니다." });

        flow.ClosedTasks.ShouldHaveSingleItem().ShouldBe((flow.ClosedTasks[0].TaskId, TaskClosure.Completed, "Answer"));
        flow.Timers.Values.ShouldHaveSingleItem().Kind.ShouldBe(TimerKind.Timeout); // the deadlines went with the task; feedback waits 14 days
        var notice = flow.Outbox.ShouldHaveSingleItem();
        notice.Type.ShouldBe("workflow.notice");
        notice.Payload["body"]!.ToString().ShouldEndWith("민원에 답변이 등록되었습니다.");
        flow.State.LastTask!["data"]!["answer"]!.ToString().ShouldBe("처리했습니다.");

        flow.Deliver("FeedbackSubmitted", payload: new JsonObject { ["rating"] = 5 });

        flow.State.Status.ShouldBe(InstanceStatus.Completed);
        flow.State.EndStatus.ShouldBe("Closed");
        flow.State.Tokens.ShouldBeEmpty();
        flow.State.Bookmarks.ShouldBeEmpty();
        flow.Timers.ShouldBeEmpty();
    }

    [Test]
    public void ShouldLoopThroughTransfersUntilTheLimit()
    {
        var flow = EngineHarness.Reference();
        flow.Start();

        for (var i = 0; i < 3; i++)
        {
            flow.Act("handle", "Transfer");
        }

        flow.State.Variables["transferCount"]!.GetValue<int>().ShouldBe(3);
        flow.State.Status.ShouldBe(InstanceStatus.Completed);
        flow.ClosedTasks.Count.ShouldBe(3);
    }

    [Test]
    public void ShouldJoinAllParallelOpinionsBeforeGoingOn()
    {
        var flow = EngineHarness.Reference();
        flow.Start();

        flow.Act("handle", "RequestOpinions");
        flow.OpenTasks.Values.Select(t => t.NodeId).Order().ShouldBe(["budget", "legal"]);

        flow.Act("legal", "Reviewed");
        flow.OpenTasks.Values.ShouldHaveSingleItem().NodeId.ShouldBe("budget");

        flow.Act("budget", "Reviewed");
        flow.OpenTasks.Values.ShouldHaveSingleItem().NodeId.ShouldBe("handle");
        flow.State.Joins.ShouldBeEmpty();
        flow.State.Tokens.ShouldHaveSingleItem().Scopes.ShouldBeEmpty();
    }

    [Test]
    public void ShouldCancelTheOtherBranchWhenAJoinOnAnyCompletes()
    {
        var flow = EngineHarness.Reference(d => d.Inputs("opinionsDone")["mode"] = DefinitionDocument.Expression("Literal", "Any"));
        flow.Start();
        flow.Act("handle", "RequestOpinions");
        var budget = flow.TaskAt("budget");

        flow.Act("legal", "Reviewed");

        flow.ClosedTasks.ShouldContain((budget.Id, TaskClosure.Cancelled, null));
        flow.OpenTasks.Values.ShouldHaveSingleItem().NodeId.ShouldBe("handle");
        flow.State.Tokens.Count.ShouldBe(1);
    }

    [Test]
    public void ShouldGoOnAtAQuorumAndCancelTheRest()
    {
        var flow = EngineHarness.Reference(d =>
        {
            d.Inputs("opinions")["branches"] = new JsonArray("Legal", "Budget", "Ethics");
            d.AddNode("ethics", "EPeople.HumanTask", new JsonObject
            {
                ["title"] = DefinitionDocument.Expression("Literal", "윤리 검토"),
                ["department"] = DefinitionDocument.Expression("Literal", "감사관"),
                ["due"] = DefinitionDocument.Expression("Literal", "P3WD"),
                ["actions"] = new JsonArray(new JsonObject { ["key"] = "Reviewed" }),
            });
            d.Wire("opinions", "Ethics", "ethics");
            d.Wire("ethics", "Reviewed", "opinionsDone");
            d.Inputs("opinionsDone")["mode"] = DefinitionDocument.Expression("Literal", "Quorum(2)");
        });
        flow.Start();
        flow.Act("handle", "RequestOpinions");
        flow.OpenTasks.Count.ShouldBe(3);

        flow.Act("ethics", "Reviewed");
        flow.OpenTasks.Count.ShouldBe(2);
        flow.Act("legal", "Reviewed");

        flow.OpenTasks.Values.ShouldHaveSingleItem().NodeId.ShouldBe("handle");
        flow.ClosedTasks.Count(c => c.Closure == TaskClosure.Cancelled).ShouldBe(1);
    }

    [Test]
    public void ShouldRemindEscalateAndFinallyTimeOutAnUnansweredTask()
    {
        var flow = EngineHarness.Reference();
        flow.Start();
        var task = flow.TaskAt("handle");

        flow.FireTimersUntil(Kst(12, 7, 18));
        flow.Outbox.ShouldHaveSingleItem().Payload["deadline"]!.ToString().ShouldBe("remind");
        flow.OpenTasks.ContainsKey(task.Id).ShouldBeTrue();

        flow.FireTimersUntil(Kst(12, 8, 18));
        flow.TaskUpdates.ShouldHaveSingleItem().ShouldBe(new TaskUpdate(task.Id, null, null, "DepartmentHead", null, true));

        flow.FireTimersUntil(Kst(12, 11, 18));
        flow.ClosedTasks.ShouldContain((task.Id, TaskClosure.TimedOut, "Overdue"));
        flow.State.Status.ShouldBe(InstanceStatus.Completed);
        flow.Outbox.Select(o => o.IdempotencyKey).Distinct().Count().ShouldBe(2);
    }

    [Test]
    public void ShouldMoveAnOpenTasksDueDateAndItsDeadlinesWithoutCompletingIt()
    {
        var flow = EngineHarness.Reference();
        flow.Start();
        var task = flow.TaskAt("handle");
        var extended = Kst(12, 31, 18);

        flow.Act("handle", HumanTaskActivity.RescheduleSignal, new JsonObject { ["due"] = extended.ToString("O"), ["explanationKo"] = "연장", ["explanationEn"] = "extended" });

        flow.OpenTasks.ContainsKey(task.Id).ShouldBeTrue();
        flow.TaskUpdates.ShouldHaveSingleItem().Due.ShouldBe(new TaskDueChange(extended, "연장", "extended"));
        flow.Timers.Values.Where(t => t.Kind == TimerKind.Deadline).Select(t => t.DeadlineId).Order().ShouldBe(["escalate", "overdue", "remind"]);
        flow.Timers.Values.Single(t => t.DeadlineId == "escalate").FireAt.ShouldBe(extended);
        flow.FireTimersUntil(Kst(12, 11, 18)); // the old overdue instant passes: nothing happens
        flow.OpenTasks.ContainsKey(task.Id).ShouldBeTrue();

        flow.Act("handle", HumanTaskActivity.RescheduleSignal, new JsonObject { ["due"] = null }); // paused: no deadlines at all
        flow.Timers.Values.ShouldNotContain(t => t.Kind == TimerKind.Deadline);
    }

    [Test]
    public void ShouldTakeAnEventThatArrivedBeforeTheWait()
    {
        var flow = EngineHarness.Reference();
        flow.Start();

        flow.Deliver("SupplementProvided", payload: new JsonObject { ["file"] = "보완서류.pdf" });
        flow.Last.Outcome.ShouldBe(CommandOutcome.Buffered);
        flow.Inbox.ShouldHaveSingleItem();

        flow.Act("handle", "RequestSupplement");

        flow.Last.Delta.InboxConsumed.ShouldHaveSingleItem();
        flow.Inbox.ShouldBeEmpty();
        flow.OpenTasks.Values.ShouldHaveSingleItem().NodeId.ShouldBe("handle");
        flow.State.LastTask!["payload"]!["file"]!.ToString().ShouldBe("보완서류.pdf");
    }

    [Test]
    public void ShouldTimeOutAWaitForAnEventThenRunATimer()
    {
        var flow = EngineHarness.Reference();
        flow.Start();
        flow.Act("handle", "RequestSupplement");
        flow.Timers.Values.ShouldHaveSingleItem().Kind.ShouldBe(TimerKind.Timeout);

        flow.FireTimersUntil(flow.Now.AddDays(10));
        flow.State.Tokens.ShouldHaveSingleItem().NodeId.ShouldBe("cooldown");

        flow.FireTimersUntil(flow.Now.AddDays(2));
        flow.State.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Test]
    public void ShouldWithdrawFromAnyStateThroughTheCaseEvent()
    {
        var flow = EngineHarness.Reference();
        flow.Start();
        flow.Act("handle", "RequestOpinions");

        flow.Deliver("PetitionWithdrawn");

        flow.State.Status.ShouldBe(InstanceStatus.Completed);
        flow.State.EndStatus.ShouldBe("Withdrawn");
        flow.OpenTasks.ShouldBeEmpty();
        flow.Timers.ShouldBeEmpty();
        flow.ClosedTasks.Count(c => c.Closure == TaskClosure.Cancelled).ShouldBe(2);
    }

    [Test]
    public void ShouldCancelEverything()
    {
        var flow = EngineHarness.Reference();
        flow.Start();

        flow.Run(new CancelCommand("cancel-1", "Filed by mistake", "admin@test"));

        flow.State.Status.ShouldBe(InstanceStatus.Cancelled);
        flow.OpenTasks.ShouldBeEmpty();
        flow.Timers.ShouldBeEmpty();
        flow.History[^1].Event.ShouldBe("Cancelled");
    }

    [Test]
    public void ShouldTreatASecondResumeOrTimerFiringAsAlreadyHandled()
    {
        var flow = EngineHarness.Reference();
        flow.Start();
        var task = flow.TaskAt("handle");
        var reminder = flow.Timers.Values.First(t => t.DeadlineId == "remind");
        flow.Act("handle", "Transfer");

        var again = flow.Run(new ResumeBookmarkCommand("op-dup", task.Id, "Answer"));
        var fired = flow.Run(new FireTimerCommand(reminder.Id));

        again.Outcome.ShouldBe(CommandOutcome.AlreadyHandled);
        fired.Outcome.ShouldBe(CommandOutcome.AlreadyHandled);
        again.Delta.History.ShouldBeEmpty();
    }

    [Test]
    public void ShouldRejectAnActionTheTaskDoesNotOfferAndChangeNothing()
    {
        var flow = EngineHarness.Reference();
        flow.Start();
        var before = InstanceStateSerializer.Serialize(flow.State);

        var result = flow.Run(new ResumeBookmarkCommand("op-bad", flow.TaskAt("handle").Id, "Approve"));

        result.Outcome.ShouldBe(CommandOutcome.Rejected);
        result.Message!.ShouldContain("'Approve' is not an action");
        InstanceStateSerializer.Serialize(flow.State).ShouldBe(before);
    }

    [Test]
    public void ShouldParkARunawayLoopAsAnIncident()
    {
        var flow = EngineHarness.Reference(
            d =>
            {
                d.Rewire("underLimit", "True", "countTransfer");
                d.Inputs("underLimit")["condition"] = DefinitionDocument.Expression("Literal", true);
            },
            validate: false);
        flow.Start();

        flow.Act("handle", "Transfer");

        flow.Last.Outcome.ShouldBe(CommandOutcome.Applied);
        flow.Incidents.ShouldHaveSingleItem().Kind.ShouldBe("StepBudget");
        flow.State.HasIncidents.ShouldBeTrue();
        flow.State.Status.ShouldBe(InstanceStatus.Active);
    }

    [Test]
    public void ShouldParkAFailingExpressionAndRunItAgainOnRetry()
    {
        var flow = EngineHarness.Reference(d => d.Inputs("underLimit")["condition"] = DefinitionDocument.Expression("JavaScript", "vars.kind.length > 0"));
        flow.Start();

        flow.Act("handle", "Transfer");
        var incident = flow.Incidents.ShouldHaveSingleItem();
        incident.NodeId.ShouldBe("underLimit");
        incident.Kind.ShouldBe("Expression");

        flow.Run(new RetryIncidentCommand("retry-1", incident.TokenId, "operator@test"));
        flow.Incidents.Count.ShouldBe(2); // the cause is not fixed, so it fails again and stays parked
        flow.State.Tokens.ShouldHaveSingleItem().Status.ShouldBe(TokenStatus.Parked);
    }

    [Test]
    public void ShouldAskInstitutionsJointlyAndGoOnWhenAllAnswered()
    {
        var flow = EngineHarness.Reference();
        flow.Start(new JsonObject { ["institutions"] = new JsonArray("1352000", "1613000") });

        flow.Act("handle", "RequestJoint");
        flow.OpenTasks.Values.Select(t => t.Institution).Order().ShouldBe(["1352000", "1613000"]);

        flow.Answer("1352000", "Opinion");
        flow.OpenTasks.Values.ShouldHaveSingleItem().Institution.ShouldBe("1613000");
        flow.Answer("1613000", "Opinion");

        flow.OpenTasks.Values.ShouldHaveSingleItem().NodeId.ShouldBe("handle");
        flow.State.LastTask!["outcome"]!.ToString().ShouldBe("Completed");
        flow.State.LastTask!["answers"]!.AsArray().Count.ShouldBe(2);
        flow.State.Joints.ShouldBeEmpty();
    }

    [Test]
    public void ShouldLetTheLeadInstitutionDecide()
    {
        var flow = EngineHarness.Reference(d =>
        {
            d.Inputs("joint")["completion"] = DefinitionDocument.Expression("Literal", "LeadDecides");
            d.Inputs("joint")["lead"] = DefinitionDocument.Expression("Literal", "1613000");
            d.Wire("joint", "Rejected", "end");
        });
        flow.Start(new JsonObject { ["institutions"] = new JsonArray("1352000", "1613000", "6110000") });
        flow.Act("handle", "RequestJoint");

        flow.Answer("6110000", "Opinion");
        flow.OpenTasks.Count.ShouldBe(2);
        flow.Answer("1613000", "Decline");

        flow.State.Status.ShouldBe(InstanceStatus.Completed); // Rejected → end
        flow.ClosedTasks.Count(c => c.Closure == TaskClosure.Cancelled).ShouldBe(1);
    }

    [Test]
    public void ShouldTimeOutAJointHandling()
    {
        var flow = EngineHarness.Reference();
        flow.Start(new JsonObject { ["institutions"] = new JsonArray("1352000", "1613000") });
        flow.Act("handle", "RequestJoint");
        flow.Answer("1352000", "Opinion");

        flow.FireTimersUntil(flow.Now.AddDays(10));

        flow.State.LastTask!["outcome"]!.ToString().ShouldBe("Timeout");
        flow.OpenTasks.Values.ShouldHaveSingleItem().NodeId.ShouldBe("handle");
    }

    [Test]
    public void ShouldParkAJointHandlingWithNobodyToAsk()
    {
        var flow = EngineHarness.Reference();
        flow.Start();

        flow.Act("handle", "RequestJoint");

        flow.Incidents.ShouldHaveSingleItem().Message.ShouldContain("empty");
    }

    [Test]
    public void ShouldReachTheSameStateWhenTheSameHistoryIsReplayed()
    {
        string Scenario()
        {
            var flow = EngineHarness.Reference();
            flow.Start(new JsonObject { ["institutions"] = new JsonArray("1352000") });
            flow.Act("handle", "RequestOpinions");
            flow.Act("budget", "Reviewed");
            flow.Act("legal", "Reviewed");
            flow.Act("handle", "RequestJoint");
            flow.Answer("1352000", "Opinion");
            flow.FireTimersUntil(flow.Now.AddDays(3));
            return InstanceStateSerializer.Serialize(flow.State) + string.Join("|", flow.History.Select(h => $"{h.Seq}:{h.NodeId}:{h.Event}"));
        }

        Scenario().ShouldBe(Scenario());
    }

    [Test]
    public void ShouldMigrateAWaitingInstanceByNodeMap()
    {
        var flow = EngineHarness.Reference();
        flow.Start();
        var task = flow.TaskAt("handle");
        var v2Document = DefinitionDocument.Reference();
        v2Document.Node("handle")["id"] = "handleV2";
        foreach (var wire in v2Document.Connections().OfType<JsonObject>())
        {
            foreach (var end in new[] { "source", "target" })
            {
                if ((string?)wire[end]!["activity"] == "handle")
                {
                    wire[end]!["activity"] = "handleV2";
                }
            }
        }

        var v2 = EPeople.Workflows.Definitions.DefinitionSerializer.Deserialize(v2Document.ToJsonString()) with { Version = 2 };

        flow.Migrate(v2, new Dictionary<string, string>());
        flow.Last.Outcome.ShouldBe(CommandOutcome.Rejected); // 'handle' does not exist in v2 and is not mapped

        flow.Migrate(v2, new Dictionary<string, string> { ["handle"] = "handleV2" });
        flow.Last.Outcome.ShouldBe(CommandOutcome.Applied);
        flow.State.DefinitionVersion.ShouldBe(2);
        flow.State.Bookmarks[task.Id].NodeId.ShouldBe("handleV2");

        flow.Run(new ResumeBookmarkCommand("after-migration", task.Id, "Answer"));
        flow.State.Tokens.ShouldHaveSingleItem().NodeId.ShouldBe("feedback");
    }
}
