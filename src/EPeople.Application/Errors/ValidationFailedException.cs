namespace EPeople.Application.Errors;

/// <summary>The input is malformed (HTTP 400). <see cref="Errors"/> maps a camelCase field name to its messages.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
