using EPeople.Application.Errors;
using EPeople.Application.Petitions.Routing;

namespace EPeople.Web.Components.Admin;

/// <summary>
/// The keyword routing rules editor's rows while the administrator edits them: add, remove, and the server's refusal
/// pinned to the rows that were sent, so removing a row afterwards does not move a message onto its neighbour. The
/// refusal's field names come both as the validator writes them ("rules[0].keyword") and as the handler does
/// ("rules[0].institutionCode"), so they are matched without regard to case. The rules themselves are checked by the
/// application, not here.
/// </summary>
public sealed class KeywordRuleRows
{
    private const string RulesPrefix = "rules[";

    private readonly List<Row> _rows = [];
    private List<Row> _sent = [];
    private int _nextId;

    /// <summary>One rule being edited; <see cref="Id"/> keeps its inputs' ids and its error messages stable.</summary>
    public sealed class Row(int id)
    {
        public int Id { get; } = id;

        /// <summary>The saved rule this row changes; null for a rule being added.</summary>
        public Guid? RuleId { get; init; }

        public string? Keyword { get; set; }
        public string? InstitutionCode { get; set; }

        /// <summary>A petition kind's name, or null (or empty) for any kind.</summary>
        public string? Kind { get; set; }

        public string? Note { get; set; }

        /// <summary>The institution the server last named for this rule, shown while the code is still that one.</summary>
        internal InstitutionKnown? Known { get; init; }

        internal Dictionary<string, string[]> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    internal sealed record InstitutionKnown(string Code, string Name);

    public IReadOnlyList<Row> Rows => _rows;

    public static KeywordRuleRows From(IEnumerable<KeywordRuleDto> rules)
    {
        var rows = new KeywordRuleRows();
        foreach (var rule in rules)
        {
            rows._rows.Add(new Row(rows._nextId++)
            {
                RuleId = rule.Id,
                Keyword = rule.Keyword,
                InstitutionCode = rule.Institution.Code,
                Kind = rule.Kind,
                Note = rule.Note,
                Known = new InstitutionKnown(rule.Institution.Code, rule.Institution.Name),
            });
        }

        return rows;
    }

    /// <summary>A new, empty rule for any kind of petition, at the end.</summary>
    public Row Add()
    {
        var row = new Row(_nextId++);
        _rows.Add(row);
        return row;
    }

    public void Remove(Row row) => _rows.Remove(row);

    /// <summary>The institution's name when the row still has the code the server named; null for a code typed since.</summary>
    public static string? InstitutionName(Row row) =>
        row.Known is { } known && string.Equals(known.Code, row.InstitutionCode?.Trim(), StringComparison.Ordinal) ? known.Name : null;

    /// <summary>What is sent: the rows in order (their index is what the server's field names refer to). Clears the old messages.</summary>
    public IReadOnlyList<KeywordRuleInput> ToInputs()
    {
        foreach (var row in _rows)
        {
            row.Errors.Clear();
        }

        _sent = [.. _rows];
        return [.. _rows.Select(r => new KeywordRuleInput(r.RuleId, Blank(r.Keyword), Blank(r.InstitutionCode), Blank(r.Kind), Blank(r.Note)))];
    }

    /// <summary>Pins each "rules[i].field" message of a refusal to the row that was i-th when last sent.</summary>
    public void Refused(ErrorReport error)
    {
        foreach (var (key, messages) in error.Errors)
        {
            if (RowField(key) is ({ } index, { } field) && index < _sent.Count)
            {
                var errors = _sent[index].Errors;
                errors[field] = errors.TryGetValue(field, out var earlier) ? [.. earlier, .. messages.Except(earlier, StringComparer.Ordinal)] : messages;
            }
        }
    }

    /// <summary>Messages the refusal named without a row (such as "rules" itself), shown above the table.</summary>
    public static IReadOnlyList<string> GeneralErrors(ErrorReport? error) =>
        error is null ? [] : [.. error.Errors.Where(e => RowField(e.Key).Index is null).SelectMany(e => e.Value).Distinct(StringComparer.Ordinal)];

    public static IReadOnlyList<string> ErrorsFor(Row row, string field) => row.Errors.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>Whether the server refused anything on this row (its row is then marked for the eye as well).</summary>
    public static bool HasErrors(Row row) => row.Errors.Count > 0;

    /// <summary>"rules[2].keyword" (any case) → (2, "keyword"); anything else → (null, null).</summary>
    private static (int? Index, string? Field) RowField(string key)
    {
        if (!key.StartsWith(RulesPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        var close = key.IndexOf("].", RulesPrefix.Length, StringComparison.Ordinal);
        return close > RulesPrefix.Length && int.TryParse(key.AsSpan(RulesPrefix.Length, close - RulesPrefix.Length), out var index) && index >= 0
            ? (index, key[(close + 2)..])
            : (null, null);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
