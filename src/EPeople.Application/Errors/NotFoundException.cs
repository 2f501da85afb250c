namespace EPeople.Application.Errors;

/// <summary>The thing asked for does not exist, or the caller may not know it exists (HTTP 404).</summary>
public sealed class NotFoundException(string what, object key)
    : Exception($"{what} '{key}' was not found.");
