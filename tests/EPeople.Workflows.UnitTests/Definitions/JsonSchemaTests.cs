using System.Text.Json;
using System.Text.Json.Nodes;
using EPeople.Workflows.UnitTests.Validation;
using Json.Schema;

namespace EPeople.Workflows.UnitTests.Definitions;

/// <summary>workflows/schema/workflow-definition.schema.json describes the documents the engine reads.</summary>
public sealed class JsonSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Shipped", "workflows", "schema", "workflow-definition.schema.json")));

    private static EvaluationResults Evaluate(JsonNode document) =>
        Schema.Evaluate(JsonDocument.Parse(document.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

    [Test]
    public void ShouldAcceptTheReferenceFlow() =>
        Evaluate(DefinitionDocument.Reference()).IsValid.ShouldBeTrue();

    [Test]
    public void ShouldRejectAnElsaDocumentAndAClrTypeName()
    {
        var elsa = DefinitionDocument.Reference();
        elsa["$schema"] = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";
        Evaluate(elsa).IsValid.ShouldBeFalse();

        var clr = DefinitionDocument.Reference();
        clr["variables"]![0]!["type"] = "System.String";
        Evaluate(clr).IsValid.ShouldBeFalse();
    }

    [Test]
    public void ShouldRejectAWireThatDoesNotEndAtIn()
    {
        var document = DefinitionDocument.Reference();
        document.Connections()[0]!["target"]!["port"] = "Done";

        Evaluate(document).IsValid.ShouldBeFalse();
    }
}
