namespace EPeople.Domain;

/// <summary>A business rule was broken (HTTP 409). The message is safe to show to the user.</summary>
public class DomainException(string message, string? rule = null) : Exception(message)
{
    /// <summary>A stable name of the rule that was broken, for clients that react to it.</summary>
    public string? Rule { get; } = rule;
}
