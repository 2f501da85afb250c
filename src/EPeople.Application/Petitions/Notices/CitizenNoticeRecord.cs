namespace EPeople.Application.Petitions.Notices;

/// <summary>A notice in a citizen's in-app inbox (written in the same transaction as the change it reports).</summary>
public sealed class CitizenNoticeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PetitionerId { get; set; }
    public Guid PetitionId { get; set; }

    /// <summary>The petition's timeline entry this notice reports (unique with the petition: one notice per step).</summary>
    public int EventSeq { get; set; }

    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
