using System.Text.Json.Nodes;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.UnitTests.Validation;

namespace EPeople.Workflows.UnitTests.Definitions;

public sealed class DefinitionSerializerTests
{
    [Test]
    public void ShouldRoundTripFieldsItDoesNotKnow()
    {
        var document = DefinitionDocument.Reference();
        document["x-owner"] = "민원정책과";
        document.Node("handle")["x-sla-class"] = new JsonObject { ["tier"] = 2 };
        document.Connections()[0]!["vertices"] = new JsonArray(new JsonObject { ["x"] = 10, ["y"] = 20 });
        document["settings"]!["x-review"] = true;
        document["variables"]![0]!["x-label"] = "유형";

        var roundTripped = JsonNode.Parse(DefinitionSerializer.Serialize(DefinitionSerializer.Deserialize(document.ToJsonString())))!;

        ((string?)roundTripped["x-owner"]).ShouldBe("민원정책과");
        ((int?)roundTripped["activities"]!.AsArray().Single(a => (string?)a!["id"] == "handle")!["x-sla-class"]!["tier"]).ShouldBe(2);
        ((int?)roundTripped["connections"]![0]!["vertices"]![0]!["y"]).ShouldBe(20);
        ((bool?)roundTripped["settings"]!["x-review"]).ShouldBe(true);
        ((string?)roundTripped["variables"]![0]!["x-label"]).ShouldBe("유형");
    }

    [Test]
    public void ShouldKeepEveryPartOfTheReferenceFlow()
    {
        var original = JsonNode.Parse(DefinitionDocument.ReferenceJson())!;

        var roundTripped = JsonNode.Parse(DefinitionSerializer.Serialize(DefinitionSerializer.Deserialize(DefinitionDocument.ReferenceJson())))!;

        JsonNode.DeepEquals(original, roundTripped).ShouldBeTrue(roundTripped.ToJsonString());
    }

    [Test]
    public void ShouldNotAddEmptyOptionalParts()
    {
        const string minimal = "{\"$schema\":\"urn:epeople:workflow-definition:v1\",\"definitionId\":\"m\",\"activities\":[{\"id\":\"a\",\"type\":\"EPeople.Receive\",\"version\":1}],\"connections\":[]}";

        var written = JsonNode.Parse(DefinitionSerializer.Serialize(DefinitionSerializer.Deserialize(minimal)))!.AsObject();

        written.Select(p => p.Key).ShouldBe(["$schema", "definitionId", "settings", "activities", "connections"]);
        written["activities"]![0]!.AsObject().ContainsKey("inputs").ShouldBeFalse();
    }

    [Test]
    public void ShouldHashTheSameContentTheSameWhateverVersionItClaims()
    {
        var definition = DefinitionSerializer.Deserialize(DefinitionDocument.ReferenceJson());

        var hash = DefinitionSerializer.ContentHash(definition);

        hash.Length.ShouldBe(64);
        DefinitionSerializer.ContentHash(definition with { Version = 99 }).ShouldBe(hash);
        DefinitionSerializer.ContentHash(definition with { Name = "changed" }).ShouldNotBe(hash);
        DefinitionSerializer.ContentHash(DefinitionSerializer.Deserialize(DefinitionSerializer.Serialize(definition))).ShouldBe(hash);
    }

    [Test]
    public void ShouldReadExpressionsAndStructuredInputs()
    {
        var definition = DefinitionSerializer.Deserialize(DefinitionDocument.ReferenceJson());
        var handle = definition.FindActivity("handle")!;

        handle.Expression("due")!.Language.ShouldBe(ExpressionLanguage.Literal);
        handle.Expression("due")!.Text.ShouldBe("P7WD");
        handle.Expression("institution")!.Language.ShouldBe(ExpressionLanguage.JavaScript);
        handle.Expression("actions").ShouldBeNull();
        handle.Structured("actions").ShouldBeOfType<JsonArray>().Count.ShouldBe(5);
        definition.Settings.IncidentPolicy.ShouldBe(IncidentPolicy.ParkToken);
    }

    [Test]
    public void ShouldReportWhereADocumentCannotBeRead()
    {
        var ex = Should.Throw<DefinitionFormatException>(() => DefinitionSerializer.Deserialize("{\n  \"activities\": 5\n}"));

        ex.Message.ShouldContain("line 2");
    }
}
