using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using EPeople.Testing;
using Microsoft.Playwright;

namespace EPeople.Benchmarks;

/// <summary>
/// Goal G6 (PERFORMANCE.md): server memory per connected Blazor circuit. For each page, a fresh server process
/// (EPeople.Web on a new SQLite file, or the blank template app beside it) and one headless Chromium whose pages each
/// hold one circuit: a few warm-up circuits, a baseline, then N more circuits, and the process's managed heap and
/// working set after a forced full GC (dotnet-gcdump), before and after; Δ / N is a circuit's cost. The blank template
/// is measured first and last (A/B/A) and is the comparator of the verdict.
/// </summary>
internal static class CircuitsBenchmark
{
    private const string Citizen = "citizen1@epeople.example";
    private const string CitizenPassword = "Demo-2026!citizen";
    private const string Official = "officer.seoul@epeople.example";
    private const string OfficialPassword = "Demo-2026!official";
    private const string SeoulCode = "6110000";
    private const int PetitionsInWorklist = 20;
    private const int OpenConcurrency = 4;
    private const double GoalRatio = 2.0;
    private const double GoalKb = 500;

    private static readonly string[] AllTargets = ["blank", "home", "worklist", "petition", "task"];

    private enum Page
    {
        BlankTemplate,
        Home,
        Worklist,
        PetitionDetails,
        TaskPage,
    }

