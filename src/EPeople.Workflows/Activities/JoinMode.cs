using System.Globalization;
using System.Text.RegularExpressions;

namespace EPeople.Workflows.Activities;

/// <summary>
/// When a join lets the flow go on: <c>All</c> inbound branches, <c>Any</c> (the others are cancelled),
/// <c>Quorum(n)</c> of them (the rest cancelled), or <c>AllActive</c> (all branches still alive).
/// </summary>
public sealed partial record JoinMode(string Kind, int Quorum)
{
    /// <summary>Parses <c>All</c>, <c>Any</c>, <c>AllActive</c> or <c>Quorum(n)</c>.</summary>
    public static bool TryParse(string? text, out JoinMode mode)
    {
        mode = new JoinMode("", 0);
        switch (text)
        {
            case "All" or "Any" or "AllActive":
                mode = new JoinMode(text, 0);
                return true;
            default:
                if (text is not null && QuorumPattern().Match(text) is { Success: true } match)
                {
                    mode = new JoinMode("Quorum", int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                    return mode.Quorum > 0;
                }

                return false;
        }
    }

    [GeneratedRegex(@"^Quorum\((\d{1,3})\)$")]
    private static partial Regex QuorumPattern();
}
