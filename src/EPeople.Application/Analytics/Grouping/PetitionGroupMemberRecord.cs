namespace EPeople.Application.Analytics.Grouping;

/// <summary>A petition in a group (a petition may be in a repeated and a mass group at once).</summary>
public sealed class PetitionGroupMemberRecord
{
    public Guid GroupId { get; set; }

    public Guid PetitionId { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}
