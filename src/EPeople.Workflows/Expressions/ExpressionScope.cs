using System.Text.Json.Nodes;

namespace EPeople.Workflows.Expressions;

/// <summary>What an expression can read: <c>vars</c>, <c>petition</c>, <c>task</c> (the last task's result) and <c>now</c>.</summary>
/// <param name="Variables">The instance variables.</param>
/// <param name="Petition">The case projection.</param>
/// <param name="Task">The last task result.</param>
/// <param name="Now">The current instant.</param>
public sealed record ExpressionScope(JsonObject Variables, JsonObject? Petition, JsonObject? Task, DateTimeOffset Now);
