using EPeople.Application.Errors;
using EPeople.Application.Institutions;
using EPeople.Domain.Petitions;

namespace EPeople.Web.Components.Admin;

/// <summary>
/// The intake rules editor's rows while the administrator edits them: add, remove, change a kind (a subtype only stays
/// on a civil petition), and the server's refusal pinned to the rows that were sent, so removing a row afterwards does
/// not move a message onto its neighbour. The rules themselves are checked by the application, not here.
/// </summary>
public sealed class IntakeRuleRows
{
    private readonly List<Row> _rows = [];
    private int _nextId;

    /// <summary>One rule being edited; <see cref="Id"/> keeps its inputs' ids and its error messages stable.</summary>
    public sealed class Row(int id)
    {
        public int Id { get; } = id;
        public string? Kind { get; set; }
        public string? Subtype { get; set; }
        public Guid? DepartmentId { get; set; }
        internal Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);
    }

    public IReadOnlyList<Row> Rows => _rows;

    public static IntakeRuleRows From(IEnumerable<IntakeRuleDto> rules)
    {
        var rows = new IntakeRuleRows();
        foreach (var rule in rules)
        {
            var row = rows.Add();
            row.Kind = rule.Kind;
            row.Subtype = rule.Subtype;
            row.DepartmentId = rule.DepartmentId;
        }

        return rows;
    }

    public Row Add()
    {
        var row = new Row(_nextId++) { Kind = nameof(PetitionKind.CivilPetition) };
        _rows.Add(row);
        return row;
    }

    public void Remove(Row row) => _rows.Remove(row);

    public static bool HasSubtypes(Row row) => row.Kind == nameof(PetitionKind.CivilPetition);

    public static void ChangeKind(Row row, string? kind)
    {
        row.Kind = kind;
        if (!HasSubtypes(row))
        {
            row.Subtype = null;
        }
    }

    /// <summary>What is sent: the rows in order (their index is what the server's field names refer to).</summary>
    public IReadOnlyList<IntakeRuleInput> ToInputs()
    {
        foreach (var row in _rows)
        {
            row.Errors.Clear();
        }

        return [.. _rows.Select(r => new IntakeRuleInput(r.Kind, string.IsNullOrEmpty(r.Subtype) ? null : r.Subtype, r.DepartmentId))];
    }

    /// <summary>Pins each "rules[i].field" message of a refusal to the row that was i-th when sent.</summary>
    public void Refused(ErrorReport error)
    {
        foreach (var (key, messages) in error.Errors)
        {
            var open = key.IndexOf('[', StringComparison.Ordinal);
            var close = key.IndexOf("].", StringComparison.Ordinal);
            if (key.StartsWith("rules[", StringComparison.Ordinal) && close > open
                && int.TryParse(key.AsSpan(open + 1, close - open - 1), out var index) && index < _rows.Count)
            {
                _rows[index].Errors[key[(close + 2)..]] = messages;
            }
        }
    }

    /// <summary>Messages the refusal named without a row (such as "rules" itself), shown above the table.</summary>
    public static IReadOnlyList<string> GeneralErrors(ErrorReport? error) =>
        error is null ? [] : [.. error.Errors.Where(e => !e.Key.StartsWith("rules[", StringComparison.Ordinal)).SelectMany(e => e.Value)];

    public static IReadOnlyList<string> ErrorsFor(Row row, string field) => row.Errors.TryGetValue(field, out var messages) ? messages : [];
}
