using System.Text;
using System.Text.RegularExpressions;

namespace EPeople.Web.ComponentTests.Controls;

/// <summary>
/// Reads the source of the application core and the domain for the error messages they can show a user: the messages
/// of WithMessage(…), AddFailure(…), ValidationFailedException.For(…), exceptions the UI shows (see
/// <see cref="Find"/>) and a default "string message = …". A literal is its own key; an interpolated string's key has
/// {0}, {1}… for its holes, as the Korean entries are named. A small C# lexer, enough for strings, chars and comments.
/// </summary>
internal static partial class SourceMessages
{
    public sealed record Message(string Key, string Where);

    /// <param name="root">The repository root.</param>
    /// <param name="shownExceptions">Names of the exception types whose message reaches the user.</param>
    public static IReadOnlyList<Message> Find(string root, IReadOnlySet<string> shownExceptions)
    {
        var found = new List<Message>();
        foreach (var project in new[] { "src/EPeople.Application", "src/EPeople.Domain" })
        {
            var files = Directory.EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var source = File.ReadAllText(file);
                var name = Path.GetRelativePath(root, file).Replace('\\', '/');
                found.AddRange(InFile(source, shownExceptions).Select(m => m with { Where = $"{name}:{m.Where}" }));
            }
        }

        return found;
    }

    public static IEnumerable<Message> InFile(string source, IReadOnlySet<string> shownExceptions)
    {
        foreach (Match call in Call().Matches(source))
        {
            var line = LineOf(source, call.Index);
            if (call.Groups["default"].Success)
            {
                var (_, key) = ReadString(source, call.Index + call.Length);
                yield return new Message(key, line);
                continue;
            }

            int? argument = call.Groups["type"].Success
                ? shownExceptions.Contains(call.Groups["type"].Value) ? 0 : null
                : call.Groups["method"].Value switch
                {
                    "WithMessage" => 0,
                    "AddFailure" => -1, // the last: AddFailure(message) or AddFailure(property, message)
                    _ => 1, // ValidationFailedException.For(field, message)
                };
            if (argument is null)
            {
                continue;
            }

            var arguments = Arguments(source, call.Index + call.Length);
            var (start, end) = arguments[argument < 0 ? arguments.Count - 1 : argument.Value];
            foreach (var key in Strings(source, start, end))
            {
                yield return new Message(key, line);
            }
        }
    }

    [GeneratedRegex("""(?:\.(?<method>WithMessage|AddFailure)|ValidationFailedException\.(?<method>For))\(|\bnew\s+(?:[\w.]+\.)?(?<type>\w+Exception)\(|(?<default>\bstring\s+message\s*=\s*)(?=[$@]*")""")]
    private static partial Regex Call();

    private static string LineOf(string source, int index) =>
        (source.AsSpan(0, index).Count('\n') + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The top-level arguments of a call, as (start, end) ranges; <paramref name="at"/> is just after the '('.</summary>
    private static List<(int Start, int End)> Arguments(string s, int at)
    {
        var arguments = new List<(int, int)>();
        var (start, depth, i) = (at, 0, at);
        while (true)
        {
            if (TrySkip(s, ref i))
            {
                continue;
            }

            switch (s[i])
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}' when depth == 0:
                    arguments.Add((start, i));
                    return arguments;
                case ')' or ']' or '}':
                    depth--;
                    break;
                case ',' when depth == 0:
                    arguments.Add((start, i));
                    start = i + 1;
                    break;
            }

            i++;
        }
    }

    /// <summary>The keys of the string literals in s[start..end] (not those inside an interpolated string's holes).</summary>
    private static List<string> Strings(string s, int start, int end)
    {
        var keys = new List<string>();
        for (var i = start; i < end;)
        {
            if (IsStringStart(s, i))
            {
                var (next, key) = ReadString(s, i);
                keys.Add(key);
                i = next;
            }
            else if (!TrySkip(s, ref i))
            {
                i++;
            }
        }

        return keys;
    }

    /// <summary>Steps over a string, char literal or comment at i, if there is one.</summary>
    private static bool TrySkip(string s, ref int i)
    {
        if (IsStringStart(s, i))
        {
            i = ReadString(s, i).Next;
            return true;
        }

        if (s[i] == '\'')
        {
            i = s.IndexOf('\'', s[i + 1] == '\\' ? i + 3 : i + 2) + 1;
            return true;
        }

        if (s[i] == '/' && s[i + 1] == '/')
        {
            i = s.IndexOf('\n', i);
            return true;
        }

        if (s[i] == '/' && s[i + 1] == '*')
        {
            i = s.IndexOf("*/", i, StringComparison.Ordinal) + 2;
            return true;
        }

        return false;
    }

    private static bool IsStringStart(string s, int i) =>
        s[i] == '"' || (s[i] is '$' or '@' && (s[i + 1] == '"' || (s[i + 1] is '$' or '@' && s[i + 2] == '"')));

    /// <summary>Reads the string at i: where it ends, and its key (text, with {n} for the n-th hole of an interpolated string).</summary>
    private static (int Next, string Key) ReadString(string s, int i)
    {
        var (interpolated, verbatim) = (false, false);
        for (; s[i] != '"'; i++)
        {
            interpolated |= s[i] == '$';
            verbatim |= s[i] == '@';
        }

        if (string.CompareOrdinal(s, i, "\"\"\"", 0, 3) == 0)
        {
            throw new NotSupportedException($"Raw string literals are not read yet (line {LineOf(s, i)}); teach {nameof(SourceMessages)} them.");
        }

        var text = new StringBuilder();
        var holes = 0;
        for (i++; ; )
        {
            var c = s[i];
            if (c == '"' && verbatim && s[i + 1] == '"')
            {
                text.Append('"');
                i += 2;
            }
            else if (c == '"')
            {
                return (i + 1, text.ToString());
            }
            else if (c == '\\' && !verbatim)
            {
                text.Append(s[i + 1] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', '0' => '\0', var other => other });
                i += 2;
            }
            else if (interpolated && (c is '{' or '}') && s[i + 1] == c)
            {
                text.Append(c);
                i += 2;
            }
            else if (interpolated && c == '{')
            {
                i = EndOfHole(s, i + 1);
                text.Append('{').Append(holes++).Append('}');
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
    }

    /// <summary>Where a hole that starts at i ends (just after its '}'), stepping over strings inside it.</summary>
    private static int EndOfHole(string s, int i)
    {
        for (var depth = 0; ;)
        {
            if (TrySkip(s, ref i))
            {
                continue;
            }

            switch (s[i++])
            {
                case '{' or '(' or '[':
                    depth++;
                    break;
                case '}' when depth == 0:
                    return i;
                case '}' or ')' or ']':
                    depth--;
                    break;
            }
        }
    }
}
