using System.Net.Http.Headers;
using System.Net.Http.Json;

using EPeople.Web.FunctionalTests.Testing;

namespace EPeople.Web.FunctionalTests;

/// <summary>One running host for the whole assembly: starting it seeds 1,270 institutions and 12 accounts.</summary>
[SetUpFixture]
public sealed class WebTestSetup
{
    public static EPeopleWebFactory Factory { get; private set; } = default!;

    [OneTimeSetUp]
    public void StartHost()
    {
        Factory = new EPeopleWebFactory();
        using var _ = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopHost() => await Factory.DisposeAsync();

    public static HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>A client carrying the bearer token of a demo account from samples/demo-users.json.</summary>
    public static async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    public sealed record TokenResponse(string AccessToken, long ExpiresIn);
}
