using System.Globalization;
using EPeople.Application.Calendar;
using EPeople.Application.Tasks;
using EPeople.Domain.Petitions;

namespace EPeople.Web.Components.Tasks;

/// <summary>
/// What the worklist shows: whose tasks and the filters on them. It lives in the page's address
/// (<c>/worklist?scope=department&amp;sla=Overdue</c>) so a filtered list can be bookmarked, shared and gone back to;
/// values that do not parse are dropped rather than failing the page.
/// </summary>
public sealed record WorklistView(TaskScope Scope = TaskScope.Institution, PetitionKind? Kind = null, string? Sla = null, DateOnly? DueBy = null)
{
    public static readonly string[] SlaStates = [SlaRule.Overdue, SlaRule.AtRisk, SlaRule.OnTime];

    public bool IsFiltered => Kind is not null || Sla is not null || DueBy is not null;

    public static WorklistView Parse(string? scope, string? kind, string? sla, string? due) => new(
        Enum.TryParse<TaskScope>(scope, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(scope, out _) ? s : TaskScope.Institution,
        Enum.TryParse<PetitionKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _) ? k : null,
        SlaStates.FirstOrDefault(state => string.Equals(state, sla, StringComparison.OrdinalIgnoreCase)),
        DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null);

    public ListTasksQuery ToQuery(string? after, int limit) => new(Scope, true, after, limit, Kind, Sla, DueBy);

    public CountTasksQuery ToCountsQuery() => new(Scope, Kind);

    /// <summary>The page's address for this view, with only what differs from the default.</summary>
    public string ToRelativeUri()
    {
        var parts = new List<string>();
        if (Scope != TaskScope.Institution)
        {
            parts.Add("scope=" + Scope.ToString().ToLowerInvariant());
        }

        if (Kind is { } kind)
        {
            parts.Add("kind=" + kind);
        }

        if (Sla is { } sla)
        {
            parts.Add("sla=" + sla);
        }

        if (DueBy is { } due)
        {
            parts.Add("due=" + due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "worklist" : "worklist?" + string.Join('&', parts);
    }
}
