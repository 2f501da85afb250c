using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace EPeople.Testing;

/// <summary>
/// Captures the commands EF Core sends (text and parameter values, from its diagnostic events) while a use case runs,
/// so that a benchmark or a test can ask PostgreSQL for the plan of exactly that SQL.
/// </summary>
public sealed class EfCommandCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<CapturedCommand> _commands = [];
    private readonly Func<string, bool> _filter;

    private EfCommandCapture(Func<string, bool> filter) => _filter = filter;

    /// <summary>A command as sent: its text and a copy of its parameters.</summary>
    public sealed record CapturedCommand(string Text, IReadOnlyList<NpgsqlParameter> Parameters);

    /// <summary>Starts capturing the commands whose text satisfies <paramref name="filter"/>, from every EF context in the process.</summary>
    /// <param name="filter">Which command texts to keep.</param>
    public static async Task<EfCommandCapture> StartAsync(Func<string, bool> filter)
    {
        var capture = new EfCommandCapture(filter);
        capture._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(capture));

        // EF remembers for a while (the logging cache time, 1 s by default) that nobody listened to command events;
        // contexts that checked just before the subscription stay silent until that has passed.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        return capture;
    }

    public IReadOnlyList<CapturedCommand> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public void Clear()
    {
        lock (_commands)
        {
            _commands.Clear();
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandEventData { Command: NpgsqlCommand command } && _filter(command.CommandText))
        {
            var parameters = command.Parameters.Select(p => p.Clone()).ToList();
            lock (_commands)
            {
                _commands.Add(new CapturedCommand(command.CommandText, parameters));
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            _subscriptions.Clear();
        }
    }
}

/// <summary>PostgreSQL's plan for a captured command.</summary>
public static class PostgresPlan
{
    /// <summary>The EXPLAIN text of <paramref name="command"/>, after running <paramref name="settings"/> (SET statements) on the same session.</summary>
    /// <param name="connectionString">The database to plan on.</param>
    /// <param name="command">The command as EF sent it.</param>
    /// <param name="settings">Statements run first on the same connection, such as "SET enable_seqscan = off".</param>
    /// <param name="analyze">EXPLAIN ANALYZE (runs the query) rather than the plan alone.</param>
    public static async Task<string> ExplainAsync(string connectionString, EfCommandCapture.CapturedCommand command, string? settings = null, bool analyze = false)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        if (!string.IsNullOrEmpty(settings))
        {
            await using var set = new NpgsqlCommand(settings, connection);
            await set.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand((analyze ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ") + command.Text, connection);
        foreach (var parameter in command.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    /// <summary>True when the plan sorts rows itself (a Sort or Incremental Sort node) instead of reading them in index order.</summary>
    /// <param name="plan">EXPLAIN text.</param>
    public static bool HasSort(string plan) =>
        plan.Split('\n').Any(line => line.TrimStart(' ', '-', '>').StartsWith("Sort", StringComparison.Ordinal)
                                     || line.TrimStart(' ', '-', '>').StartsWith("Incremental Sort", StringComparison.Ordinal));
}
