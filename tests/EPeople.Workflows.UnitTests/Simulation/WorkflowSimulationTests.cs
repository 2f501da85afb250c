using System.Text.Json;
using System.Text.Json.Nodes;
using EPeople.Workflows.Calendar;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Runtime;
using EPeople.Workflows.Simulation;
using EPeople.Workflows.UnitTests.Runtime;

namespace EPeople.Workflows.UnitTests.Simulation;

/// <summary>The designer's test run (issue 7 item 5): the shipped civil-petition flow stepped through on a virtual clock.</summary>
public sealed class WorkflowSimulationTests
{
    private static readonly WorkflowDefinition Civil =
        DefinitionSerializer.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Shipped", "workflows", "civil-petition.v1.json")));

    private static DateTimeOffset Kst(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, BusinessCalendar.KoreaOffset);

    private static WorkflowSimulation Started(DateTimeOffset? at = null)
    {
        var run = new WorkflowSimulation(Civil, EngineHarness.Calendar, at ?? Kst(2026, 11, 30, 10)); // a Monday
        run.Start(new JsonObject { ["title"] = "보도블록 파손", ["receiptNumber"] = "1AA-2611-000001", ["institution"] = "6110000", ["period"] = "P7WD" })
            .Accepted.ShouldBeTrue();
        return run;
    }

    [Test]
    public void ShouldRunToTheEndThroughTheAnswerAndASatisfiedRating()
    {
        var run = Started();

        var task = run.OpenTasks.ShouldHaveSingleItem();
        (task.NodeId, task.Institution, task.Position).ShouldBe(("handle", "6110000", "Officer"));
        task.Title.ShouldBe("1AA-2611-000001 민원 (고충·질의·건의·기타): 보도블록 파손");
        run.TakeAction(task.Id, "Answer", new JsonObject { ["answer"] = "보수했습니다." }).Accepted.ShouldBeTrue();
        run.OpenTasks.ShouldBeEmpty();
        run.CurrentNodes.ShouldBe(["feedback"]);
        var result = run.DeliverEvent("FeedbackSubmitted", new JsonObject { ["rating"] = 5 });

        result.Accepted.ShouldBeTrue();
        (run.Status, run.EndStatus).ShouldBe((SimulationStatus.Completed, "Closed"));
        run.PendingTimers.ShouldBeEmpty();
        run.Steps.Select(s => s.Kind).ShouldBe([SimulationStepKind.Started, SimulationStepKind.Action, SimulationStepKind.Event]);
        run.Steps[1].NodesExecuted.ShouldBe(["handle", "feedback"]);
        run.Steps[1].WiresTaken.ShouldBe([new TakenWire("handle", "Answer", "feedback")]);
        result.Steps.ShouldHaveSingleItem().WiresTaken.ShouldBe(
            [new TakenWire("feedback", "Received", "dissatisfied"), new TakenWire("dissatisfied", "False", "end")]);
        run.Path.Visited.ShouldBe(["receive", "handle", "feedback", "dissatisfied", "end"]);
        run.Path.Wires.Count.ShouldBe(4);
    }

    [Test]
    public void ShouldEndByTheFeedbackTimeoutWhenFastForwarded()
    {
        var run = Started();
        run.TakeActionAt("handle", "Answer").Accepted.ShouldBeTrue();
        var timer = run.PendingTimers.ShouldHaveSingleItem();
        (timer.NodeId, timer.Kind).ShouldBe(("feedback", TimerKind.Timeout));

        var result = run.FastForward();

        result.Accepted.ShouldBeTrue();
        run.Now.ShouldBe(Kst(2026, 12, 14, 10)); // P14D: fourteen calendar days after the answer
        var step = result.Steps.ShouldHaveSingleItem();
        (step.Kind, step.At, step.Timer!.Id).ShouldBe((SimulationStepKind.Timer, run.Now, timer.Id));
        step.WiresTaken.ShouldBe([new TakenWire("feedback", "Timeout", "end")]);
        run.Status.ShouldBe(SimulationStatus.Completed);
        run.FastForward().Accepted.ShouldBeFalse();
    }

    [Test]
    public void ShouldFireTheEscalationAtTheDueDateOnTheBusinessCalendarAndOnlyCaptureItsNotice()
    {
        var run = Started(Kst(2026, 12, 22, 10)); // a Tuesday; Christmas (Friday 12-25) is not a working day

        var deadline = run.PendingTimers.ShouldHaveSingleItem();
        (deadline.Kind, deadline.DeadlineId, deadline.TaskId).ShouldBe((TimerKind.Deadline, "escalate", run.OpenTasks[0].Id));
        deadline.FireAt.ShouldBe(Kst(2026, 12, 31, 18)); // seven working days, the first counted: 22, 23, 24, 28, 29, 30, 31
        run.OpenTasks[0].DueAt.ShouldBe(deadline.FireAt);
        run.Notices.ShouldBeEmpty();

        var result = run.FastForward();

        result.Accepted.ShouldBeTrue();
        run.Now.ShouldBe(Kst(2026, 12, 31, 18));
        var task = run.OpenTasks.ShouldHaveSingleItem(); // a non-interrupting escalation keeps the task
        (task.Position, task.Escalated).ShouldBe(("DepartmentHead", true));
        var notice = run.Notices.ShouldHaveSingleItem();
        (notice.Type, notice.Step, notice.At).ShouldBe(("workflow.task-deadline", 2, run.Now));
        notice.Payload["deadline"]!.GetValue<string>().ShouldBe("escalate");
        result.Steps[0].Description.ShouldContain("2026-12-31 18:00 KST");
        run.PendingTimers.ShouldBeEmpty();
        run.Status.ShouldBe(SimulationStatus.Running);
    }

