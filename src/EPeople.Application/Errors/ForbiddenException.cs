namespace EPeople.Application.Errors;

/// <summary>The caller is signed in but may not do this (HTTP 403). Missing sign-in is <see cref="UnauthorizedAccessException"/> (401).</summary>
public sealed class ForbiddenException(string message = "You are not allowed to do this.") : Exception(message);
