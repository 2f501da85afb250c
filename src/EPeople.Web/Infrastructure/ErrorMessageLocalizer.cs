using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace EPeople.Web.Infrastructure;

/// <summary>
/// Shows an error message of the application core in the UI language. The core writes English (the HTTP API returns it
/// as is); the UI looks the message up by its exact text, and failing that by an entry whose name has holes ({0}, {1}…)
/// for the values a message carries ("No active institution has the code {0}."). A value that has an entry of its own
/// is translated too ("Petition" in "Petition '…' was not found."). A message with no entry is shown as it is.
/// </summary>
public static class ErrorMessageLocalizer
{
    private static readonly Regex Hole = new(@"\{(\d+)\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // One regex per entry name; the names come from the resource files, so this stays small.
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public static string Translate(this IStringLocalizer<ErrorMessages> localizer, string message)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var exact = localizer[message];
        if (!exact.ResourceNotFound)
        {
            return exact.Value;
        }

        // The entry with the most fixed text wins, so "Kind must be one of: {0}." is tried before "Kind must be one of {0}.".
        var candidates = localizer.GetAllStrings(includeParentCultures: true)
            .Where(e => Hole.IsMatch(e.Name))
            .OrderByDescending(e => FixedLength(e.Name))
            .ThenBy(e => e.Name, StringComparer.Ordinal);
        foreach (var entry in candidates)
        {
            var match = Patterns.GetOrAdd(entry.Name, ToRegex).Match(message);
            if (match.Success)
            {
                var count = Hole.Matches(entry.Name).Max(m => int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture)) + 1;
                var values = Enumerable.Range(0, count)
                    .Select(i => match.Groups[$"v{i}"] is { Success: true } value ? ValueOf(localizer, value.Value) : "")
                    .ToArray<object?>();
                return string.Format(CultureInfo.CurrentCulture, entry.Value, values);
            }
        }

        return message;
    }

    private static string ValueOf(IStringLocalizer localizer, string value)
    {
        var translated = localizer[value];
        return translated.ResourceNotFound ? value : translated.Value;
    }

    private static int FixedLength(string name) => Hole.Replace(name, "").Length;

    /// <summary>"{0} '{1}' was not found." → ^(?&lt;v0&gt;.*?)\ '(?&lt;v1&gt;.*?)'\ was\ not\ found\.$ (a hole used twice must match the same text).</summary>
    private static Regex ToRegex(string name)
    {
        var pattern = new StringBuilder("^");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var at = 0;
        foreach (Match hole in Hole.Matches(name))
        {
            pattern.Append(Regex.Escape(name[at..hole.Index]));
            var group = "v" + hole.Groups[1].Value;
            pattern.Append(seen.Add(group) ? $"(?<{group}>.*?)" : $@"\k<{group}>");
            at = hole.Index + hole.Length;
        }

        pattern.Append(Regex.Escape(name[at..])).Append('$');
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }
}
