using Fluid;

namespace EPeople.Workflows.Expressions;

/// <summary>Checks that a Liquid template parses (Fluid), before it is ever rendered.</summary>
public static class TemplateCheck
{
    private static readonly FluidParser Parser = new();

    /// <summary>The parse error, or null when the template is valid.</summary>
    public static string? Check(string source) =>
        Parser.TryParse(source, out _, out var error) ? null : error;
}
