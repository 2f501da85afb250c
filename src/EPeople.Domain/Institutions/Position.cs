namespace EPeople.Domain.Institutions;

/// <summary>The position an official holds in a department; work is assigned to positions as well as to people.</summary>
public enum Position
{
    /// <summary>담당자: handles petitions.</summary>
    Officer,

    /// <summary>부서장: heads a department; approves answers, extensions and transfers.</summary>
    DepartmentHead,
}