    [Test]
    public void ShouldRefuseAnUnknownActionAndChangeNothing()
    {
        var run = Started();
        var before = Trace(run);

        var result = run.TakeActionAt("handle", "Approve");

        result.Accepted.ShouldBeFalse();
        result.Message!.ShouldContain("'Approve' is not an action");
        result.Message!.ShouldContain("Answer, Transfer, RequestJoint, Close");
        result.Steps.ShouldBeEmpty();
        Trace(run).ShouldBe(before);
        run.TakeAction("no-such-task", "Answer").Accepted.ShouldBeFalse();
        run.AdvanceTo(run.Now.AddHours(-1)).Accepted.ShouldBeFalse();
        run.Start().Message.ShouldBe("The test run has already started.");
        Trace(run).ShouldBe(before);
        new WorkflowSimulation(Civil, EngineHarness.Calendar, Kst(2026, 11, 30, 10)).FastForward().Message.ShouldBe("Start the test run first.");
    }

    [Test]
    public void ShouldRefuseAStartWithAnUndeclaredVariableAndLeaveTheRunUnstarted()
    {
        var run = new WorkflowSimulation(Civil, EngineHarness.Calendar, Kst(2026, 11, 30, 10));

        var result = run.Start(new JsonObject { ["colour"] = "blue" });

        result.Accepted.ShouldBeFalse();
        result.Message!.ShouldContain("'colour' is not a variable");
        (run.Status, run.Steps.Count, run.History.Count).ShouldBe((SimulationStatus.NotStarted, 0, 0));
    }

    [Test]
    public void ShouldKeepAnEarlyEventInTheInboxForTheWaitThatComesLater()
    {
        var run = Started();

        var early = run.DeliverEvent("FeedbackSubmitted", new JsonObject { ["rating"] = 1 });
        early.Steps.ShouldHaveSingleItem().Outcome.ShouldBe(CommandOutcome.Buffered);
        run.Inbox.ShouldHaveSingleItem().Name.ShouldBe("FeedbackSubmitted");
        run.TakeActionAt("handle", "Answer");

        run.Inbox.ShouldBeEmpty();
        run.OpenTasks.ShouldHaveSingleItem().NodeId.ShouldBe("additionalAnswer"); // a rating of 1 asks for an additional answer
        run.Path.IsVisited("dissatisfied").ShouldBeTrue();
    }

    [Test]
    public void ShouldAdvanceTheClockThroughEveryTimerDueByAnInstant()
    {
        var run = Started();

        var result = run.AdvanceTo(Kst(2026, 12, 9, 9));

        result.Steps.ShouldHaveSingleItem().Timer!.DeadlineId.ShouldBe("escalate");
        result.Steps[0].At.ShouldBe(Kst(2026, 12, 8, 18));
        run.Now.ShouldBe(Kst(2026, 12, 9, 9));
        run.OpenTasks.ShouldHaveSingleItem().Escalated.ShouldBeTrue();
    }

    [Test]
    public void ShouldGiveTheSameTraceForTheSameScript()
    {
        static string Script()
        {
            var run = Started();
            run.TakeActionAt("handle", "Transfer", new JsonObject { ["institutionCode"] = "1613000", ["department"] = "도로국" });
            run.FastForward();
            run.TakeActionAt("handle", "Answer");
            run.DeliverEvent("FeedbackSubmitted", new JsonObject { ["rating"] = 2 });
            run.FastForward();
            return Trace(run);
        }

        var first = Script();

        first.ShouldContain("1613000");
        Script().ShouldBe(first);
    }

    [Test]
    public void ShouldTurnALoopThatNeverWaitsIntoAnIncidentWithinTheStepBudget()
    {
        var loop = DefinitionSerializer.Deserialize("""
            { "definitionId": "test.loop", "variables": [ { "name": "n", "type": "int", "default": 0 } ],
              "activities": [ { "id": "start", "type": "EPeople.Receive" },
                              { "id": "count", "type": "EPeople.SetVariable", "inputs": {
                                  "variable": { "expression": { "type": "Literal", "value": "n" } },
                                  "value": { "expression": { "type": "JavaScript", "value": "vars.n + 1" } } } } ],
              "connections": [ { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "count", "port": "In" } },
                               { "source": { "activity": "count", "port": "Done" }, "target": { "activity": "count", "port": "In" } } ] }
            """);
        var run = new WorkflowSimulation(loop, EngineHarness.Calendar, Kst(2026, 11, 30, 10), stepBudget: 20);

        run.Start().Accepted.ShouldBeTrue();

        (run.Status, run.HasIncidents).ShouldBe((SimulationStatus.Running, true));
        run.Incidents.ShouldHaveSingleItem().Kind.ShouldBe("StepBudget");
        run.Variables["n"]!.GetValue<int>().ShouldBe(19);
        run.Steps[0].WiresTaken.ShouldContain(new TakenWire("count", "Done", "count"));
    }

    private static string Trace(WorkflowSimulation run) => JsonSerializer.Serialize(new
    {
        run.Now, run.Status, run.Steps, run.OpenTasks, run.PendingTimers, run.Notices, run.Incidents, run.Inbox,
        Variables = run.Variables.ToJsonString(), run.Path.Visited, run.Path.Wires,
    });
}
