using EPeople.Domain;

namespace EPeople.Application.Errors;

/// <summary>The command clashes with existing state, such as a duplicate code or a stale version (HTTP 409).</summary>
public sealed class ConflictException(string message, string? rule = null) : DomainException(message, rule);
