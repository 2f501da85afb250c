using EPeople.Workflows.Definitions;

namespace EPeople.Workflows.Activities;

/// <summary>The language sets inputs allow.</summary>
internal static class Languages
{
    public static readonly IReadOnlyList<ExpressionLanguage> LiteralOnly = [ExpressionLanguage.Literal];
    public static readonly IReadOnlyList<ExpressionLanguage> LiteralOrScript = [ExpressionLanguage.Literal, ExpressionLanguage.JavaScript];
    public static readonly IReadOnlyList<ExpressionLanguage> ScriptOnly = [ExpressionLanguage.JavaScript];
    public static readonly IReadOnlyList<ExpressionLanguage> Text = [ExpressionLanguage.Literal, ExpressionLanguage.Liquid];
}
