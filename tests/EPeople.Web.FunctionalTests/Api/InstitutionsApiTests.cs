using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EPeople.Web.FunctionalTests.Testing;

namespace EPeople.Web.FunctionalTests.Api;

public sealed class InstitutionsApiTests
{
    private static object NewInstitution(string code, string? nameKo = "테스트청", string? kind = "CentralAgency", string nameEn = "Test Agency") => new
    {
        code,
        nameKo,
        nameEn,
        kind,
        parentCode = "1741000",
        contact = new { phone = "02-000-0000" },
        serviceTypes = new[] { "CivilPetition" },
    };

    [Test]
    public async Task ShouldListTheSeededDirectoryOfOverAThousandInstitutionsByKeysetPaging()
    {
        using var client = WebTestSetup.Anonymous();
        var codes = new List<string>();
        string? next = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/institutions?limit=200{(next is null ? "" : "&after=" + next)}");
            codes.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!));
            next = page.GetProperty("next").GetString();
        }
        while (next is not null);

        codes.Count.ShouldBeGreaterThanOrEqualTo(1000);
        codes.Distinct().Count().ShouldBe(codes.Count);
        codes.ShouldContain("1140100");
        codes.Count(c => c.StartsWith('3') || c.StartsWith('4') || c.StartsWith('5')).ShouldBeGreaterThanOrEqualTo(200);
    }

    [TestCase("보건복지부", "1352000")]
    [TestCase("ministry of health and welfare", "1352000")]
    [TestCase("6110000", "6110000")]
    public async Task ShouldFindInstitutionsByKoreanOrEnglishNameOrCode(string search, string code)
    {
        using var client = WebTestSetup.Anonymous();

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/institutions?search={Uri.EscapeDataString(search)}");

        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ShouldContain(code);
    }

    [Test]
    public async Task ShouldFilterByKind()
    {
        using var client = WebTestSetup.Anonymous();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/institutions?kind=MetropolitanGovernment&limit=50");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(17);
        items.ShouldAllBe(i => i.GetProperty("kind").GetString() == "MetropolitanGovernment");
    }

    [Test]
    public async Task ShouldAnswerBadQueryWithProblemDetails()
    {
        using var client = WebTestSetup.Anonymous();

        var problem = await (await client.GetAsync("/api/v1/institutions?kind=Planet&limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldErrors().ShouldBe(["kind", "limit"], ignoreOrder: true);
    }

    [Test]
    public async Task ShouldAnswerUnknownCodeWith404()
    {
        using var client = WebTestSetup.Anonymous();

        await (await client.GetAsync("/api/v1/institutions/1234567")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ShouldRequireATokenToAddAnInstitution()
    {
        using var client = WebTestSetup.Anonymous();

        await (await client.PostAsJsonAsync("/api/v1/institutions", NewInstitution("1999001"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task ShouldForbidAnOfficialToAddAnInstitution()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.SeoulOfficer.Email, DemoAccounts.SeoulOfficer.Password);

        await (await client.PostAsJsonAsync("/api/v1/institutions", NewInstitution("1999002"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/v1/institutions/1999002")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ShouldRejectInvalidInstitutionWithFieldErrorsAndSaveNothing()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.SystemAdmin.Email, DemoAccounts.SystemAdmin.Password);

        var marker = "Invalid " + Guid.NewGuid().ToString("N");
        var response = await client.PostAsJsonAsync("/api/v1/institutions", NewInstitution("19990", nameKo: "", kind: "Spaceport", nameEn: marker));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldBe(["code", "nameKo", "kind"], ignoreOrder: true);
        var search = await client.GetFromJsonAsync<JsonElement>($"/api/v1/institutions?search={marker}&includeInactive=true");
        search.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task ShouldRejectMalformedJsonWith400NotA500()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.SystemAdmin.Email, DemoAccounts.SystemAdmin.Password);

        var response = await client.PostAsync("/api/v1/institutions", new StringContent("{\"code\": 12,", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldBe(["body"]);
    }

    [Test]
    public async Task ShouldCreateThenRefuseTheSameCodeWithConflict()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.SystemAdmin.Email, DemoAccounts.SystemAdmin.Password);

        var created = await client.PostAsJsonAsync("/api/v1/institutions", NewInstitution("1999003"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldBe("/api/v1/institutions/1999003");

        var duplicate = await client.PostAsJsonAsync("/api/v1/institutions", NewInstitution("1999003", nameKo: "다른 이름"));
        var problem = await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("rule").GetString().ShouldBe("DuplicateInstitutionCode");
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/institutions/1999003")).GetProperty("nameKo").GetString().ShouldBe("테스트청");
    }

    [Test]
    public async Task ShouldLetAnInstitutionAdminManageDepartmentsOfTheirOwnInstitutionOnlyAndAuditIt()
    {
        using var client = await WebTestSetup.SignedInAsync(DemoAccounts.SeoulAdmin.Email, DemoAccounts.SeoulAdmin.Password);

        var added = await client.PostAsJsonAsync("/api/v1/institutions/6110000/departments", new { nameKo = "청년정책과", nameEn = "Youth Policy Division" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var other = await client.PostAsJsonAsync("/api/v1/institutions/6260000/departments", new { nameKo = "청년정책과", nameEn = "Youth Policy Division" });
        await other.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var audit = await client.GetFromJsonAsync<JsonElement>("/api/v1/institutions/6110000/audit");
        var entry = audit.EnumerateArray().First(a => a.GetProperty("entityType").GetString() == "Department");
        entry.GetProperty("actor").GetString().ShouldBe(DemoAccounts.SeoulAdmin.Email);
        entry.GetProperty("after").GetString()!.ShouldContain("청년정책과");
        var seeded = audit.EnumerateArray().Single(a => a.GetProperty("entityType").GetString() == "Institution");
        seeded.GetProperty("actor").GetString().ShouldBe("system");
        seeded.GetProperty("after").GetString()!.ShouldContain("\"Kind\":\"MetropolitanGovernment\"");
    }
}
