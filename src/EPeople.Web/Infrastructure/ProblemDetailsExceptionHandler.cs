using EPeople.Application.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EPeople.Web.Infrastructure;

/// <summary>The HTTP side of <see cref="ErrorTranslator"/>: every exception leaves as RFC 9457 problem details.</summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A body that is not JSON, or a query value of the wrong type, is the caller's mistake: 400, never 500.
        var report = ErrorTranslator.Translate(exception is BadHttpRequestException bad
            ? ValidationFailedException.For(bad.InnerException is System.Text.Json.JsonException ? "body" : "request", BadRequestMessage(bad))
            : exception);
        ProblemDetails details = report.Errors.Count > 0
            ? new HttpValidationProblemDetails(report.Errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        details.Status = report.Status;
        details.Type = report.Type;
        details.Title = report.Title;
        details.Detail = report.Detail;
        if (report.Rule is { } rule)
        {
            details.Extensions["rule"] = rule;
        }

        httpContext.Response.StatusCode = report.Status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = details,
            Exception = report.IsUnexpected ? exception : null,
        });
    }

    private static string BadRequestMessage(BadHttpRequestException bad) => bad.InnerException is System.Text.Json.JsonException json
        ? $"The request body is not valid JSON for this operation ({json.Path ?? "$"})."
        : bad.Message;
}
