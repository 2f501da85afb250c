using EPeople.Application.Analytics.Alerts;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Security;
using EPeople.Infrastructure.Persistence;
using EPeople.Testing;
using Npgsql;

namespace EPeople.Application.FunctionalTests.Analytics;

/// <summary>
/// The alert list reads an index in page order, never sorts: one institution's alerts through
/// analytics_alert_institutions (institution_code, raised_on desc, alert_id), one status's through analytics_alerts
/// (status, raised_on desc, id); a keyset page starts its index scan at the cursor. PostgreSQL only: the plans are its.
/// </summary>
[NonParallelizable]
public sealed class AlertListPlanTests
{
    private const string Seoul = "6110000";
    private TestApp _app = default!;

    public static IEnumerable<TestCaseData> Lists()
    {
        yield return new TestCaseData(new ListAnalyticsAlertsQuery(Institution: Seoul, Limit: 20), "ix_analytics_alert_institutions_code_raised_on_alert_id")
            .SetArgDisplayNames("institution");
        yield return new TestCaseData(new ListAnalyticsAlertsQuery(Status: "Open", Institution: Seoul, Limit: 20), "ix_analytics_alert_institutions_code_raised_on_alert_id")
            .SetArgDisplayNames("institution, open");
        yield return new TestCaseData(new ListAnalyticsAlertsQuery(Status: "Open", Limit: 20), "ix_analytics_alerts_status_raised_on_id").SetArgDisplayNames("open");
        yield return new TestCaseData(new ListAnalyticsAlertsQuery(Limit: 20), "ix_analytics_alerts_raised_on_id").SetArgDisplayNames("all");
    }

    [OneTimeSetUp]
    public async Task LoadAlerts()
    {
        _app = await TestApp.ForAsync(DatabaseProvider.PostgreSql);
        await _app.ResetAsync();

        // 20,000 alerts over three years, most closed; each concerns two of ten institutions.
        await using var db = new NpgsqlConnection(_app.Database.ConnectionString);
        await db.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO analytics_alerts (id, raised_on, last_seen_on, days, terms, count, expected, growth, p_value, score, total_count,
                examples, institutions, series, status, created_at, updated_at)
            SELECT to_char(d, 'YYYY-MM-DD') || '/t' || g, d, d, 1, '[]', 30, 1, 30, 0.0001, 4, 30, '[]', '[]', '[]',
                CASE WHEN g % 10 = 0 THEN 'Open' WHEN g % 10 = 1 THEN 'Acknowledged' ELSE 'Closed' END, now(), now()
            FROM generate_series(1, 20000) g, LATERAL (SELECT DATE '2024-01-01' + (g % 1000) AS d) day;
            INSERT INTO analytics_alert_institutions (alert_id, institution_code, count, raised_on)
            SELECT a.id, c.code, 10, a.raised_on
            FROM analytics_alerts a, LATERAL (VALUES
                ((ARRAY['6110000','6260000','6270000','6280000','6290000','6300000','6310000','6410000','6420000','6430000'])[1 + abs(hashtext(a.id)) % 10]),
                ((ARRAY['6110000','6260000','6270000','6280000','6290000','6300000','6310000','6410000','6420000','6430000'])[1 + abs(hashtext(a.id || 'x')) % 10])) c(code)
            ON CONFLICT DO NOTHING;
            ANALYZE analytics_alerts;
            ANALYZE analytics_alert_institutions;
            """, db);
        await insert.ExecuteNonQueryAsync();
    }

    [TestCaseSource(nameof(Lists))]
    public async Task ShouldReadTheAlertsInIndexOrderWithoutSorting(ListAnalyticsAlertsQuery query, string index)
    {
        _app.User.Set("analyst@test", [Roles.Analyst]);
        using var capture = await EfCommandCapture.StartAsync(sql => sql.Contains("FROM analytics_a", StringComparison.Ordinal) && sql.Contains("ORDER BY", StringComparison.Ordinal));
        var first = await _app.SendAsync(query);
        first.Next.ShouldNotBeNull("the test data should fill more than one page, so that a keyset page is planned too");
        await _app.SendAsync(query with { After = first.Next });

        capture.Commands.Count.ShouldBe(2, string.Join("\n\n", capture.Commands.Select(c => c.Text)));
        // As in the worklist's plan test: with sequential and bitmap scans off the planner can only read through an
        // index; if the query's shape lets one deliver the page's order there is no Sort, whatever the table's size.
        var plans = new List<string>();
        foreach (var command in capture.Commands)
        {
            var plan = await PostgresPlan.ExplainAsync(_app.Database.ConnectionString, command, "SET enable_seqscan = off; SET enable_bitmapscan = off");
            PostgresPlan.HasSort(plan).ShouldBeFalse($"The alert list sorts instead of reading an index in order:\n{command.Text}\n\n{plan}");
            plan.ShouldContain(index, Case.Sensitive, $"The alert list does not read {index}:\n{plan}");
            plans.Add(plan);
        }

        // The keyset page bounds raised_on in the index condition: the scan starts at the cursor.
        plans[1].Split('\n').Where(l => l.TrimStart().StartsWith("Index Cond:", StringComparison.Ordinal)).ShouldContain(l => l.Contains("raised_on <=", StringComparison.Ordinal), plans[1]);
    }
}
