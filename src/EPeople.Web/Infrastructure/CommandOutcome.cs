using EPeople.Application.Errors;

namespace EPeople.Web.Infrastructure;

/// <summary>What a component gets back from <see cref="ScopedSender.TrySendAsync{TResponse}"/>: the value, or the translated error.</summary>
public sealed record CommandOutcome<T>(T? Value, ErrorReport? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>The messages for one field (camelCase, as in the API's problem details).</summary>
    public IReadOnlyList<string> ErrorsFor(string field) =>
        Error?.Errors.TryGetValue(field, out var messages) == true ? messages : [];
}
