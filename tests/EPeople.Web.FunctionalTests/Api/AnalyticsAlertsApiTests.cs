using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EPeople.Application.Analytics.Alerts;
using EPeople.Infrastructure.Persistence;
using EPeople.Web.FunctionalTests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Web.FunctionalTests.Api;

/// <summary>The burst alerts over HTTP: an alert id holds a slash, sent as %2F.</summary>
public sealed class AnalyticsAlertsApiTests
{
    [Test]
    public async Task ShouldListAndAcknowledgeAnAlertWhoseIdHoldsASlashAndRefuseCitizens()
    {
        var term = "싱크홀" + Guid.NewGuid().ToString("N")[..6];
        var day = new DateOnly(2001, 1, 1);
        var id = $"{day:yyyy-MM-dd}/{term}";
        await using (var scope = WebTestSetup.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EPeopleDbContext>();
            db.AnalyticsAlerts.Add(new AnalyticsAlertRecord
            {
                Id = id, RaisedOn = day, LastSeenOn = day, Days = 1, Terms = JsonSerializer.Serialize(new[] { term }), Count = 30, Expected = 1, Growth = 30,
                Series = "[0,30]", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        using var analyst = await WebTestSetup.SignedInAsync(DemoAccounts.Analyst.Email, DemoAccounts.Analyst.Password);
        using var citizen = await WebTestSetup.SignedInAsync(DemoAccounts.Citizen.Email, DemoAccounts.Citizen.Password);
        var path = $"/api/v1/analytics/alerts/{Uri.EscapeDataString(id)}/acknowledge";

        var page = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/alerts?status=Open&limit=200");
        page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ShouldContain(id);
        await (await citizen.PostAsync(path, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await citizen.GetAsync("/api/v1/analytics/alerts")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var acknowledged = await analyst.PostAsync(path, null);

        acknowledged.StatusCode.ShouldBe(HttpStatusCode.OK, await acknowledged.Content.ReadAsStringAsync());
        var body = await acknowledged.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("id").GetString(), body.GetProperty("status").GetString()).ShouldBe((id, "Acknowledged"));
        body.GetProperty("series").EnumerateArray().Select(v => v.GetInt32()).ShouldBe([0, 30]);
        await (await analyst.PostAsync($"/api/v1/analytics/alerts/{Uri.EscapeDataString(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "/none")}/acknowledge", null))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ShouldCloseAnAlertOnceWithAReasonAndRefuseBadInputUnknownAlertsCitizensAndOfficials()
    {
        var term = "폭염" + Guid.NewGuid().ToString("N")[..6];
        var day = new DateOnly(2001, 2, 1);
        var id = $"{day:yyyy-MM-dd}/{term}";
        await using (var scope = WebTestSetup.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EPeopleDbContext>();
            var alert = new AnalyticsAlertRecord
            {
                Id = id, RaisedOn = day, LastSeenOn = day, Days = 1, Terms = JsonSerializer.Serialize(new[] { term }), Count = 30, Expected = 1, Growth = 30,
                Institutions = """[{"code":"6110000","count":30}]""", Series = "[0,30]", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.AnalyticsAlerts.Add(alert);
            await AlertInstitutionIndex.SyncAsync(db, [alert], CancellationToken.None);
            await db.SaveChangesAsync();
        }

        using var analyst = await WebTestSetup.SignedInAsync(DemoAccounts.Analyst.Email, DemoAccounts.Analyst.Password);
        using var citizen = await WebTestSetup.SignedInAsync(DemoAccounts.Citizen.Email, DemoAccounts.Citizen.Password);
        using var officer = await WebTestSetup.SignedInAsync(DemoAccounts.SeoulOfficer.Email, DemoAccounts.SeoulOfficer.Password);
        var path = $"/api/v1/analytics/alerts/{Uri.EscapeDataString(id)}/close";

        await (await citizen.PostAsJsonAsync(path, new { reason = "Resolved" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PostAsJsonAsync(path, new { reason = "Resolved" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await analyst.PostAsJsonAsync(path, new { reason = "Quiet" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["reason"]);
        await (await analyst.PostAsync(path, null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await (await analyst.PostAsJsonAsync(path, new { reason = "Resolved", note = new string('x', 1001) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors().ShouldBe(["note"]);
        await (await analyst.PostAsJsonAsync($"/api/v1/analytics/alerts/{Uri.EscapeDataString(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "/none")}/close",
            new { reason = "Resolved" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var closed = await analyst.PostAsJsonAsync(path, new { reason = "NotRelevant", note = "계절 현상" });

        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        var body = await closed.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("id").GetString(), body.GetProperty("status").GetString(), body.GetProperty("closeReason").GetString(), body.GetProperty("closeNote").GetString())
            .ShouldBe((id, "Closed", "NotRelevant", "계절 현상"));
        var again = await analyst.PostAsJsonAsync(path, new { reason = "Resolved" });
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("closeReason").GetString().ShouldBe("NotRelevant");

        // The closed alert is listed under its institution and status; a malformed code is refused, an unknown one has none.
        var page = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/alerts?status=Closed&institution=6110000&limit=200");
        page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ShouldContain(id);
        (await (await analyst.GetAsync("/api/v1/analytics/alerts?institution=61100")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["institution"]);
        (await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/alerts?institution=9999999")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }
}
