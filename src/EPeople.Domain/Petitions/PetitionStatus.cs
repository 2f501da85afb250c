namespace EPeople.Domain.Petitions;

/// <summary>Where a petition is in its handling. The README's glossary has the table of which command moves which status.</summary>
public enum PetitionStatus
{
    /// <summary>접수: filed and relayed to an institution that has not yet taken it up (also after each transfer).</summary>
    Received,

    /// <summary>분류 대기: waiting at the triage desk, which routes it by hand.</summary>
    InTriage,

    /// <summary>처리중: an official of the institution has taken it up.</summary>
    InProgress,

    /// <summary>보완 요청: the institution asked the petitioner for missing information; the clock is paused.</summary>
    AwaitingSupplement,

    /// <summary>답변 완료: the answer is out; the citizen may rate it for 14 days.</summary>
    Answered,

    /// <summary>종결: finished (rated or the rating window closed), or closed without an answer (not a petition, a repeat).</summary>
    Closed,

    /// <summary>취하: withdrawn by the citizen before the answer.</summary>
    Withdrawn,
}
