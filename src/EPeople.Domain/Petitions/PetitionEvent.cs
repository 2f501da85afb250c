namespace EPeople.Domain.Petitions;

/// <summary>One entry of a petition's timeline: what happened, when, at which institution, with a note for the citizen.</summary>
public sealed class PetitionEvent : IAggregateMember
{
    private PetitionEvent()
    {
    }

    internal PetitionEvent(Guid petitionId, int seq, PetitionEventKind kind, PetitionStage stage, DateTimeOffset at, string institutionCode, string? note, string? actor)
    {
        PetitionId = petitionId;
        Seq = seq;
        Kind = kind;
        Stage = stage;
        At = at;
        InstitutionCode = institutionCode;
        Note = note;
        Actor = actor;
    }

    public Guid PetitionId { get; private set; }

    /// <summary>1, 2, 3… in the order things happened.</summary>
    public int Seq { get; private set; }

    public PetitionEventKind Kind { get; private set; }
    public PetitionStage Stage { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string InstitutionCode { get; private set; } = "";

    /// <summary>What the citizen reads (a transfer's reason, a closure's basis); never personal data of officials.</summary>
    public string? Note { get; private set; }

    /// <summary>
    /// True when the note is between institutions (a cooperating institution's opinion or its reason to decline): the
    /// citizen sees that it happened, the lead institution's answer carries what matters.
    /// </summary>
    public bool NoteIsInternal => Kind is PetitionEventKind.OpinionGiven or PetitionEventKind.CooperationDeclined;

    /// <summary>The official's account (shown to officials only).</summary>
    public string? Actor { get; private set; }

    Guid IAggregateMember.AggregateId => PetitionId;
}
