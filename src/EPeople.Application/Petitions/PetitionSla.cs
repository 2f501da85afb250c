using EPeople.Domain.Petitions;

namespace EPeople.Application.Petitions;

/// <summary>
/// A petition's SLA state as citizens and officials see it: OnTime, AtRisk (less than a day left — the worklist's
/// rule) or Overdue while open; a finished petition is judged by when it was answered or closed.
/// </summary>
public static class PetitionSla
{
    public static string StateOf(Petition petition, DateTimeOffset now)
    {
        if (petition.DueAt is not { } due)
        {
            return "OnTime";
        }

        var at = petition.IsOpen ? now : petition.AnsweredAt ?? petition.ClosedAt ?? now;
        return at > due ? "Overdue" : petition.IsOpen && due - at < TimeSpan.FromDays(1) ? "AtRisk" : "OnTime";
    }
}
