namespace EPeople.Application.Analytics.Grouping;

/// <summary>The three groupings of DOMAIN.md A4.</summary>
public enum PetitionGroupKind
{
    /// <summary>반복: the same content from the same person with the same institution, ≥ 3 times (Act Art. 23).</summary>
    Repeated = 1,

    /// <summary>중복: the same content from the same person with ≥ 2 institutions.</summary>
    Duplicate = 2,

    /// <summary>다수인: the same content from ≥ 5 persons with the same institution (Act Art. 24).</summary>
    Mass = 3,
}
