using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;

namespace EPeople.Benchmarks;

/// <summary>
/// Issue 7's figures that need no browser: on a 60-node definition (the reference petition flow with a chain of
/// variable steps after its reception), the validator's time per edit (the designer validates on every change; goal
/// ≤ 100 ms) and the automatic layout's time, p50/p95 over repeated runs after a warm-up. The anchor is the time to
/// parse the same document, the least any check must do.
/// </summary>
internal static class DesignerBenchmark
{
    public static void Run(int nodes, int runs)
    {
        Console.WriteLine($"Designer benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {nodes} nodes, {runs} runs");
        var json = Definition(nodes);
        var validator = DefinitionValidator.Default;
        var report = validator.Validate(json);
        Console.WriteLine($"the generated definition is {(report.IsValid ? "valid" : $"INVALID: {string.Join(" / ", report.Errors.Take(3))}")}, {json.Length:N0} characters");

        var parse = Time(runs, () => DefinitionSerializer.Deserialize(json));
        var validate = Time(runs, () => validator.Validate(json));
        var definition = DefinitionSerializer.Deserialize(json);
        var layout = Time(runs, () => DefinitionLayout.Arrange(definition));
        Print("parse only (anchor)", parse);
        Print("validate (goal p95 ≤ 100 ms)", validate);
        Print("automatic layout", layout);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validate / parse at p50: {validate[runs / 2] / parse[runs / 2]:F1}×"));
    }

    /// <summary>The reference flow with a chain of variable steps between its reception and its first decision, to <paramref name="nodes"/> nodes.</summary>
    internal static string Definition(int nodes)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference-petition.json")))!.AsObject();
        var activities = document["activities"]!.AsArray();
        var connections = document["connections"]!.AsArray();
        var fromReceive = connections.OfType<JsonObject>().Single(c => (string?)c["source"]!["activity"] == "receive");
        var next = (string)fromReceive["target"]!["activity"]!;
        var previous = "receive";
        connections.Remove(fromReceive);
        for (var i = 0; activities.Count < nodes; i++)
        {
            var id = $"step{i}";
            activities.Add(new JsonObject
            {
                ["id"] = id, ["type"] = "EPeople.SetVariable", ["version"] = 1,
                ["inputs"] = new JsonObject
                {
                    ["variable"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "transferCount" } },
                    ["value"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = $"vars.transferCount + {i % 3}" } },
                },
            });
            connections.Add(Wire(previous, "Done", id));
            previous = id;
        }

        connections.Add(Wire(previous, "Done", next));
        return document.ToJsonString();
    }

    private static JsonObject Wire(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    private static double[] Time(int runs, Action action)
    {
        for (var i = 0; i < 20; i++)
        {
            action();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return times;
    }

    private static void Print(string name, double[] sorted) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-32} p50 {sorted[sorted.Length / 2]:F3} ms  p95 {sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1]:F3} ms  max {sorted[^1]:F3} ms"));
}
