namespace EPeople.Application.Petitions;

public sealed record InstitutionRefDto(string Code, string Name);

public sealed record PetitionFiledDto(
    Guid Id, string ReceiptNumber, string Status, string Stage, InstitutionRefDto Institution, string? Department,
    DateTimeOffset? DueAt, string? DueExplanation, bool Replayed, IReadOnlyList<string>? PersonalDataWarnings = null);

public sealed record TimelineEntryDto(int Seq, string Stage, string Event, DateTimeOffset At, InstitutionRefDto Institution, string? Note);

public sealed record PetitionDto(
    Guid Id, string ReceiptNumber, string Kind, string? Subtype, string Title, string Body, string Status, string Stage,
    InstitutionRefDto Institution, string? Department, DateTimeOffset FiledAt, DateTimeOffset? DueAt, string? DueExplanation, string SlaState,
    bool IsPublic, string? Answer, DateTimeOffset? AnsweredAt, string? AdditionalAnswer, int? Rating, bool CanBeRated, string? ClosureReason, int TransferCount,
    PetitionerDto Petitioner, IReadOnlyList<TimelineEntryDto> Timeline, bool IsMine = false, string? SupplementRequest = null, DateTimeOffset? SupplementDueAt = null);

/// <summary>The petitioner's contact as the reader may see it (masked for officials).</summary>
public sealed record PetitionerDto(string Name, string? Phone, string? Email);
