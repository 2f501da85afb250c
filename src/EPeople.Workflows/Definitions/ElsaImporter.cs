using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EPeople.Workflows.Activities;

namespace EPeople.Workflows.Definitions;

/// <summary>The outcome of an Elsa import: the converted definition, or the reasons it could not be converted.</summary>
/// <param name="Definition">The EPeople definition (null when anything was rejected).</param>
/// <param name="Rejections">Why parts could not be mapped, one sentence each, naming the activity.</param>
public sealed record ElsaImportResult(WorkflowDefinition? Definition, IReadOnlyList<string> Rejections)
{
    /// <summary>True when the whole document was converted.</summary>
    public bool Succeeded => Definition is not null && Rejections.Count == 0;
}

/// <summary>
/// One-way import of the Elsa 3 flowchart subset (ENGINE.md §4.16): Start, End/Complete/Finish, FlowDecision,
/// FlowSwitch, FlowFork, FlowJoin (WaitAll/WaitAny/WaitAllActive), Delay, Timer, StartAt, Event and SetVariable,
/// with Literal, JavaScript and Liquid expressions and variables whose types map to our aliases. Anything else is
/// refused with a reason: C#/Python expressions, other activity types, CLR type names, non-flowchart roots, other
/// join modes. The imported document carries no version (the server assigns one).
/// </summary>
public static partial class ElsaImporter
{
    private static readonly Dictionary<string, string> TypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["String"] = "string", ["Int32"] = "int", ["Int64"] = "int", ["Boolean"] = "bool", ["Decimal"] = "decimal",
        ["Double"] = "decimal", ["Single"] = "decimal", ["DateTime"] = "instant", ["DateTimeOffset"] = "instant",
        ["DateOnly"] = "date", ["TimeSpan"] = "duration", ["Object"] = "json", ["JsonElement"] = "json",
        ["JsonObject"] = "json", ["ExpandoObject"] = "json",
    };

    private static readonly Dictionary<string, string> JoinModes = new(StringComparer.Ordinal)
    {
        ["WaitAll"] = "All", ["WaitAny"] = "Any", ["WaitAllActive"] = "AllActive",
    };

    /// <summary>Converts an Elsa 3 workflow definition document.</summary>
    public static ElsaImportResult Import(string elsaJson)
    {
        JsonObject document;
        try
        {
            document = JsonNode.Parse(elsaJson) as JsonObject ?? throw new JsonException("The document is not a JSON object.");
        }
        catch (JsonException ex)
        {
            return new ElsaImportResult(null, [$"The file is not JSON: {ex.Message}"]);
        }

        var rejections = new List<string>();
        var root = document["root"] as JsonObject ?? document;
        var rootType = Text(root, "type");
        if (rootType != "Elsa.Flowchart")
        {
            return new ElsaImportResult(null, [$"The root is '{rootType ?? "missing"}'; only Elsa.Flowchart roots can be imported (a Sequence has no ports to map)."]);
        }

        var variables = ImportVariables(document, rejections, out var variableNames);
        var activities = new List<ActivityNode>();
        var ports = new Dictionary<string, Func<string, string?>>(StringComparer.Ordinal);
        foreach (var elsa in (root["activities"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (ImportActivity(elsa, variableNames, rejections) is { } imported)
            {
                activities.Add(imported.Node);
                ports[imported.Node.Id] = imported.MapPort;
            }
        }

        var connections = new List<Connection>();
        foreach (var wire in (root["connections"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var source = wire["source"] as JsonObject;
            var target = wire["target"] as JsonObject;
            var from = source is null ? null : Text(source, "activity");
            var to = target is null ? null : Text(target, "activity");
            var port = source is null ? null : Text(source, "port");
            if (from is null || to is null || !ports.TryGetValue(from, out var mapPort) || !ports.ContainsKey(to))
            {
                continue; // the activity at one end was rejected (and reported) already
            }

            if (mapPort(port ?? "Done") is not { } mapped)
            {
                rejections.Add($"Activity '{from}': outcome '{port}' has no EPeople equivalent.");
                continue;
            }

            connections.Add(new Connection { Source = Endpoint.Of(from, mapped), Target = Endpoint.Of(to, ActivityDescriptor.InPort) });
        }

        if (rejections.Count > 0)
        {
            return new ElsaImportResult(null, rejections);
        }

        var definitionId = Text(document, "definitionId") ?? Text(document, "id") ?? "imported";
        return new ElsaImportResult(new WorkflowDefinition
        {
            DefinitionId = KeyCleaner().Replace(definitionId.ToLowerInvariant(), "-").Trim('-') is { Length: > 0 } key ? key : "imported",
            Name = Text(document, "name"),
            Description = Text(document, "description"),
            Variables = variables,
            Activities = activities,
            Connections = connections,
        }, []);
    }

    private static List<VariableDefinition> ImportVariables(JsonObject document, List<string> rejections, out Dictionary<string, string> namesById)
    {
        namesById = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<VariableDefinition>();
        foreach (var variable in (document["variables"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = Text(variable, "name") ?? "";
            var typeName = Text(variable, "typeName") ?? "Object";
            var isArray = typeName.EndsWith("[]", StringComparison.Ordinal);
            var scalar = isArray ? typeName[..^2] : typeName;
            if (!TypeNames.TryGetValue(scalar, out var alias))
            {
                rejections.Add($"Variable '{name}' has type '{typeName}', which has no EPeople alias (CLR type names are not imported).");
                continue;
            }

            namesById[Text(variable, "id") ?? name] = name;
            namesById[name] = name;
            result.Add(new VariableDefinition { Name = name, Type = alias + (isArray ? "[]" : ""), Default = variable["value"]?.DeepClone() });
        }

        return result;
    }

    private static (ActivityNode Node, Func<string, string?> MapPort)? ImportActivity(JsonObject elsa, Dictionary<string, string> variables, List<string> rejections)
    {
        var id = Text(elsa, "id") ?? "";
        var type = Text(elsa, "type") ?? "";
        var metadata = elsa["metadata"]?.DeepClone() as JsonObject;
        var inputs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        ActivityNode Node(string epeopleType) => new() { Id = id, Type = epeopleType, Name = Text(elsa, "name"), Inputs = inputs, Metadata = metadata };
        static string? Same(string port) => port;

        switch (type)
        {
            case "Elsa.Start":
                return (Node(ReceiveActivity.TypeName), p => p == "Done" ? "Done" : null);
            case "Elsa.End" or "Elsa.Complete" or "Elsa.Finish":
                inputs["status"] = WorkflowExpression.Input(ExpressionLanguage.Literal, "Closed");
                return (Node(EndActivity.TypeName), _ => null);
            case "Elsa.FlowDecision":
                inputs["condition"] = Expression(elsa, "condition", id, rejections);
                return (Node(DecisionActivity.TypeName), p => p is "True" or "False" ? p : null);
            case "Elsa.FlowSwitch":
            {
                var cases = new JsonArray();
                foreach (var item in (elsa["cases"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    var wrapper = item["condition"] as JsonObject;
                    var expression = wrapper?["expression"] as JsonObject ?? wrapper;
                    var language = expression is null ? null : Text(expression, "type");
                    var value = expression?["value"];
                    if (language is not ("JavaScript" or "Literal"))
                    {
                        rejections.Add($"Activity '{id}' (Elsa.FlowSwitch): case '{Text(item, "label")}' is written in '{language}'; only JavaScript or Literal conditions can be imported.");
                        continue;
                    }

                    var condition = ElsaVariables().Replace(value?.ToString() ?? "false", "vars.");
                    cases.Add(new JsonObject { ["name"] = Text(item, "label"), ["condition"] = condition });
                }

                inputs["cases"] = cases;
                return (Node(SwitchActivity.TypeName), p => p == "Default" || cases.Any(c => (string?)c!["name"] == p) ? p : null);
            }

            case "Elsa.FlowFork":
            {
                var branches = LiteralValue(elsa, "branches") switch
                {
                    JsonArray array => array,
                    JsonValue text when text.GetValueKind() == JsonValueKind.String => new JsonArray([.. text.GetValue<string>().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(b => (JsonNode)b)]),
                    _ => null,
                };
                if (branches is null)
                {
                    rejections.Add($"Activity '{id}' (Elsa.FlowFork): its branches are not a literal list.");
                    return null;
                }

                inputs["branches"] = branches.DeepClone();
                return (Node(ForkActivity.TypeName), Same);
            }

            case "Elsa.FlowJoin":
            {
                var mode = LiteralValue(elsa, "mode")?.ToString() ?? "WaitAll";
                if (!JoinModes.TryGetValue(mode, out var joinMode))
                {
                    rejections.Add($"Activity '{id}' (Elsa.FlowJoin): mode '{mode}' has no EPeople equivalent; use WaitAll, WaitAny or WaitAllActive.");
                    return null;
                }

                inputs["mode"] = WorkflowExpression.Input(ExpressionLanguage.Literal, joinMode);
                return (Node(JoinActivity.TypeName), p => p == "Done" ? "Done" : null);
            }

            case "Elsa.Delay" or "Elsa.Timer":
            {
                var span = LiteralValue(elsa, type == "Elsa.Delay" ? "timeSpan" : "interval")?.ToString();
                if (!TimeSpan.TryParse(span, CultureInfo.InvariantCulture, out var time) || time <= TimeSpan.Zero)
                {
                    rejections.Add($"Activity '{id}' ({type}): the time span '{span}' is not a literal positive time span.");
                    return null;
                }

                inputs["for"] = WorkflowExpression.Input(ExpressionLanguage.Literal, IsoDuration(time));
                return (Node(TimerActivity.TypeName), p => p == "Done" ? "Done" : null);
            }

            case "Elsa.StartAt":
            {
                var at = LiteralValue(elsa, "dateTime")?.ToString();
                if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                {
                    rejections.Add($"Activity '{id}' (Elsa.StartAt): '{at}' is not a literal date and time.");
                    return null;
                }

                inputs["until"] = WorkflowExpression.Input(ExpressionLanguage.JavaScript, $"new Date('{instant.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}')");
                return (Node(TimerActivity.TypeName), p => p == "Done" ? "Done" : null);
            }

            case "Elsa.Event":
                inputs["event"] = WorkflowExpression.Input(ExpressionLanguage.Literal, LiteralValue(elsa, "eventName")?.ToString());
                return (Node(WaitForEventActivity.TypeName), p => p == "Done" ? "Received" : null);
            case "Elsa.SetVariable":
            {
                var reference = elsa["variable"] as JsonObject;
                var key = reference is null ? null : Text(reference, "id") ?? Text(reference, "name");
                if (key is null || !variables.TryGetValue(key, out var name))
                {
                    rejections.Add($"Activity '{id}' (Elsa.SetVariable): it sets a variable that is not declared.");
                    return null;
                }

                inputs["variable"] = WorkflowExpression.Input(ExpressionLanguage.Literal, name);
                inputs["value"] = Expression(elsa, "value", id, rejections);
                return (Node(SetVariableActivity.TypeName), p => p == "Done" ? "Done" : null);
            }

            default:
                rejections.Add($"Activity '{id}' has type '{type}', which has no EPeople equivalent (importable: Start, End, FlowDecision, FlowSwitch, FlowFork, FlowJoin, Delay, Timer, StartAt, Event, SetVariable).");
                return null;
        }
    }

    /// <summary>An Elsa input <c>{ typeName, expression: { type, value }, memoryReference }</c> as our expression wrapper.</summary>
    private static JsonObject? Expression(JsonObject activity, string input, string id, List<string> rejections)
    {
        var expression = (activity[input] as JsonObject)?["expression"] as JsonObject;
        var language = expression is null ? null : Text(expression, "type");
        if (language is not ("Literal" or "JavaScript" or "Liquid"))
        {
            rejections.Add($"Activity '{id}': input '{input}' is written in '{language ?? "nothing"}'; only Literal, JavaScript and Liquid can be imported (no host code).");
            return null;
        }

        var value = expression!["value"]?.DeepClone();
        if (language == "JavaScript" && value is JsonValue script && script.GetValueKind() == JsonValueKind.String)
        {
            // Elsa scripts read variables as variables.x; ours as vars.x.
            value = ElsaVariables().Replace(script.GetValue<string>(), "vars.");
        }

        return WorkflowExpression.Input(Enum.Parse<ExpressionLanguage>(language), value);
    }

    private static JsonNode? LiteralValue(JsonObject activity, string input) =>
        activity[input] switch
        {
            JsonObject wrapper when wrapper["expression"] is JsonObject e && Text(e, "type") == "Literal" => e["value"],
            JsonObject => null,
            var plain => plain,
        };

    private static string IsoDuration(TimeSpan time)
    {
        var days = time.Days > 0 ? $"{time.Days}D" : "";
        var clock = (time.Hours > 0 ? $"{time.Hours}H" : "") + (time.Minutes > 0 ? $"{time.Minutes}M" : "") + (time.Seconds > 0 ? $"{time.Seconds}S" : "");
        return "P" + days + (clock.Length > 0 ? "T" + clock : "");
    }

    private static string? Text(JsonObject node, string property) =>
        node[property] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    [GeneratedRegex(@"\bvariables\.")]
    private static partial Regex ElsaVariables();

    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex KeyCleaner();
}
