namespace EPeople.Domain.Auditing;

/// <summary>Every change to an entity marked with this interface is written to the audit trail (who, when, before/after).</summary>
public interface IAudited;
