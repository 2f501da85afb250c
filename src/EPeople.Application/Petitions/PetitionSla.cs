using EPeople.Application.Calendar;
using EPeople.Domain.Petitions;

namespace EPeople.Application.Petitions;

/// <summary>
/// A petition's SLA state as citizens and officials see it: the worklist's rule (<see cref="SlaRule"/>) while it is open;
/// a finished petition is judged by when it was answered or closed (Overdue if late, OnTime otherwise).
/// </summary>
public static class PetitionSla
{
    public static string StateOf(Petition petition, SlaRule rule)
    {
        if (petition.IsOpen)
        {
            return rule.StateOf(petition.DueAt);
        }

        var finished = petition.AnsweredAt ?? petition.ClosedAt ?? rule.Now;
        return petition.DueAt is { } due && finished > due ? SlaRule.Overdue : SlaRule.OnTime;
    }
}
