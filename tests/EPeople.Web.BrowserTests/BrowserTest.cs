using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using EPeople.Testing;
using Microsoft.Playwright;

namespace EPeople.Web.BrowserTests;

/// <summary>
/// Drives Debian's Chromium (/usr/bin/chromium, or EPEOPLE_CHROMIUM) with Playwright against <see cref="BrowserApp"/>.
/// Screenshots of every step go to TestResults/screenshots. Without Chromium the tests are ignored, unless
/// EPEOPLE_REQUIRE_BROWSER=1 makes that a failure.
/// </summary>
public abstract class BrowserTest
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private int _step;

    protected static BrowserApp App => BrowserTestSetup.App;

    protected IPage Page { get; private set; } = default!;

    [SetUp]
    public async Task OpenBrowser()
    {
        var chromium = Environment.GetEnvironmentVariable("EPEOPLE_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            TestRequirements.Unavailable(TestRequirements.BrowserRequired, $"Chromium was not found at {chromium} (apt-get install chromium).");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        Page = await NewPageAsync();
    }

    /// <summary>A page in a browser context of its own (its own cookies): a second user at the same time.</summary>
    protected async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            Locale = "ko-KR",
            TimezoneId = "Asia/Seoul",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    [TearDown]
    public async Task CloseBrowser()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed && Page is not null)
        {
            await ScreenshotAsync("failure");
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>An HTTP client of the app's API signed in as a demo user (bearer token), for setting the scene quickly.</summary>
    protected static async Task<HttpClient> ApiAsync(string email, string password)
    {
        var client = new HttpClient { BaseAddress = App.BaseAddress };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Signs in through the login page as someone else: the page's cookies go first (the previous user is signed out),
    /// and with <paramref name="english"/> the language choice is put back as the switch would store it.
    /// </summary>
    protected async Task SignInAsync(string email, string password, string returnUrl, IPage? page = null, bool english = false)
    {
        page ??= Page;
        await page.Context.ClearCookiesAsync();
        if (english)
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en|uic=en", Url = App.BaseAddress.ToString() }]);
        }

        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel(english ? "E-mail address" : "이메일 주소").FillAsync(email);
        await page.GetByLabel(english ? "Password" : "비밀번호").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = english ? "Sign in" : "로그인" }).ClickAsync();
    }

    /// <summary>Saves a full-page screenshot under TestResults/screenshots/&lt;test&gt;/NN-name.png.</summary>
    protected Task ScreenshotAsync(string name) => ScreenshotAsync(Page, name);

    /// <summary>The same, of another page.</summary>
    protected async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(ResultsFolder(), "screenshots", TestContext.CurrentContext.Test.Name);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{++_step:00}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path);
    }

    /// <summary>Waits until the Blazor circuit is connected, so clicks reach the server.</summary>
    protected Task WaitForInteractiveAsync(IPage? page = null) =>
        (page ?? Page).Locator("main[data-interactive='true']").WaitForAsync();

    /// <summary>axe-core on the current page: no serious or critical accessibility violation.</summary>
    protected async Task ShouldBeAccessibleAsync(IPage? page = null)
    {
        var result = await (page ?? Page).RunAxe();
        var severe = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        severe.ShouldBeEmpty(string.Join("\n", severe.Select(Describe)));
    }

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}";

    /// <summary>TestResults/ at the repository root when run from a checkout, else beside the test binaries.</summary>
    private static string ResultsFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EPeople.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults");
    }
}
