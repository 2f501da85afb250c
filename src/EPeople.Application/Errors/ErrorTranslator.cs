using EPeople.Domain;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Errors;

/// <summary>
/// The one mapping from exceptions to outcomes: 400 invalid input, 401 not signed in, 403 forbidden,
/// 404 missing, 409 a broken rule or a conflicting change. Anything else is a 500 and a bug.
/// </summary>
public static class ErrorTranslator
{
    private static readonly IReadOnlyDictionary<string, string[]> NoFieldErrors = new Dictionary<string, string[]>();

    public static ErrorReport Translate(Exception exception) => exception switch
    {
        ValidationFailedException v => new ErrorReport(
            400, "https://tools.ietf.org/html/rfc9110#section-15.5.1", "One or more fields are invalid.",
            "Correct the fields listed in 'errors' and try again.", v.Errors),
        UnauthorizedAccessException => Report(
            401, "https://tools.ietf.org/html/rfc9110#section-15.5.2", "Sign-in required.",
            "Sign in (or send a bearer token) and try again."),
        ForbiddenException f => Report(
            403, "https://tools.ietf.org/html/rfc9110#section-15.5.4", "Forbidden.", f.Message),
        NotFoundException n => Report(
            404, "https://tools.ietf.org/html/rfc9110#section-15.5.5", "Not found.", n.Message),
        DbUpdateConcurrencyException => Report(
            409, "https://tools.ietf.org/html/rfc9110#section-15.5.10", "Someone else changed this first.",
            "The record was changed by someone else after you loaded it. Reload it and try again.", "StaleVersion"),
        DomainException d => Report(
            409, "https://tools.ietf.org/html/rfc9110#section-15.5.10", "The request conflicts with a rule.",
            d.Message, d.Rule),
        DbUpdateException => Report(
            409, "https://tools.ietf.org/html/rfc9110#section-15.5.10", "The change conflicts with existing data.",
            "Another record already uses one of these values, or the record changed meanwhile.", "ConstraintViolated"),
        _ => Report(
            500, "https://tools.ietf.org/html/rfc9110#section-15.6.1", "An unexpected error occurred.",
            "The error has been logged. Please try again later."),
    };

    private static ErrorReport Report(int status, string type, string title, string detail, string? rule = null) =>
        new(status, type, title, detail, NoFieldErrors, rule);
}
