namespace EPeople.Web.Infrastructure;

/// <summary>The admin command line's arguments after the command: <c>--name value</c> pairs and a few bare <c>--flag</c>s.</summary>
internal static class CommandLineOptions
{
    /// <summary>Reads the arguments; false (print the usage) when one is not an option, or an option lacks its value.</summary>
    /// <param name="args">The arguments after the command's own words.</param>
    /// <param name="flagNames">The options that take no value.</param>
    public static bool TryParse(ReadOnlySpan<string> args, IReadOnlyCollection<string> flagNames, out Dictionary<string, string> options, out HashSet<string> flags)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return false;
            }

            var name = args[i][2..];
            if (flagNames.Contains(name))
            {
                flags.Add(name);
            }
            else if (i + 1 < args.Length)
            {
                options[name] = args[++i];
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
