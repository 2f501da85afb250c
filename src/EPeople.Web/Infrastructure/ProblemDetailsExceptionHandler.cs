using EPeople.Application.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EPeople.Web.Infrastructure;

/// <summary>The HTTP side of <see cref="ErrorTranslator"/>: every exception leaves as RFC 9457 problem details.</summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var report = ErrorTranslator.Translate(exception);
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
}
