namespace EPeople.Domain.Petitions;

/// <summary>The three steps a citizen sees (Seoul Eungdapso's 접수 → 이송 → 결과).</summary>
public enum PetitionStage
{
    /// <summary>접수: filed, being routed or taken up.</summary>
    Reception,

    /// <summary>이송: moved to another institution at least once and not yet answered.</summary>
    Transfer,

    /// <summary>결과: answered or closed.</summary>
    Result,
}
