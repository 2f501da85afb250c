using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;

namespace EPeople.Web.Infrastructure;

/// <summary>
/// The definition tools of the command line (no database needed):
/// <c>workflows validate &lt;dir-or-file&gt;</c> prints a verdict per file, every problem with its node, rule and hint,
/// and exits non-zero when any file is invalid; <c>workflows import-elsa &lt;in.json&gt; --out &lt;out.json&gt;</c>
/// converts an Elsa 3 flowchart or explains why it cannot.
/// </summary>
internal static class WorkflowCommands
{
    public static bool IsWorkflowCommand(string[] args) => args.Length > 0 && args[0] == "workflows";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        switch (args)
        {
            case ["workflows", "validate", var path]:
                return Validate(path, output, error);
            case ["workflows", "import-elsa", var input, "--out", var target]:
                return ImportElsa(input, target, output, error);
            default:
                error.WriteLine("usage: workflows validate <directory-or-file.json>");
                error.WriteLine("       workflows import-elsa <elsa.json> --out <definition.json>");
                return 2;
        }
    }

    private static int ImportElsa(string input, string target, TextWriter output, TextWriter error)
    {
        if (!File.Exists(input))
        {
            error.WriteLine($"{input}: no such file");
            return 2;
        }

        var result = ElsaImporter.Import(File.ReadAllText(input));
        if (!result.Succeeded)
        {
            output.WriteLine($"NOT IMPORTED {input}: {result.Rejections.Count} part(s) cannot be mapped");
            foreach (var rejection in result.Rejections)
            {
                output.WriteLine($"  {rejection}");
            }

            return 1;
        }

        File.WriteAllText(target, DefinitionSerializer.Serialize(result.Definition!));
        var report = DefinitionValidator.Default.Validate(result.Definition!);
        output.WriteLine($"imported {input} → {target} ({(report.IsValid ? "valid" : "INVALID: edit it before publishing")})");
        foreach (var problem in report.Problems)
        {
            output.WriteLine($"  {problem}");
        }

        return report.IsValid ? 0 : 1;
    }

    private static int Validate(string path, TextWriter output, TextWriter error)
    {
        string[] files;
        if (Directory.Exists(path))
        {
            files = [.. Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}schema{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)];
        }
        else if (File.Exists(path))
        {
            files = [path];
        }
        else
        {
            error.WriteLine($"{path}: no such file or directory");
            return 2;
        }

        if (files.Length == 0)
        {
            error.WriteLine($"{path}: no definition files (*.json) found");
            return 2;
        }

        var invalid = 0;
        foreach (var file in files)
        {
            var report = DefinitionValidator.Default.Validate(File.ReadAllText(file));
            var errors = report.Errors.Count();
            var warnings = report.Problems.Count - errors;
            output.WriteLine($"{(report.IsValid ? "valid  " : "INVALID")} {file} ({errors} error(s), {warnings} warning(s))");
            foreach (var problem in report.Problems)
            {
                output.WriteLine($"  {problem}");
            }

            invalid += report.IsValid ? 0 : 1;
        }

        output.WriteLine($"{files.Length - invalid} valid, {invalid} invalid");
        return invalid == 0 ? 0 : 1;
    }
}
