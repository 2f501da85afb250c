using System.Text.Json.Nodes;

namespace EPeople.Workflows.UnitTests.Validation;

/// <summary>The reference definition as editable JSON, for tests that break one rule at a time.</summary>
internal static class DefinitionDocument
{
    public static string ReferenceJson() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Validation", "Workflows", "reference-petition.json"));

    public static JsonObject Reference() => JsonNode.Parse(ReferenceJson())!.AsObject();

    public static JsonArray Activities(this JsonObject document) => document["activities"]!.AsArray();

    public static JsonArray Connections(this JsonObject document) => document["connections"]!.AsArray();

    public static JsonObject Node(this JsonObject document, string id) =>
        document.Activities().OfType<JsonObject>().Single(a => (string?)a["id"] == id);

    public static JsonObject Inputs(this JsonObject document, string id) => document.Node(id)["inputs"]!.AsObject();

    public static void Wire(this JsonObject document, string from, string port, string to, string targetPort = "In") =>
        document.Connections().Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = to, ["port"] = targetPort },
        });

    public static void Unwire(this JsonObject document, string from, string port)
    {
        var wire = document.Connections().OfType<JsonObject>()
            .Single(c => (string?)c["source"]!["activity"] == from && (string?)c["source"]!["port"] == port);
        document.Connections().Remove(wire);
    }

    public static void Rewire(this JsonObject document, string from, string port, string to)
    {
        document.Unwire(from, port);
        document.Wire(from, port, to);
    }

    public static JsonObject Expression(string language, JsonNode? value) =>
        new() { ["expression"] = new JsonObject { ["type"] = language, ["value"] = value } };

    public static void AddNode(this JsonObject document, string id, string type, JsonObject? inputs = null) =>
        document.Activities().Add(new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1, ["inputs"] = inputs ?? [] });
}
