using EPeople.Web.Components.Designer;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;

namespace EPeople.Web.ComponentTests.Designer;

public sealed class DesignerDocumentTests
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.Default;

    private static WorkflowDefinition CivilPetition() =>
        DefinitionSerializer.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "civil-petition.v1.json")));

    private static ActivityDescriptor Descriptor(string type) => Registry.Find(type)!.Descriptor;

    [Test]
    public void ShouldUndoAndRedoEveryEditInOrder()
    {
        var original = CivilPetition();
        var document = new DesignerDocument(original, Registry);

        var timer = document.AddNode(Descriptor(TimerActivity.TypeName), 100, 900);
        document.Connect(timer.Id, "Done", "end");
        document.MoveNodes(new Dictionary<string, (double X, double Y)> { [timer.Id] = (300, 950) });
        var edited = document.Definition;

        document.IsDirty.ShouldBeTrue();
        document.Undo().ShouldBeTrue();
        DefinitionLayout.PositionOf(document.Definition.FindActivity(timer.Id)!).ShouldBe((100, 900));
        document.Undo().ShouldBeTrue();
        document.Definition.Connections.ShouldNotContain(c => c.Source.Activity == timer.Id);
        document.Undo().ShouldBeTrue();
        document.Definition.ShouldBeSameAs(original);
        document.IsDirty.ShouldBeFalse();
        document.Undo().ShouldBeFalse();

        document.Redo().ShouldBeTrue();
        document.Redo().ShouldBeTrue();
        document.Redo().ShouldBeTrue();
        document.Definition.ShouldBeSameAs(edited);
        document.CanRedo.ShouldBeFalse();
    }

    [Test]
    public void ShouldForgetRedoAfterANewEdit()
    {
        var document = new DesignerDocument(CivilPetition(), Registry);
        document.AddNode(Descriptor(TimerActivity.TypeName), 0, 0);
        document.Undo();

        document.AddNode(Descriptor(NotifyActivity.TypeName), 0, 0);

        document.CanRedo.ShouldBeFalse();
    }

    [Test]
    public void ShouldGiveNewNodesUniqueUrlSafeIds()
    {
        var document = new DesignerDocument(CivilPetition(), Registry);

        var first = document.AddNode(Descriptor(HumanTaskActivity.TypeName), 0, 0);
        var second = document.AddNode(Descriptor(HumanTaskActivity.TypeName), 0, 0);

        first.Id.ShouldBe("humanTask");
        second.Id.ShouldBe("humanTask2");
        DefinitionValidator.Default.Validate(document.Definition).Problems.ShouldNotContain(p => p.Rule == Rules.UniqueIds || p.Rule == Rules.UrlSafeIds);
    }

    [Test]
    public void ShouldKeepOneWirePerOutcomePort()
    {
        var document = new DesignerDocument(CivilPetition(), Registry);

        document.Connect("handle", "Close", "end");

        var wires = document.Definition.Connections.Where(c => c.Source.Activity == "handle" && c.Source.Port == "Close").ToList();
        wires.Count.ShouldBe(1);
        wires[0].Target.Activity.ShouldBe("end");
        wires[0].Target.Port.ShouldBe(ActivityDescriptor.InPort);
    }

    [Test]
    public void ShouldRemoveNodesWithTheirWiresAsOneStep()
    {
        var document = new DesignerDocument(CivilPetition(), Registry);

        document.Remove(["feedback"], [("handle", "Close")]);

        document.Definition.FindActivity("feedback").ShouldBeNull();
        document.Definition.Connections.ShouldNotContain(c => c.Source.Activity == "feedback" || c.Target.Activity == "feedback");
        document.Definition.Connections.ShouldNotContain(c => c.Source.Activity == "handle" && c.Source.Port == "Close");
        document.Undo();
        document.Definition.FindActivity("feedback").ShouldNotBeNull();
        document.Definition.Connections.ShouldContain(c => c.Source.Activity == "handle" && c.Source.Port == "Close");
    }

    [Test]
    public void ShouldPasteCopiesWithFreshIdsTheirInnerWiresAndAnOffset()
    {
        var document = new DesignerDocument(CivilPetition(), Registry);
        var clipboard = document.Copy(["feedback", "dissatisfied", "receive"])!;

        var pasted = document.Paste(clipboard);

        pasted.ShouldBe(["receive2", "feedback2", "dissatisfied2"], ignoreOrder: true);
        document.Definition.Connections.ShouldContain(c => c.Source.Activity == "feedback2" && c.Source.Port == "Received" && c.Target.Activity == "dissatisfied2");
        // Wires to nodes outside the copy are not pasted.
        document.Definition.Connections.ShouldNotContain(c => c.Source.Activity == "dissatisfied2" && c.Target.Activity == "end");
        var original = DefinitionLayout.PositionOf(document.Definition.FindActivity("feedback")!)!.Value;
        DefinitionLayout.PositionOf(document.Definition.FindActivity("feedback2")!).ShouldBe((original.X + DesignerDocument.PasteOffset, original.Y + DesignerDocument.PasteOffset));
        // A second start is exactly what the validator must then report.
        DefinitionValidator.Default.Validate(document.Definition).Problems.ShouldContain(p => p.Rule == Rules.SingleStart);
    }

    [Test]
    public void ShouldIgnoreAClipboardThatIsNotAFragment()
    {
        var document = new DesignerDocument(CivilPetition(), Registry);

        document.Paste("not json").ShouldBeEmpty();
        document.Paste(null).ShouldBeEmpty();

        document.CanUndo.ShouldBeFalse();
    }

    [Test]
    public void ShouldShowATasksActionsItsInterruptingDeadlinesAndStrayWiresAsPorts()
    {
        var document = new DesignerDocument(CivilPetition(), Registry);
        var handle = document.Definition.FindActivity("handle")!;
        var deadlines = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "escalate", ["at"] = "due", ["action"] = "Outcome", ["interrupting"] = true, ["outcome"] = "Overdue",
        });
        document.ReplaceNode(handle with { Inputs = new(handle.Inputs) { ["deadlines"] = deadlines } });

        var ports = document.OutcomesOf(document.Definition.FindActivity("handle")!).Select(p => p.Name).ToList();

        ports.ShouldBe(["Answer", "Transfer", "RequestJoint", "Close", "Overdue"]);
        var report = DefinitionValidator.Default.Validate(document.Definition);
        report.Problems.ShouldContain(p => p.Rule == Rules.OutcomesWired && p.NodeId == "handle");

        document.Connect("handle", "Overdue", "end");

        DefinitionValidator.Default.Validate(document.Definition).Problems.ShouldNotContain(p => p.Rule == Rules.OutcomesWired && p.NodeId == "handle");
    }

    [Test]
    public void ShouldRecordMovesAsDesignerPositionsKeepingOtherMetadata()
    {
        var document = new DesignerDocument(CivilPetition(), Registry);

        document.MoveNodes(new Dictionary<string, (double X, double Y)> { ["handle"] = (12.4, 700.6), ["nobody"] = (1, 1) });

        DefinitionLayout.PositionOf(document.Definition.FindActivity("handle")!).ShouldBe((12, 701));
        document.Undo().ShouldBeTrue();
        document.CanUndo.ShouldBeFalse();
    }
}
