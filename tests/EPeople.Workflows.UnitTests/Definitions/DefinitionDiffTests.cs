using System.Text.Json.Nodes;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.UnitTests.Validation;

namespace EPeople.Workflows.UnitTests.Definitions;

/// <summary>Two versions of a definition compared node by node, as the designer's version comparison shows them (issue 7).</summary>
public sealed class DefinitionDiffTests
{
    private static WorkflowDefinition Read(JsonObject document) => DefinitionSerializer.Deserialize(document.ToJsonString());

    [Test]
    public void ShouldFindNothingBetweenAVersionAndItsCopyOrItsRepublication()
    {
        var reference = DefinitionDocument.Reference();
        var republished = DefinitionDocument.Reference();
        republished["version"] = 7; // the number the server assigns is not a change

        DefinitionDiff.Between(Read(reference), Read(republished)).IsEmpty.ShouldBeTrue();
    }

    [Test]
    public void ShouldNameTheAddedNodeAndItsWires()
    {
        var older = DefinitionDocument.Reference();
        var newer = DefinitionDocument.Reference();
        newer.Activities().Add(new JsonObject { ["id"] = "escalate", ["type"] = "EPeople.Timer", ["inputs"] = new JsonObject() });
        newer.Connections().Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "escalate", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "handle", ["port"] = "In" },
        });

        var diff = DefinitionDiff.Between(Read(older), Read(newer));

        diff.Nodes.ShouldHaveSingleItem().ShouldBe(new NodeChange("escalate", DefinitionChangeKind.Added, "EPeople.Timer", []), new NodeChangeComparer());
        var wire = diff.Connections.ShouldHaveSingleItem();
        (wire.Source.Activity, wire.Source.Port, wire.Target.Activity, wire.Kind).ShouldBe(("escalate", "Done", "handle", DefinitionChangeKind.Added));
        diff.DefinitionFields.ShouldBeEmpty();
    }

    [Test]
    public void ShouldNameTheInputsThatChangedAndTellAMoveFromAnEdit()
    {
        var older = DefinitionDocument.Reference();
        var newer = DefinitionDocument.Reference();
        newer.Inputs("handle")["title"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "민원 처리 (개정)" } };
        newer.Inputs("handle").Remove("deadlines");
        newer.Node("receive")["metadata"] = new JsonObject { ["x"] = 40, ["y"] = 120 };
        newer["name"] = "Reference petition flow, version with a new title";

        var diff = DefinitionDiff.Between(Read(older), Read(newer));

        diff.Nodes.Single(n => n.ActivityId == "handle").ShouldBe(new NodeChange("handle", DefinitionChangeKind.Changed, "EPeople.HumanTask", ["inputs.title", "inputs.deadlines"]), new NodeChangeComparer());
        diff.Nodes.Single(n => n.ActivityId == "receive").Fields.ShouldBe(["metadata"]); // moved in the designer, nothing else
        diff.DefinitionFields.ShouldBe(["name"]);
    }

    [Test]
    public void ShouldNameARemovedNodeAndTheWiresThatWentWithIt()
    {
        var older = DefinitionDocument.Reference();
        var newer = DefinitionDocument.Reference();
        newer.Activities().Remove(newer.Node("notifyAnswer"));
        foreach (var wire in newer.Connections().OfType<JsonObject>().Where(c => (string?)c["source"]!["activity"] == "notifyAnswer" || (string?)c["target"]!["activity"] == "notifyAnswer").ToList())
        {
            newer.Connections().Remove(wire);
        }

        var diff = DefinitionDiff.Between(Read(older), Read(newer));

        diff.Nodes.ShouldHaveSingleItem().ShouldBe(new NodeChange("notifyAnswer", DefinitionChangeKind.Removed, "EPeople.Notify", []), new NodeChangeComparer());
        diff.Connections.ShouldNotBeEmpty();
        diff.Connections.ShouldAllBe(c => c.Kind == DefinitionChangeKind.Removed && (c.Source.Activity == "notifyAnswer" || c.Target.Activity == "notifyAnswer"));
    }

    /// <summary>Records with lists compare by reference; changes compare by their fields' order-insensitive contents.</summary>
    private sealed class NodeChangeComparer : IEqualityComparer<NodeChange>
    {
        public bool Equals(NodeChange? x, NodeChange? y) =>
            x is not null && y is not null && (x.ActivityId, x.Kind, x.Type) == (y.ActivityId, y.Kind, y.Type) && x.Fields.Order().SequenceEqual(y.Fields.Order());

        public int GetHashCode(NodeChange obj) => obj.ActivityId.GetHashCode(StringComparison.Ordinal);
    }
}
