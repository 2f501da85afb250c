using EPeople.Application.FunctionalTests.Testing;

namespace EPeople.Application.FunctionalTests;

[SetUpFixture]
public sealed class FunctionalTestSetup
{
    [OneTimeTearDown]
    public Task StopEverything() => TestApp.DisposeAllAsync();
}
