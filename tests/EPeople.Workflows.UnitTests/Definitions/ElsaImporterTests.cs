using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;

namespace EPeople.Workflows.UnitTests.Definitions;

public sealed class ElsaImporterTests
{
    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Definitions", "Workflows", name));

    [Test]
    public void ShouldConvertTheFlowchartSubsetIntoAValidDefinition()
    {
        var result = ElsaImporter.Import(Fixture("supplement-flow.elsa.json"));

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Rejections));
        var definition = result.Definition!;
        definition.DefinitionId.ShouldBe("supplementflow");
        definition.Version.ShouldBeNull(); // never trust an imported version
        definition.Variables.Select(v => (v.Name, v.Type)).ShouldBe([("count", "int"), ("tags", "string[]")]);
        definition.FindActivity("start")!.Type.ShouldBe("EPeople.Receive");
        definition.FindActivity("waitSupplement")!.Type.ShouldBe("EPeople.WaitForEvent");
        definition.FindActivity("pause")!.Expression("for")!.Text.ShouldBe("PT30M");
        definition.FindActivity("decide")!.Expression("condition")!.Text.ShouldBe("vars.count > 1");
        definition.FindActivity("join")!.Expression("mode")!.Text.ShouldBe("All");
        definition.FindActivity("finish")!.Type.ShouldBe("EPeople.End");
        definition.FindActivity("start")!.Metadata!["designer"]!["position"]!["x"]!.GetValue<int>().ShouldBe(-400);
        definition.Connections.ShouldContain(c => c.Source.Activity == "waitSupplement" && c.Source.Port == "Received");

        var report = DefinitionValidator.Default.Validate(definition);
        report.Problems.ShouldBeEmpty(string.Join("\n", report.Problems));
    }

    [Test]
    public void ShouldExplainEverythingItCannotMap()
    {
        var result = ElsaImporter.Import(Fixture("unsupported.elsa.json"));

        result.Succeeded.ShouldBeFalse();
        result.Definition.ShouldBeNull();
        result.Rejections.ShouldContain(r => r.Contains("Variable 'lookup'") && r.Contains("no EPeople alias"));
        result.Rejections.ShouldContain(r => r.Contains("'check'") && r.Contains("'CSharp'"));
        result.Rejections.ShouldContain(r => r.Contains("'log'") && r.Contains("Elsa.WriteLine"));
        result.Rejections.ShouldContain(r => r.Contains("'race'") && r.Contains("'Race'"));
    }

    [Test]
    public void ShouldRefuseASequenceRootAndBrokenJson()
    {
        ElsaImporter.Import("{ \"root\": { \"type\": \"Elsa.Sequence\", \"activities\": [] } }").Rejections
            .ShouldHaveSingleItem().ShouldContain("Elsa.Sequence");
        ElsaImporter.Import("{ not json").Rejections.ShouldHaveSingleItem().ShouldContain("not JSON");
    }
}
