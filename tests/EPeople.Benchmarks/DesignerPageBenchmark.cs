using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EPeople.Testing;
using Microsoft.Playwright;

namespace EPeople.Benchmarks;

/// <summary>
/// Issue 7's browser figures: the designer opening a 60-node definition until it is interactive (canvas measured,
/// ports placed, flow fitted: <c>data-ready="true"</c>; goal ≤ 2 s), and one edit's round trip in the browser (a node
/// added from the palette until it is drawn, validated and badged). Anchor, in the same run: the blank Blazor template
/// app's page until interactive, in the same Chromium. p50/p95 over repeated opens after a warm-up.
/// </summary>
internal static class DesignerPageBenchmark
{
    private const string Analyst = "analyst@epeople.example";
    private const string AnalystPassword = "Demo-2026!analyst";

    public static async Task RunAsync(int nodes, int runs)
    {
        Console.WriteLine(F($"Designer page benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load {WorklistBenchmark.Load()}, commit {WorklistBenchmark.Commit()}, {nodes} nodes, {runs} runs, SQLite"));
        var chromium = Environment.GetEnvironmentVariable("EPEOPLE_CHROMIUM") ?? "/usr/bin/chromium";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });

        var blank = await BlankAsync(browser, runs);
        var (open, edit) = await DesignerAsync(browser, nodes, runs);
        Console.WriteLine();
        Console.WriteLine("| Measure | p50 | p95 | Anchor p50 (blank app page) | Ratio p50 | Goal |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine(F($"| Designer opens a {nodes}-node definition until interactive | {open[runs / 2]:0} ms | {P95(open):0} ms | {blank[runs / 2]:0} ms | {open[runs / 2] / blank[runs / 2]:0.0}× | ≤ 2000 ms |"));
        Console.WriteLine(F($"| Add a node from the palette until drawn and validated | {edit[runs / 2]:0} ms | {P95(edit):0} ms | — | — | validation ≤ 100 ms |"));
    }

    private static async Task<double[]> BlankAsync(IBrowser browser, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("epeople-bench-designer-blank-").FullName;
        try
        {
            await using var app = await AppProcess.StartAsync(new Dictionary<string, string>(), folder, CircuitsBenchmark.BlankAppDll(), "/");
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() });
            return await TimeAsync(runs, async () =>
            {
                var page = await context.NewPageAsync();
                var start = Stopwatch.GetTimestamp();
                await page.GotoAsync("/");
                await page.Locator("h1[data-interactive='true']").WaitForAsync();
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                await page.CloseAsync();
                return elapsed;
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(double[] Open, double[] Edit)> DesignerAsync(IBrowser browser, int nodes, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("epeople-bench-designer-").FullName;
        try
        {
            await using var app = await AppProcess.StartAsync(CircuitsBenchmark.EPeopleSettings(folder), folder);
            var json = DesignerBenchmark.Definition(nodes);
            var definitionId = JsonNode.Parse(json)!["definitionId"]!.GetValue<string>();
            using (var api = new HttpClient { BaseAddress = app.Address })
            {
                var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = Analyst, password = AnalystPassword });
                login.EnsureSuccessStatusCode();
                var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
                api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var body = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
                (await api.PutAsync($"/api/v1/workflows/definitions/{definitionId}/draft", body)).EnsureSuccessStatusCode();
            }

            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString(), Locale = "ko-KR", ViewportSize = new() { Width = 1600, Height = 1000 } });
            context.SetDefaultTimeout(60_000);
            var path = $"/workflows/{definitionId}/designer";
            var first = await context.NewPageAsync();
            await first.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(path)}");
            await first.Locator("#login-email").FillAsync(Analyst);
            await first.Locator("#login-password").FillAsync(AnalystPassword);
            await first.Locator("form:has(#login-email) button[type=submit]").ClickAsync();
            await first.Locator("[data-testid='designer'][data-ready='true']").WaitForAsync();
            var drawn = await first.Locator(".wf-node").CountAsync();
            Console.WriteLine(F($"the designer draws {drawn} nodes of {definitionId}"));
            await first.CloseAsync();

            var open = await TimeAsync(runs, async () =>
            {
                var page = await context.NewPageAsync();
                var start = Stopwatch.GetTimestamp();
                await page.GotoAsync(path);
                await page.Locator("[data-testid='designer'][data-ready='true']").WaitForAsync();
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                await page.CloseAsync();
                return elapsed;
            });

            var editor = await context.NewPageAsync();
            await editor.GotoAsync(path);
            await editor.Locator("[data-testid='designer'][data-ready='true']").WaitForAsync();
            var added = 0;
            var edit = await TimeAsync(runs, async () =>
            {
                var id = added++ == 0 ? "timer" : F($"timer{added}");
                var start = Stopwatch.GetTimestamp();
                await editor.Locator("[data-testid='palette'] button[data-type='EPeople.Timer']").ClickAsync();
                await editor.Locator($".wf-node[data-node='{id}'] [data-testid='node-error-badge']").WaitForAsync();
                return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            });
            return (open, edit);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Five warm-up runs, then <paramref name="runs"/> timed ones, sorted.</summary>
    private static async Task<double[]> TimeAsync(int runs, Func<Task<double>> once)
    {
        for (var i = 0; i < 5; i++)
        {
            await once();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            times[i] = await once();
        }

        Array.Sort(times);
        return times;
    }

    private static double P95(double[] sorted) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.95) - 1)];

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
