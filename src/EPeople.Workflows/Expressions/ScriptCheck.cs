using Acornima;
using Acornima.Ast;

namespace EPeople.Workflows.Expressions;

/// <summary>
/// Checks a JavaScript expression before it is ever run: it must parse as one expression, use no loops,
/// function declarations, classes, <c>eval</c> or <c>Function</c>, and read only the names the engine provides
/// (<c>vars</c>, <c>petition</c>, <c>task</c>, <c>now</c>, standard built-ins) and declared variables (<c>vars.x</c>).
/// </summary>
public static class ScriptCheck
{
    /// <summary>The names an expression may use freely.</summary>
    public static readonly IReadOnlySet<string> Globals = new HashSet<string>(StringComparer.Ordinal)
    {
        "vars", "petition", "task", "now", "input",
        "Math", "Date", "JSON", "Number", "String", "Boolean", "Array", "Object", "parseInt", "parseFloat",
        "isNaN", "isFinite", "undefined", "NaN", "Infinity",
    };

    private static readonly HashSet<string> Forbidden = new(StringComparer.Ordinal)
    {
        "eval", "Function", "constructor", "__proto__", "prototype", "globalThis", "importScripts", "require",
    };

    /// <summary>The problems found, empty when the expression is acceptable.</summary>
    /// <param name="source">The expression text.</param>
    /// <param name="declaredVariables">The definition's variable names (read as <c>vars.name</c>).</param>
    public static IReadOnlyList<string> Check(string source, IReadOnlySet<string> declaredVariables)
    {
        Expression expression;
        try
        {
            expression = new Parser().ParseExpression(source);
        }
        catch (ParseErrorException ex)
        {
            return [$"it does not parse: {ex.Description} (column {ex.Column})"];
        }

        var problems = new List<string>();
        var bound = new HashSet<string>(StringComparer.Ordinal);
        CollectArrowParameters(expression, bound);
        Walk(expression, declaredVariables, bound, problems);
        return problems.Distinct().ToList();
    }

    private static void CollectArrowParameters(Node node, HashSet<string> bound)
    {
        if (node is ArrowFunctionExpression arrow)
        {
            foreach (var parameter in arrow.Params)
            {
                if (parameter is Identifier id)
                {
                    bound.Add(id.Name);
                }
            }
        }

        foreach (var child in node.ChildNodes)
        {
            CollectArrowParameters(child, bound);
        }
    }

    private static void Walk(Node node, IReadOnlySet<string> declared, HashSet<string> bound, List<string> problems)
    {
        switch (node.Type)
        {
            case NodeType.ForStatement or NodeType.ForInStatement or NodeType.ForOfStatement or NodeType.WhileStatement or NodeType.DoWhileStatement:
                problems.Add("loops are not allowed in expressions");
                return;
            case NodeType.FunctionDeclaration or NodeType.FunctionExpression or NodeType.ClassDeclaration or NodeType.ClassExpression:
                problems.Add("functions and classes cannot be declared in expressions (arrow functions are allowed)");
                return;
            case NodeType.AssignmentExpression or NodeType.UpdateExpression:
                problems.Add("expressions cannot assign (use a SetVariable activity)");
                return;
            case NodeType.ImportExpression or NodeType.WithStatement or NodeType.AwaitExpression or NodeType.YieldExpression or NodeType.ThisExpression:
                problems.Add($"'{node.TypeText}' is not allowed in expressions");
                return;
        }

        if (node is MemberExpression member)
        {
            if (!member.Computed && member.Property is Identifier property)
            {
                if (Forbidden.Contains(property.Name))
                {
                    problems.Add($"'{property.Name}' cannot be used");
                }

                if (member.Object is Identifier { Name: "vars" } && !declared.Contains(property.Name))
                {
                    problems.Add($"'vars.{property.Name}' is not a declared variable");
                }

                Walk(member.Object, declared, bound, problems);
                return;
            }
        }

        if (node is ObjectProperty { Computed: false } objectProperty)
        {
            Walk(objectProperty.Value, declared, bound, problems);
            return;
        }

        if (node is Identifier identifier)
        {
            if (Forbidden.Contains(identifier.Name))
            {
                problems.Add($"'{identifier.Name}' cannot be used");
            }
            else if (!Globals.Contains(identifier.Name) && !bound.Contains(identifier.Name))
            {
                problems.Add($"'{identifier.Name}' is not known here (use vars.{identifier.Name} for a variable)");
            }

            return;
        }

        foreach (var child in node.ChildNodes)
        {
            Walk(child, declared, bound, problems);
        }
    }
}
