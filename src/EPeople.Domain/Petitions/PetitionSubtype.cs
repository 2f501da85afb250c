namespace EPeople.Domain.Petitions;

/// <summary>The kinds of civil petition (민원) of the Civil Petitions Treatment Act, each with its statutory period.</summary>
public enum PetitionSubtype
{
    /// <summary>고충민원: a complaint about an illegal, unfair or passive disposition (7 working days).</summary>
    Grievance,

    /// <summary>질의민원: a question about a system or procedure (7 working days).</summary>
    Question,

    /// <summary>질의민원 (법령 해석): a question asking for the interpretation of a law (14 working days).</summary>
    LegalQuestion,

    /// <summary>건의민원: a proposal to improve administration (14 working days).</summary>
    Proposal,

    /// <summary>기타민원: a simple consultation or everyday inconvenience (immediately: 3 working hours).</summary>
    Other,
}
