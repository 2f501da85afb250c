using Mediator;

namespace EPeople.Web.ComponentTests.Admin;

/// <summary>
/// Stands in for the mediator behind <see cref="EPeople.Web.Infrastructure.ScopedSender"/>: answers each message type
/// as the test says (an answer may throw, as the application's refusals do) and remembers what was sent.
/// </summary>
internal sealed class FakeSender : ISender
{
    private readonly Dictionary<Type, Func<object, Task<object?>>> _answers = [];

    public List<object> Sent { get; } = [];

    public FakeSender On<TMessage>(Func<TMessage, object?> answer) =>
        OnAsync<TMessage>(m => Task.FromResult(answer(m)));

    public FakeSender OnAsync<TMessage>(Func<TMessage, Task<object?>> answer)
    {
        _answers[typeof(TMessage)] = m => answer((TMessage)m);
        return this;
    }

    public ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) => AnswerAsync<TResponse>(request);

    public ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default) => AnswerAsync<TResponse>(command);

    public ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) => AnswerAsync<TResponse>(query);

    public ValueTask<object?> Send(object message, CancellationToken cancellationToken = default) => AnswerAsync<object?>(message);

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamQuery<TResponse> query, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamRequest<TResponse> request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamCommand<TResponse> command, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<object?> CreateStream(object message, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    private async ValueTask<TResponse> AnswerAsync<TResponse>(object message)
    {
        Sent.Add(message);
        var answer = _answers.GetValueOrDefault(message.GetType())
                     ?? throw new InvalidOperationException($"The test gave no answer to {message.GetType().Name}.");
        return (TResponse)(await answer(message))!;
    }
}
