using System.Diagnostics;
using EPeople.Application.Abstractions;
using Mediator;
using Microsoft.Extensions.Logging;

namespace EPeople.Application.Pipeline;

/// <summary>Outermost behaviour: one structured log line per message with its outcome and elapsed milliseconds.</summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(
    ILogger<LoggingBehaviour<TMessage, TResponse>> logger, ICurrentUser user)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogHandled(logger, typeof(TMessage).Name, user.Name, elapsedMs);
            return response;
        }
        catch (Exception ex)
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var report = Errors.ErrorTranslator.Translate(ex);
            if (report.IsUnexpected)
            {
                LogFailed(logger, ex, typeof(TMessage).Name, user.Name, elapsedMs);
            }
            else
            {
                LogRefused(logger, typeof(TMessage).Name, user.Name, report.Status, report.Detail, elapsedMs);
            }

            throw;
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "{Message} by {User} handled in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string message, string user, double elapsedMs);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "{Message} by {User} refused with {Status} ({Detail}) in {ElapsedMs:0.0} ms")]
    private static partial void LogRefused(ILogger logger, string message, string user, int status, string detail, double elapsedMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error,
        Message = "{Message} by {User} failed in {ElapsedMs:0.0} ms")]
    private static partial void LogFailed(ILogger logger, Exception exception, string message, string user, double elapsedMs);
}
