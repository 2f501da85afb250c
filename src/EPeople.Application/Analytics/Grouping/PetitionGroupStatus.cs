namespace EPeople.Application.Analytics.Grouping;

public enum PetitionGroupStatus
{
    Open = 1,

    /// <summary>An official answered the group as a whole (members joining later are answered one by one, or again as a group).</summary>
    Answered = 2,
}
