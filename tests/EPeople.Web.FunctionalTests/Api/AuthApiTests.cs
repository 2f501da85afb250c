using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EPeople.Web.FunctionalTests.Testing;

namespace EPeople.Web.FunctionalTests.Api;

public sealed partial class AuthApiTests
{
    [Test]
    public async Task ShouldIssueABearerTokenForADemoOfficialThatCarriesTheirInstitution()
    {
        using var client = WebTestSetup.Anonymous();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = DemoAccounts.SeoulOfficer.Email, password = DemoAccounts.SeoulOfficer.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        token.GetProperty("accessToken").GetString().ShouldNotBeNullOrEmpty();
        token.GetProperty("expiresIn").GetInt64().ShouldBe(3600);

        using var signedIn = await WebTestSetup.SignedInAsync(DemoAccounts.SeoulOfficer.Email, DemoAccounts.SeoulOfficer.Password);
        var me = await signedIn.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["Official"]);
        me.GetProperty("position").GetString().ShouldBe("Officer");
        me.GetProperty("institutionId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Test]
    public async Task ShouldRefuseAWrongPasswordWith401ProblemDetails()
    {
        using var client = WebTestSetup.Anonymous();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = DemoAccounts.Citizen.Email, password = "not the password" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task ShouldValidateTheLoginRequest()
    {
        using var client = WebTestSetup.Anonymous();

        var problem = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody", password = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldErrors().ShouldBe(["email", "password"], ignoreOrder: true);
    }

    [Test]
    public async Task ShouldAnswer401WithoutATokenAndIgnoreAForgedOne()
    {
        using var client = WebTestSetup.Anonymous();
        (await client.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "forged");
        (await client.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task ShouldRegisterConfirmByTheEmailedLinkAndThenSignIn()
    {
        using var client = WebTestSetup.Anonymous();
        var email = $"new.{Guid.NewGuid():N}@example.kr";

        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "a long pass phrase", displayName = "새 시민" });
        registered.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "a long pass phrase" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The outbox dispatcher (a Quartz job) writes the e-mail to the pickup folder.
        var message = await WaitForEmailAsync(email);
        var link = ConfirmationLink().Match(message);
        link.Success.ShouldBeTrue(message);

        var page = await client.GetStringAsync(new Uri(link.Value).PathAndQuery);
        page.ShouldContain("이메일 주소가 확인되었습니다");
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "a long pass phrase" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> WaitForEmailAsync(string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(WebTestSetup.Factory.PickupDirectory))
            {
                foreach (var file in Directory.GetFiles(WebTestSetup.Factory.PickupDirectory, "*.eml"))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (text.Contains($"To: {to}", StringComparison.Ordinal))
                    {
                        return text;
                    }
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No e-mail to {to} reached the pickup folder.");
    }

    [GeneratedRegex(@"https://epeople\.test/account/confirm-email\?userId=[0-9a-f-]{36}&code=[A-Za-z0-9_%\-]+")]
    private static partial Regex ConfirmationLink();
}
