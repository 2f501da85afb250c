namespace EPeople.Domain.Auditing;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}
