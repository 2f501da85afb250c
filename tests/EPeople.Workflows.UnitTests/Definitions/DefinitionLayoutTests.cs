using System.Text.Json.Nodes;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.UnitTests.Validation;

namespace EPeople.Workflows.UnitTests.Definitions;

/// <summary>The designer's automatic layout (issue 7): every node placed, wires running downwards except those that loop back.</summary>
public sealed class DefinitionLayoutTests
{
    private static WorkflowDefinition Reference() => DefinitionSerializer.Deserialize(DefinitionDocument.ReferenceJson());

    private static WorkflowDefinition Shipped(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "EPeople.sln")))
        {
            directory = directory.Parent;
        }

        return DefinitionSerializer.Deserialize(File.ReadAllText(Path.Combine(directory.FullName, "workflows", file)));
    }

    [TestCase("civil-petition.v1.json")]
    [TestCase("national-proposal.v1.json")]
    [TestCase("public-interest-report.v1.json")]
    public void ShouldPlaceEveryNodeApartWithTheStartOnTop(string file)
    {
        var definition = Shipped(file);

        var positions = DefinitionLayout.Arrange(definition);

        positions.Keys.ShouldBe(definition.Activities.Select(a => a.Id), ignoreOrder: true);
        positions.Values.Distinct().Count().ShouldBe(positions.Count); // no two nodes on one spot
        var start = definition.Activities.Single(a => a.Type == "EPeople.Receive").Id;
        positions[start].Y.ShouldBe(0);
        positions.Values.ShouldAllBe(p => p.Y >= 0);
    }

    [Test]
    public void ShouldRunWiresDownwardsExceptThoseThatLoopBack()
    {
        var definition = Shipped("civil-petition.v1.json");

        var positions = DefinitionLayout.Arrange(definition);

        var upward = definition.Connections.Where(c => positions[c.Target.Activity].Y <= positions[c.Source.Activity].Y).ToList();
        // Only wires that return to a node already passed (transfers back to the handling task) may go up.
        upward.Count.ShouldBeLessThan(definition.Connections.Count / 3);
        foreach (var wire in upward)
        {
            Reaches(definition, wire.Target.Activity, wire.Source.Activity).ShouldBeTrue($"{wire.Source.Activity} → {wire.Target.Activity} goes up without closing a loop");
        }
    }

    [Test]
    public void ShouldLayOutALoopWithoutAStartAndAlwaysAlike()
    {
        var loop = new WorkflowDefinition
        {
            DefinitionId = "loop",
            Activities = [new ActivityNode { Id = "a", Type = "EPeople.SetVariable" }, new ActivityNode { Id = "b", Type = "EPeople.SetVariable" }],
            Connections = [Wire("a", "b"), Wire("b", "a")],
        };

        var positions = DefinitionLayout.Arrange(loop);

        (positions["a"], positions["b"]).ShouldBe(((0d, 0d), (0d, DefinitionLayout.RowHeight)));
        DefinitionLayout.Arrange(Reference()).ShouldBe(DefinitionLayout.Arrange(Reference()));
    }

    [Test]
    public void ShouldWriteThePositionsWhereTheDesignerReadsThemAndKeepOtherDesignerData()
    {
        var reference = DefinitionDocument.Reference();
        reference.Node("receive")["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["size"] = new JsonObject { ["width"] = 180 } }, ["note"] = "keep" };
        var definition = DefinitionSerializer.Deserialize(reference.ToJsonString());

        var laidOut = DefinitionLayout.WithLayout(definition);

        var receive = laidOut.FindActivity("receive")!;
        DefinitionLayout.PositionOf(receive).ShouldBe(DefinitionLayout.Arrange(definition)["receive"]);
        receive.Metadata!["note"]!.GetValue<string>().ShouldBe("keep");
        receive.Metadata["designer"]!["size"]!["width"]!.GetValue<int>().ShouldBe(180);
        DefinitionLayout.PositionOf(definition.FindActivity("route")!).ShouldBeNull(); // the original is untouched
        DefinitionDiff.Between(definition, laidOut).Nodes.ShouldAllBe(n => n.Fields.Count == 1 && n.Fields[0] == "metadata"); // a layout moves, it changes nothing else
    }

    private static Connection Wire(string from, string to) => new() { Source = Endpoint.Of(from, "Done"), Target = Endpoint.Of(to, "In") };

    private static bool Reaches(WorkflowDefinition definition, string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (node == to)
            {
                return true;
            }

            foreach (var next in definition.Connections.Where(c => c.Source.Activity == node).Select(c => c.Target.Activity).Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }

        return false;
    }
}
