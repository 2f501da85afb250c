using EPeople.Application.Petitions;

namespace EPeople.Web.Components.Petitions;

/// <summary>
/// Eungdapso's three steps as the citizen reads them — reception, transfer, result — each done, current, upcoming or,
/// for a transfer that never happened once the result is in, not needed.
/// </summary>
public static class TimelineSteps
{
    public static readonly IReadOnlyList<string> Steps = ["Reception", "Transfer", "Result"];

    public static IReadOnlyList<(string Step, string State)> Of(string stage, IReadOnlyList<TimelineEntryDto> timeline)
    {
        var current = Math.Max(0, Steps.ToList().IndexOf(stage));
        var transferred = timeline.Any(e => e.Event == "Transferred");
        return [.. Steps.Select((step, i) => (step, i < current
            ? step == "Transfer" && !transferred ? "NotNeeded" : "Done"
            : i == current ? stage == "Result" ? "Done" : "Current" : "Upcoming"))];
    }
}
