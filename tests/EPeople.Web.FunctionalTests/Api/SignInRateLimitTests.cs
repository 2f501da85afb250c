using System.Net;
using System.Net.Http.Json;
using EPeople.Web.FunctionalTests.Testing;

namespace EPeople.Web.FunctionalTests.Api;

public sealed class SignInRateLimitTests
{
    [Test]
    public async Task ShouldAnswer429AfterTooManySignInAttemptsFromOneAddress()
    {
        await using var factory = new EPeopleWebFactory(new Dictionary<string, string>
        {
            ["RateLimiting:SignInPerMinute"] = "3",
            ["Seed:DemoUsers"] = "false",
            ["Seed:Institutions"] = "false",
            ["Scheduler:Enabled"] = "false",
        });
        using var client = factory.CreateClient();
        var attempt = new { email = "someone@example.kr", password = "guess guess guess" };

        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/auth/login", attempt)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var limited = await client.PostAsJsonAsync("/api/v1/auth/login", attempt);
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.ToString().ShouldBe("60");
        (await client.GetAsync("/api/v1/institutions")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