    public static async Task RunAsync(int circuits, int warmup, IReadOnlyCollection<string> only)
    {
        Console.WriteLine(F($"EPeople circuits benchmark (G6) — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load {WorklistBenchmark.Load()}, commit {WorklistBenchmark.Commit()}, SQLite"));
        var gcdump = Tool("dotnet-gcdump");
        var chromium = Environment.GetEnvironmentVariable("EPEOPLE_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium was not found at {chromium} (apt-get install chromium, or set EPEOPLE_CHROMIUM).");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // Pages share a few renderer processes instead of one each, so hundreds of pages fit in memory.
                "--renderer-process-limit=8",
                // Pages the benchmark is not looking at keep running (no timer throttling of background pages).
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
            ],
        });

        var plan = new List<Page>();
        var wanted = only.Count == 0 ? AllTargets : [.. only];
        if (wanted.Contains("blank"))
        {
            plan.Add(Page.BlankTemplate);
        }

        plan.AddRange(new (string Name, Page Page)[] { ("home", Page.Home), ("worklist", Page.Worklist), ("petition", Page.PetitionDetails), ("task", Page.TaskPage) }
            .Where(t => wanted.Contains(t.Name)).Select(t => t.Page));
        if (wanted.Contains("blank") && plan.Count > 1)
        {
            plan.Add(Page.BlankTemplate); // A/B/A: the comparator again after EPeople's pages
        }

        Console.WriteLine(F($"{circuits} circuits per page after {warmup} warm-up circuits; managed heap and working set after a full blocking GC (dotnet-gcdump); Chromium {browser.Version}"));
        var results = new List<Result>();
        foreach (var page in plan)
        {
            var result = await MeasureAsync(browser, gcdump, page, circuits, warmup);
            results.Add(result);
            Console.WriteLine(F($"  {result.Label}: {result.Connected}/{circuits} connected in the browser, {result.After.Circuits - result.Before.Circuits} more CircuitHost objects on the server's heap ({result.Before.Circuits} → {result.After.Circuits}), heap {result.Before.HeapBytes / 1048576.0:0.0} → {result.After.HeapBytes / 1048576.0:0.0} MB, working set {result.Before.WorkingSetBytes / 1048576.0:0.0} → {result.After.WorkingSetBytes / 1048576.0:0.0} MB, of which GC heap {result.Before.GcResidentBytes / 1048576.0:0.0} → {result.After.GcResidentBytes / 1048576.0:0.0} MB; heading \"{result.Heading}\"; load {WorklistBenchmark.Load()}"));
        }

        Print(results);
    }

    private static void Print(List<Result> results)
    {
        var blanks = results.Where(r => r.Page == Page.BlankTemplate && r.Connected > 0).ToList();
        var blank = blanks.Count == 0 ? null : new Figures(blanks.Average(r => r.HeapKb), blanks.Average(r => r.NativeKb), blanks.Average(r => r.OwnKb), blanks.Average(r => r.WorkingSetKb));
        Console.WriteLine();
        Console.WriteLine("| Page (own server process) | Circuits | Δ live managed heap | Δ memory outside the GC heap | **Circuit's own memory** (heap + outside) | Δ raw working set | vs blank template (own / raw working set) | Goal (G6) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            if (r.Connected == 0)
            {
                Console.WriteLine($"| {r.Label} | 0 | not measured: no circuit connected | | | | | |");
                continue;
            }

            var ratio = r.Page == Page.BlankTemplate || blank is null ? "" : F($"{r.OwnKb / blank.OwnKb:0.00}× / {r.WorkingSetKb / blank.WorkingSetKb:0.00}×");
            var goal = r.Page is Page.Worklist or Page.PetitionDetails or Page.TaskPage ? Verdict(r, blank) : "comparator";
            Console.WriteLine(F($"| {r.Label} | {r.Connected} | {r.HeapKb:0} KB | {r.NativeKb:0} KB | **{r.OwnKb:0} KB** | {r.WorkingSetKb:0} KB | {ratio} | {goal} |"));
        }

        Console.WriteLine("All figures are per circuit. Δ memory outside the GC heap = Δ (working set − the GC heap's resident pages, from /proc/PID/smaps).");
        Console.WriteLine(blank is null
            ? "The blank template was not measured: no ratio and no verdict against it."
            : F($"Comparator of the verdict: the blank Blazor Web App template (Server, global interactivity), mean of its {blanks.Count} runs: own {string.Join(" / ", blanks.Select(b => F($"{b.OwnKb:0}")))} KB, raw working set {string.Join(" / ", blanks.Select(b => F($"{b.WorkingSetKb:0}")))} KB."));
        Console.WriteLine(F($"Goal: ≤ {GoalRatio:0}× the template's circuit and ≤ {GoalKb:0} KB, judged on the circuit's own memory. The raw working set is not a fair comparison: the server GC keeps what it committed once, so the template (which starts small) shows its heap's growth there, while EPeople's heap grows into memory its start-up already made resident."));
        Console.WriteLine(F($"load after run {WorklistBenchmark.Load()}"));
    }

    private sealed record Figures(double HeapKb, double NativeKb, double OwnKb, double WorkingSetKb);

    private static string Verdict(Result r, Figures? blank)
    {
        var absolute = r.OwnKb <= GoalKb;
        if (blank is null)
        {
            return F($"{r.OwnKb:0} KB ≤ {GoalKb:0} KB: {(absolute ? "met" : "missed")}; ratio not measured");
        }

        var relative = r.OwnKb <= GoalRatio * blank.OwnKb;
        return F($"{r.OwnKb / blank.OwnKb:0.00}× {(relative ? "≤" : ">")} {GoalRatio:0}×, {r.OwnKb:0} {(absolute ? "≤" : ">")} {GoalKb:0} KB: {(absolute && relative ? "**met**" : "**missed**")}");
    }

    private static async Task<Result> MeasureAsync(IBrowser browser, string gcdump, Page page, int circuits, int warmup)
    {
        var folder = Directory.CreateTempSubdirectory("epeople-bench-circuits-").FullName;
        try
        {
            await using var app = page == Page.BlankTemplate
                ? await AppProcess.StartAsync(new Dictionary<string, string>(), folder, BlankAppDll(), "/")
                : await AppProcess.StartAsync(EPeopleSettings(folder), folder);
            var (path, email, password, label) = page switch
            {
                Page.BlankTemplate => ("/", null, null, "Blank template app `/` (anonymous)"),
                Page.Home => ("/", null, null, "EPeople `/` (anonymous, static content in the layout)"),
                Page.Worklist => ("/worklist", Official, OfficialPassword, F($"EPeople `/worklist` (official, {PetitionsInWorklist} open tasks)")),
                Page.PetitionDetails => ($"/petitions/{(await FileAsync(app)).PetitionId}", Citizen, CitizenPassword, "EPeople `/petitions/{id}` (the citizen who filed it)"),
                _ => ($"/tasks/{(await FileAsync(app)).TaskId}", Official, OfficialPassword, "EPeople `/tasks/{id}` (official)"),
            };
            var marker = page == Page.BlankTemplate ? "h1[data-interactive='true']" : "main[data-interactive='true']";

            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = app.Address.ToString(),
                Locale = "ko-KR",
                TimezoneId = "Asia/Seoul",
            });
            context.SetDefaultTimeout(120_000);

            // Warm-up circuits stay open: JIT, pools and caches are in the baseline, and no closed circuit is released
            // from the server's disconnected-circuit retention during the measurement.
            var first = await context.NewPageAsync();
            if (email is not null)
            {
                await first.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(path)}");
                await first.Locator("#login-email").FillAsync(email);
                await first.Locator("#login-password").FillAsync(password!);
                await first.Locator("form:has(#login-email) button[type=submit]").ClickAsync();
                await first.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
            }
            else
            {
                await first.GotoAsync(path);
            }

            await first.Locator(marker).WaitForAsync();
            var heading = (await first.Locator("h1").First.TextContentAsync())?.Trim() ?? "";
            await OpenAsync(context, path, marker, warmup - 1);
            await Task.Delay(TimeSpan.FromSeconds(5));
            var before = await SampleAsync(gcdump, app.ProcessId, folder);

            var connected = await OpenAsync(context, path, marker, circuits);
            await Task.Delay(TimeSpan.FromSeconds(5)); // settle: late render batches, acknowledgements
            var after = await SampleAsync(gcdump, app.ProcessId, folder);
            return new Result(page, label, heading, connected, before, after);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Opens <paramref name="count"/> pages at <paramref name="path"/>, a few at a time; counts those whose circuit rendered.</summary>
    private static async Task<int> OpenAsync(IBrowserContext context, string path, string marker, int count)
    {
        var connected = 0;
        using var gate = new SemaphoreSlim(OpenConcurrency);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(path);
                await page.Locator(marker).WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
                Interlocked.Increment(ref connected);
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                Console.WriteLine($"    a page did not become interactive: {ex.Message.Split('\n')[0]}");
            }
            finally
            {
                gate.Release();
            }
        }));
        return connected;
    }

    /// <summary>Live managed bytes, working set, the part of it that is the GC's heap, and live CircuitHost objects.</summary>
    private sealed record Sample(long HeapBytes, long WorkingSetBytes, long GcResidentBytes, int Circuits);

    private sealed record Result(Page Page, string Label, string Heading, int Connected, Sample Before, Sample After)
    {
        public double HeapKb => (After.HeapBytes - Before.HeapBytes) / 1024.0 / Connected;

        public double WorkingSetKb => (After.WorkingSetBytes - Before.WorkingSetBytes) / 1024.0 / Connected;

        /// <summary>Working set outside the GC's heap: native memory (buffers, compression state, stacks, code).</summary>
        public double NativeKb => ((After.WorkingSetBytes - After.GcResidentBytes) - (Before.WorkingSetBytes - Before.GcResidentBytes)) / 1024.0 / Connected;

        /// <summary>What a circuit holds: its live objects plus its native memory, without the GC's free space.</summary>
        public double OwnKb => HeapKb + NativeKb;
    }

    /// <summary>
    /// dotnet-gcdump forces a full blocking GC in the process and reports the live objects' bytes; taken twice so that
    /// what finalizers released is gone too. The working set (VmRSS) is read right after. The same dump counts the
    /// server's live circuits (CircuitHost objects): the server's own word that the circuits exist.
    /// </summary>
    private static async Task<Sample> SampleAsync(string gcdump, int pid, string folder)
    {
        var (heap, hosts) = (0L, 0);
        for (var i = 0; i < 2; i++)
        {
            var file = Path.Combine(folder, $"heap-{Guid.NewGuid():N}.gcdump");
            await RunAsync(gcdump, "collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "-o", file);
            var report = await RunAsync(gcdump, "report", file);
            File.Delete(file);
            var line = report.Split('\n').FirstOrDefault(l => l.Contains("GC Heap bytes", StringComparison.Ordinal))
                ?? throw new InvalidOperationException("dotnet-gcdump report printed no 'GC Heap bytes' line:\n" + report);
            heap = long.Parse(line.Replace("GC Heap bytes", "", StringComparison.Ordinal).Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

            // "   Object Bytes     Count  Type": the row of Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost.
            var host = report.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .FirstOrDefault(f => f.Length >= 3 && f[2] == "Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost");
            hosts = host is null ? 0 : int.Parse(host[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        }

        var rss = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = long.Parse(rss["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
        return new Sample(heap, kb * 1024, GcResidentBytes(pid), hosts);
    }

    /// <summary>
    /// The resident bytes of the GC's heap. The GC reserves one large address range (hundreds of GB with regions) and
    /// commits parts of it; /proc/PID/smaps shows it as a run of adjacent anonymous mappings around the largest one.
    /// </summary>
    private static long GcResidentBytes(int pid)
    {
        var maps = new List<(ulong Start, ulong End, string Name, long RssKb)>();
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0].Contains('-', StringComparison.Ordinal) && !fields[0].EndsWith(':'))
            {
                var range = fields[0].Split('-');
                maps.Add((ulong.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture), ulong.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                    fields.Length > 5 ? fields[5] : "", 0));
            }
            else if (fields.Length >= 2 && fields[0] == "Rss:" && maps.Count > 0)
            {
                maps[^1] = maps[^1] with { RssKb = long.Parse(fields[1], CultureInfo.InvariantCulture) };
            }
        }

        var largest = Enumerable.Range(0, maps.Count).MaxBy(i => maps[i].End - maps[i].Start);
        var (low, high) = (largest, largest);
        while (low > 0 && maps[low - 1].End == maps[low].Start && maps[low - 1].Name.Length == 0)
        {
            low--;
        }

        while (high < maps.Count - 1 && maps[high + 1].Start == maps[high].End && maps[high + 1].Name.Length == 0)
        {
            high++;
        }

        return maps.Skip(low).Take(high - low + 1).Sum(m => m.RssKb) * 1024;
    }

    internal static Dictionary<string, string> EPeopleSettings(string folder) => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:EPeople"] = $"Data Source={Path.Combine(folder, "epeople.db")}",
        ["Seed:DemoUsers"] = "true",
        ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
        ["Sms:OutboxDirectory"] = Path.Combine(folder, "sms"),
        ["RateLimiting:SignInPerMinute"] = "1000",
        ["Scheduler:Enabled"] = "false", // background jobs' own allocations would only add noise to the heap figures
    };

    /// <summary>Files <see cref="PetitionsInWorklist"/> grievances to Seoul as the demo citizen; the first one's petition and task.</summary>
    private static async Task<(string PetitionId, string TaskId)> FileAsync(AppProcess app)
    {
        using var citizen = await ApiAsync(app, Citizen, CitizenPassword);
        var ids = new List<string>();
        for (var i = 0; i < PetitionsInWorklist; i++)
        {
            using var filed = await citizen.PostAsJsonAsync(new Uri("/api/v1/petitions", UriKind.Relative), new
            {
                kind = "CivilPetition", subtype = "Grievance", title = F($"공원 가로등 고장 {i + 1}"),
                body = "공원 산책로의 가로등이 일주일째 꺼져 있어 밤에 다니기 위험합니다. 빠른 수리를 부탁드립니다.",
                institutionCode = SeoulCode, phone = "010-2222-3333", consentToPersonalData = true,
            });
            filed.EnsureSuccessStatusCode();
            ids.Add((await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        using var official = await ApiAsync(app, Official, OfficialPassword);
        var tasks = await official.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/tasks?limit=200", UriKind.Relative));
        var task = tasks.GetProperty("items").EnumerateArray().First(t => t.GetProperty("petitionId").GetString() == ids[0]);
        return (ids[0], task.GetProperty("id").GetString()!);
    }

    private static async Task<HttpClient> ApiAsync(AppProcess app, string email, string password)
    {
        var client = app.CreateClient();
        using var login = await client.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new { email, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The blank template app's build output, built beside this program (see the project file).</summary>
    internal static string BlankAppDll()
    {
        var folder = typeof(CircuitsBenchmark).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BlankAppDirectory").Value!;
        var dll = Path.Combine(folder, "EPeople.Benchmarks.BlankApp.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} was not built.");
    }

    /// <summary>A .NET global tool, from PATH or ~/.dotnet/tools.</summary>
    private static string Tool(string name)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"));
        return folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{name} is needed: dotnet tool install --global {name} --version 10.0.750501");
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
        }

        return await output;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
