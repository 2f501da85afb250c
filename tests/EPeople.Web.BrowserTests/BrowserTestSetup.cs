namespace EPeople.Web.BrowserTests;

[SetUpFixture]
public sealed class BrowserTestSetup
{
    private static BrowserApp? _app;

    public static BrowserApp App => _app ??= new BrowserApp();

    [OneTimeTearDown]
    public async Task StopApp()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
