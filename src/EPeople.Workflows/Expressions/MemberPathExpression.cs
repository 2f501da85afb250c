using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EPeople.Workflows.Expressions;

/// <summary>
/// The JavaScript most definitions hold — <c>vars.institution</c>, <c>task.data.institutionCode</c>,
/// <c>vars.dueAt || vars.period</c> — read straight from the scope's JSON instead of through a Jint engine, which costs
/// more than the rest of a workflow step. It gives exactly what JavaScript gives; anything it is not sure of (a member
/// of null, any other syntax) it leaves to Jint.
/// </summary>
internal static partial class MemberPathExpression
{
    private static readonly ConcurrentDictionary<string, string[][]?> Parsed = new(StringComparer.Ordinal);

    /// <summary>True when the expression was a member path (or an <c>||</c> chain of them) and could be read here.</summary>
    public static bool TryEvaluate(string source, ExpressionScope scope, out JsonNode? value)
    {
        value = null;
        var alternatives = Parsed.GetOrAdd(source, Parse);
        if (alternatives is null)
        {
            return false;
        }

        JsonNode? last = null;
        foreach (var path in alternatives)
        {
            if (!TryRead(path, scope, out last))
            {
                return false;
            }

            if (IsTruthy(last))
            {
                break; // a || b gives the first truthy operand, else the last one
            }
        }

        value = last?.DeepClone();
        return true;
    }

    private static string[][]? Parse(string source)
    {
        var parts = source.Split("||", StringSplitOptions.TrimEntries);
        if (!parts.All(p => PathPattern().IsMatch(p)))
        {
            return null;
        }

        string[][] paths = [.. parts.Select(p => p.Split('.'))];
        // Members every object inherits (vars.constructor…) are not in the JSON: Jint answers those.
        return paths.Any(p => p.Skip(1).Any(InheritedMembers.Contains)) ? null : paths;
    }

    private static readonly HashSet<string> InheritedMembers =
    [
        "constructor", "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
        "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    ];

    /// <summary>Reads a path; false when JavaScript would throw (a member of null or undefined) or the root is unknown.</summary>
    private static bool TryRead(string[] path, ExpressionScope scope, out JsonNode? value)
    {
        JsonNode? current = path[0] switch
        {
            "vars" => scope.Variables,
            "petition" => scope.Petition,
            "task" => scope.Task,
            _ => null,
        };
        value = null;
        if (current is null)
        {
            return false; // an unknown root, or a member of null: Jint gives the exact error
        }

        for (var i = 1; i < path.Length; i++)
        {
            if (current is not JsonObject obj)
            {
                return false; // a member of a primitive or an array (length…): Jint knows
            }

            if (!obj.TryGetPropertyValue(path[i], out var next) || next is null)
            {
                if (i == path.Length - 1)
                {
                    return true; // the last member is missing or null: undefined or null, both come back as null
                }

                return false;
            }

            current = next;
        }

        value = current;
        return true;
    }

    private static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonObject or JsonArray => true,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            JsonValueKind.Number => double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) != 0,
            _ => true,
        },
        _ => true,
    };

    // vars.a, task.data.b: identifiers only (no calls, no brackets, no reserved words are possible as members here).
    [GeneratedRegex(@"^(?:vars|petition|task)(?:\.[A-Za-z_$][A-Za-z0-9_$]*)+$")]
    private static partial Regex PathPattern();
}
