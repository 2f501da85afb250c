using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EPeople.Infrastructure.Outbox;
using EPeople.Web.FunctionalTests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Web.FunctionalTests.Api;

/// <summary>Groups and the similar-petitions hint over HTTP: who may see what, and the status codes.</summary>
public sealed class PetitionGroupApiTests
{
    private static async Task<string> FileAsync(HttpClient citizen, string title, string body)
    {
        var filed = await citizen.PostAsJsonAsync("/api/v1/petitions", new
        {
            kind = "CivilPetition", subtype = "Grievance", title, body, institutionCode = "6110000", isPublic = false, consentToPersonalData = true,
        });
        filed.EnsureSuccessStatusCode();
        return (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Test]
    public async Task ShouldShowTheRepeatedGroupToTheHoldingInstitutionOnly()
    {
        using var citizen = await WebTestSetup.SignedInAsync("citizen2@epeople.example", DemoAccounts.Citizen.Password);
        var subject = $"우리 동네 {Random.Shared.Next(10_000, 99_999)}번 버스 정류장 표지판이 쓰러져 있습니다";
        const string body = "정류장 표지판이 바람에 쓰러진 채로 일주일째 방치되어 있어 위험합니다. 다시 세워 주세요.";
        await FileAsync(citizen, subject, body);
        await FileAsync(citizen, subject, body);
        var third = await FileAsync(citizen, subject, body);
        // Filings are grouped by the outbox dispatch job a moment later; deliver the requests now rather than wait for it.
        await using (var scope = WebTestSetup.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(500, CancellationToken.None);
        }

        using var seoul = await WebTestSetup.SignedInAsync(DemoAccounts.SeoulOfficer.Email, DemoAccounts.SeoulOfficer.Password);
        var groups = await seoul.GetFromJsonAsync<JsonElement>($"/api/v1/petitions/{third}/groups");
        var repeated = groups.EnumerateArray().Single(g => g.GetProperty("kind").GetString() == "Repeated");
        var groupId = repeated.GetProperty("id").GetString();
        (await seoul.GetFromJsonAsync<JsonElement>($"/api/v1/petition-groups/{groupId}")).GetProperty("members").GetArrayLength().ShouldBe(3);

        using var molit = await WebTestSetup.SignedInAsync("officer.molit@epeople.example", DemoAccounts.SeoulOfficer.Password);
        await (await molit.GetAsync($"/api/v1/petition-groups/{groupId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await molit.GetAsync($"/api/v1/petitions/{third}/groups")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await seoul.GetAsync($"/api/v1/petition-groups/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await citizen.GetAsync($"/api/v1/petition-groups/{groupId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // The hint shows the citizen's own earlier petitions, and nobody else's private ones.
        var mine = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/petitions/similar?title={Uri.EscapeDataString(subject)}&body={Uri.EscapeDataString(body)}");
        mine.GetArrayLength().ShouldBeGreaterThan(0);
        using var someoneElse = await WebTestSetup.SignedInAsync(DemoAccounts.Citizen.Email, DemoAccounts.Citizen.Password);
        var theirs = await someoneElse.GetFromJsonAsync<JsonElement>($"/api/v1/petitions/similar?title={Uri.EscapeDataString(subject)}&body={Uri.EscapeDataString(body)}");
        theirs.GetArrayLength().ShouldBe(0);
        await (await citizen.GetAsync("/api/v1/petitions/similar?title=")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
