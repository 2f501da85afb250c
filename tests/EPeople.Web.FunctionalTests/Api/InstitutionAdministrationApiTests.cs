using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EPeople.Web.FunctionalTests.Testing;

namespace EPeople.Web.FunctionalTests.Api;

/// <summary>The institution administrator's endpoints: officials and positions, the workload view, the intake rules' field errors.</summary>
public sealed class InstitutionAdministrationApiTests
{
    private const string Seoul = "6110000";

    private static async Task<JsonElement> OfficialAsync(HttpClient client, string institution, string email)
    {
        var officials = await client.GetFromJsonAsync<JsonElement>($"/api/v1/institutions/{institution}/officials");
        return officials.EnumerateArray().Single(o => o.GetProperty("email").GetString() == email);
    }

    [Test]
    public async Task ShouldListTheInstitutionsOfficialsToItsAdministratorOnly()
    {
        using var admin = await WebTestSetup.SignedInAsync(DemoAccounts.SeoulAdmin.Email, DemoAccounts.SeoulAdmin.Password);
        using var officer = await WebTestSetup.SignedInAsync(DemoAccounts.SeoulOfficer.Email, DemoAccounts.SeoulOfficer.Password);

        var seoulOfficer = await OfficialAsync(admin, Seoul, DemoAccounts.SeoulOfficer.Email);

        seoulOfficer.GetProperty("displayName").GetString().ShouldBe("이서연");
        seoulOfficer.GetProperty("departmentNameKo").GetString().ShouldBe("시민소통담당관");
        seoulOfficer.GetProperty("position").GetString().ShouldBe("Officer");
        await (await admin.GetAsync("/api/v1/institutions/1613000/officials")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.GetAsync($"/api/v1/institutions/{Seoul}/officials")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await WebTestSetup.Anonymous().GetAsync($"/api/v1/institutions/{Seoul}/officials")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task ShouldMoveAnOfficialAndAuditItThenRefuseUnknownForeignAndMisplacedChanges()
    {
        using var admin = await WebTestSetup.SignedInAsync(DemoAccounts.SeoulAdmin.Email, DemoAccounts.SeoulAdmin.Password);
        using var sysadmin = await WebTestSetup.SignedInAsync(DemoAccounts.SystemAdmin.Email, DemoAccounts.SystemAdmin.Password);
        var head = await OfficialAsync(admin, Seoul, "head.seoul@epeople.example");
        var headId = head.GetProperty("id").GetGuid();
        var home = head.GetProperty("departmentId").GetGuid();
        var added = await admin.PostAsJsonAsync($"/api/v1/institutions/{Seoul}/departments", new { nameKo = "인사검증과", nameEn = "Staff Review Division" });
        var department = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        try
        {
            var moved = await admin.PutAsJsonAsync($"/api/v1/officials/{headId}", new { departmentId = department, position = "Officer" });

            moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
            var body = await moved.Content.ReadFromJsonAsync<JsonElement>();
            body.GetProperty("departmentNameKo").GetString().ShouldBe("인사검증과");
            body.GetProperty("position").GetString().ShouldBe("Officer");
            var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/institutions/{Seoul}/audit");
            var entry = audit.EnumerateArray().First(a => a.GetProperty("entityType").GetString() == "Official");
            entry.GetProperty("entityId").GetString().ShouldBe(headId.ToString());
            entry.GetProperty("actor").GetString().ShouldBe(DemoAccounts.SeoulAdmin.Email);
            entry.GetProperty("after").GetString()!.ShouldContain("인사검증과");
        }
        finally
        {
            (await admin.PutAsJsonAsync($"/api/v1/officials/{headId}", new { departmentId = home, position = "DepartmentHead" })).EnsureSuccessStatusCode();
        }

        var molitHead = (await OfficialAsync(sysadmin, "1613000", "head.molit@epeople.example")).GetProperty("id").GetGuid();
        var molitDepartment = (await OfficialAsync(sysadmin, "1613000", "head.molit@epeople.example")).GetProperty("departmentId").GetGuid();
        await (await admin.PutAsJsonAsync($"/api/v1/officials/{Guid.NewGuid()}", new { departmentId = department, position = "Officer" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutAsJsonAsync($"/api/v1/officials/{molitHead}", new { departmentId = department, position = "Officer" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var foreign = await (await admin.PutAsJsonAsync($"/api/v1/officials/{headId}", new { departmentId = molitDepartment, position = "Officer" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        foreign.FieldErrors().ShouldBe(["departmentId"]);
        var malformed = await (await admin.PutAsJsonAsync($"/api/v1/officials/{headId}", new { position = "Chief" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        malformed.FieldErrors().ShouldBe(["departmentId", "position"], ignoreOrder: true);
        (await OfficialAsync(admin, Seoul, "head.seoul@epeople.example")).GetProperty("position").GetString().ShouldBe("DepartmentHead");
    }

    [Test]
    public async Task ShouldShowTheWorkloadToTheInstitutionsAdministratorOnly()
    {
        using var admin = await WebTestSetup.SignedInAsync(DemoAccounts.SeoulAdmin.Email, DemoAccounts.SeoulAdmin.Password);
        using var officer = await WebTestSetup.SignedInAsync(DemoAccounts.SeoulOfficer.Email, DemoAccounts.SeoulOfficer.Password);

        var workload = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/institutions/{Seoul}/workload");

        workload.GetProperty("institutionCode").GetString().ShouldBe(Seoul);
        var total = workload.GetProperty("total");
        total.GetProperty("open").GetInt32().ShouldBe(
            total.GetProperty("onTime").GetInt32() + total.GetProperty("atRisk").GetInt32() + total.GetProperty("overdue").GetInt32());
        workload.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("nameKo").GetString()).ShouldContain("시민소통담당관");
        workload.GetProperty("officials").EnumerateArray().Select(o => o.GetProperty("official").GetString())
            .ShouldContain(DemoAccounts.SeoulOfficer.Email);
        await (await admin.GetAsync("/api/v1/institutions/1613000/workload")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.GetAsync($"/api/v1/institutions/{Seoul}/workload")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.GetAsync("/api/v1/institutions/1234567/workload")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ShouldAnswerIntakeRuleMistakesWithTheRowsFieldNames()
    {
        using var admin = await WebTestSetup.SignedInAsync(DemoAccounts.SeoulAdmin.Email, DemoAccounts.SeoulAdmin.Password);
        using var analyst = await WebTestSetup.SignedInAsync(DemoAccounts.Analyst.Email, DemoAccounts.Analyst.Password);
        var department = (await OfficialAsync(admin, Seoul, DemoAccounts.SeoulOfficer.Email)).GetProperty("departmentId").GetGuid();

        var refused = await admin.PutAsJsonAsync($"/api/v1/institutions/{Seoul}/intake-rules", new[]
        {
            new { kind = "CivilPetition", subtype = (string?)"Grievance", departmentId = (Guid?)department },
            new { kind = "CivilPetition", subtype = (string?)"Grievance", departmentId = (Guid?)department },
            new { kind = "WasteReport", subtype = (string?)"Question", departmentId = (Guid?)Guid.NewGuid() },
        });

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldBe(["rules[1].kind", "rules[2].subtype"], ignoreOrder: true);
        await (await analyst.GetAsync($"/api/v1/institutions/{Seoul}/intake-rules")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
