namespace EPeople.Application.Analytics.Grouping;

/// <summary>A group of petitions with the same content, shown to officials as one case with one answer for every filer.</summary>
public sealed class PetitionGroupRecord
{
    public Guid Id { get; set; }

    public PetitionGroupKind Kind { get; set; }

    /// <summary>The institution of a repeated or mass group; null for a duplicate group, which spans institutions.</summary>
    public string? InstitutionCode { get; set; }

    /// <summary>The one petitioner of a repeated or duplicate group; null for a mass group.</summary>
    public Guid? PetitionerId { get; set; }

    /// <summary>The first member's title, masked like every list.</summary>
    public string RepresentativeTitle { get; set; } = "";

    public PetitionGroupStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a member joined or the group was answered: the group list's sort.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
