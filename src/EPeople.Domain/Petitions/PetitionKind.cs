namespace EPeople.Domain.Petitions;

/// <summary>
/// The kinds of petition e-People accepts. An institution accepts a subset of them (its service types).
/// </summary>
public enum PetitionKind
{
    /// <summary>민원: grievance, question, proposal or other civil petition.</summary>
    CivilPetition,

    /// <summary>국민제안: a proposal to improve government policy or administration.</summary>
    NationalProposal,

    /// <summary>정책참여: an opinion on an open policy consultation.</summary>
    PolicyEngagement,

    /// <summary>예산낭비신고: a report of wasted public money.</summary>
    WasteReport,

    /// <summary>공익신고: a public-interest (whistle-blower) report, with reporter protection.</summary>
    PublicInterestReport,
}
