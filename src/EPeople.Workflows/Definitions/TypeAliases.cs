namespace EPeople.Workflows.Definitions;

/// <summary>
/// The only type names a definition may use (for variables and inputs): aliases, never CLR type names, so a
/// document cannot ask the engine to load arbitrary types (Elsa #7541). Any alias can be made an array with <c>[]</c>.
/// </summary>
public static class TypeAliases
{
    /// <summary>The scalar aliases.</summary>
    public static readonly IReadOnlySet<string> Scalars = new HashSet<string>(StringComparer.Ordinal)
    {
        "string", "int", "bool", "decimal", "date", "instant", "duration",
        "institutionRef", "userRef", "roleRef", "petitionRef", "json",
    };

    /// <summary>True for a registered alias or an array of one.</summary>
    public static bool IsRegistered(string? alias) =>
        alias is not null && Scalars.Contains(alias.EndsWith("[]", StringComparison.Ordinal) ? alias[..^2] : alias);

    /// <summary>True for an array alias such as <c>institutionRef[]</c>.</summary>
    public static bool IsArray(string alias) => alias.EndsWith("[]", StringComparison.Ordinal);
}
