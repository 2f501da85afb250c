using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EPeople.Web.FunctionalTests.Testing;

namespace EPeople.Web.FunctionalTests.Api;

public sealed class OperationsTests
{
    [Test]
    public async Task ShouldBeLiveAndReadyWithMigratedDatabaseAndRunningScheduler()
    {
        using var client = WebTestSetup.Anonymous();

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");

        ready.GetProperty("status").GetString().ShouldBe("Healthy");
        ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        ready.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString().ShouldBe("Healthy");
        // The shipped router model loads (a missing or damaged one would leave the node Degraded).
        ready.GetProperty("checks").GetProperty("router").GetProperty("description").GetString().ShouldBe("Routing with petitions-2019.router.");
    }

    [Test]
    public async Task ShouldPublishTheOpenApiDocumentAndABrowsableUi()
    {
        using var client = WebTestSetup.Anonymous();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/institutions");
        paths.ShouldContain("/api/v1/auth/login");
        (await client.GetAsync("/swagger/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task ShouldSendSecurityHeadersAndNeverCacheApiAnswers()
    {
        using var client = WebTestSetup.Anonymous();

        var response = await client.GetAsync("/api/v1/institutions?limit=1");

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Test]
    public async Task ShouldForbidFramingOfEveryPage()
    {
        using var client = WebTestSetup.Anonymous();

        var response = await client.GetAsync("/");

        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Content-Security-Policy").ShouldBe(["frame-ancestors 'none'"]);
    }
}
