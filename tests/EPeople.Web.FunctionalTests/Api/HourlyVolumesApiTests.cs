using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EPeople.Web.FunctionalTests.Testing;

namespace EPeople.Web.FunctionalTests.Api;

/// <summary>Petitions per hour over HTTP: analysts read it, a bad window is a 400, citizens are refused.</summary>
public sealed class HourlyVolumesApiTests
{
    [Test]
    public async Task ShouldGiveAnalystsOnePointPerHourAndRefuseBadWindowsAndCitizens()
    {
        using var analyst = await WebTestSetup.SignedInAsync(DemoAccounts.Analyst.Email, DemoAccounts.Analyst.Password);
        using var citizen = await WebTestSetup.SignedInAsync(DemoAccounts.Citizen.Email, DemoAccounts.Citizen.Password);

        var body = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/hourly?hours=6");

        var points = body.GetProperty("points").EnumerateArray().ToList();
        points.Count.ShouldBe(6);
        points.Select(p => p.GetProperty("start").GetDateTimeOffset()).Zip(points.Skip(1).Select(p => p.GetProperty("start").GetDateTimeOffset()))
            .ShouldAllBe(pair => pair.Second - pair.First == TimeSpan.FromHours(1));
        points[0].GetProperty("start").GetDateTimeOffset().Offset.ShouldBe(TimeSpan.FromHours(9));
        points.ShouldAllBe(p => p.GetProperty("count").GetInt32() >= 0 && p.GetProperty("expected").GetDouble() >= 0);
        await (await analyst.GetAsync("/api/v1/analytics/hourly?hours=169")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await citizen.GetAsync("/api/v1/analytics/hourly")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
