using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EPeople.Web.FunctionalTests.Testing;

namespace EPeople.Web.FunctionalTests.Api;

public sealed class PetitionApiTests
{
    private static object Grievance(string title = "지하철역 엘리베이터 고장") => new
    {
        kind = "CivilPetition", subtype = "Grievance", title,
        body = "역 엘리베이터가 2주째 고장이라 휠체어 이용자가 역을 이용할 수 없습니다. 수리를 요청합니다.",
        institutionCode = "6110000", isPublic = false, contactPhone = "010-2222-3333", consentToPersonalData = true,
    };

    private static async Task<HttpResponseMessage> FileAsync(HttpClient client, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/petitions") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    [Test]
    public async Task ShouldFileOverHttpWithAReceiptAndAnswerARetryWithTheSameReceipt()
    {
        using var citizen = await WebTestSetup.SignedInAsync(DemoAccounts.Citizen.Email, DemoAccounts.Citizen.Password);
        var key = Guid.NewGuid().ToString();

        var response = await FileAsync(citizen, Grievance(), key);
        var retry = await FileAsync(citizen, Grievance(), key);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var filed = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/petitions/{filed.GetProperty("id").GetString()}");
        filed.GetProperty("stage").GetString().ShouldBe("Reception");
        filed.GetProperty("institution").GetProperty("code").GetString().ShouldBe("6110000");
        filed.GetProperty("dueExplanation").GetString().ShouldNotBeNullOrEmpty();
        var again = await retry.Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("receiptNumber").GetString().ShouldBe(filed.GetProperty("receiptNumber").GetString());
        again.GetProperty("replayed").GetBoolean().ShouldBeTrue();
        await (await FileAsync(citizen, Grievance("다른 제목의 다른 민원"), key)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var id = filed.GetProperty("id").GetString();
        using var officer = await WebTestSetup.SignedInAsync(DemoAccounts.SeoulOfficer.Email, DemoAccounts.SeoulOfficer.Password);
        var seen = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/petitions/{id}");
        seen.GetProperty("petitioner").GetProperty("phone").GetString().ShouldBe("010-****-3333");
        seen.GetProperty("timeline")[0].GetProperty("stage").GetString().ShouldBe("Reception");
        using var other = await WebTestSetup.SignedInAsync("citizen2@epeople.example", DemoAccounts.Citizen.Password);
        await (await other.GetAsync($"/api/v1/petitions/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ShouldShowAPublicPetitionToAnyoneMaskedAndHideAPrivateOne()
    {
        using var citizen = await WebTestSetup.SignedInAsync(DemoAccounts.Citizen.Email, DemoAccounts.Citizen.Password);
        var title = $"공개 민원 {Guid.NewGuid():N}";
        var open = await (await FileAsync(citizen, new
        {
            kind = "CivilPetition", subtype = "Proposal", title, isPublic = true, consentToPersonalData = true, institutionCode = "6110000",
            body = "버스 정류장에 그늘막을 설치해 주세요. 연락처는 010-7777-8888 입니다.",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var closed = await (await FileAsync(citizen, Grievance())).Content.ReadFromJsonAsync<JsonElement>();

        using var anonymous = WebTestSetup.Factory.CreateClient();
        var page = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/petitions?q={Uri.EscapeDataString(title)}");
        page.GetProperty("items").GetArrayLength().ShouldBe(1);
        var shown = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/petitions/{open.GetProperty("id").GetString()}");
        shown.GetProperty("body").GetString().ShouldBe("버스 정류장에 그늘막을 설치해 주세요. 연락처는 010-****-8888 입니다.");
        await (await anonymous.GetAsync($"/api/v1/public/petitions/{closed.GetProperty("id").GetString()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync("/api/v1/public/petitions?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task ShouldFileAnOpinionOnTheDemoConsultationDueAtItsClosingDate()
    {
        using var anonymous = WebTestSetup.Factory.CreateClient();
        var consultation = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/consultations"))[0];
        using var citizen = await WebTestSetup.SignedInAsync(DemoAccounts.Citizen.Email, DemoAccounts.Citizen.Password);

        var response = await FileAsync(citizen, new
        {
            kind = "PolicyEngagement", title = "요금 개편안에 대한 의견", consentToPersonalData = true,
            body = "정기권 가격은 유지하고 1시간 요금만 조정하는 편이 시민 부담이 적습니다.", consultationId = consultation.GetProperty("id").GetString(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var filed = await response.Content.ReadFromJsonAsync<JsonElement>();
        filed.GetProperty("institution").GetProperty("code").GetString().ShouldBe("6110000");
        filed.GetProperty("dueAt").GetDateTimeOffset().ShouldBe(consultation.GetProperty("closesAt").GetDateTimeOffset());
    }

    [Test]
    public async Task ShouldListTheWorklistByScopeWrittenInLowerCase()
    {
        using var citizen = await WebTestSetup.SignedInAsync(DemoAccounts.Citizen.Email, DemoAccounts.Citizen.Password);
        var filed = await (await FileAsync(citizen, Grievance($"작업 목록 확인 {Guid.NewGuid():N}"))).Content.ReadFromJsonAsync<JsonElement>();
        using var officer = await WebTestSetup.SignedInAsync(DemoAccounts.SeoulOfficer.Email, DemoAccounts.SeoulOfficer.Password);

        var page = await officer.GetFromJsonAsync<JsonElement>("/api/v1/tasks?scope=institution&limit=200");

        var item = page.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("petitionId").GetString() == filed.GetProperty("id").GetString());
        item.GetProperty("kind").GetString().ShouldBe("CivilPetition");
        item.GetProperty("slaState").GetString().ShouldBe("OnTime");
        (await officer.GetAsync("/api/v1/tasks?scope=Mine")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await officer.GetAsync("/api/v1/tasks?scope=everyone")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task ShouldRefuseAnInvalidFilingWithFieldErrors()
    {
        using var citizen = await WebTestSetup.SignedInAsync(DemoAccounts.Citizen.Email, DemoAccounts.Citizen.Password);

        var problem = await (await FileAsync(citizen, new { kind = "Complaint", title = "짧", body = "짧다", consentToPersonalData = false }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldErrors().ShouldBe(["kind", "title", "body", "consentToPersonalData"], ignoreOrder: true);
        using var officer = await WebTestSetup.SignedInAsync(DemoAccounts.SeoulOfficer.Email, DemoAccounts.SeoulOfficer.Password);
        await (await FileAsync(officer, Grievance())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task ShouldListThePetitionKindsWithTheirPeriodsToAnyone()
    {
        using var anonymous = WebTestSetup.Factory.CreateClient();

        var kinds = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/petition-kinds");

        kinds.GetArrayLength().ShouldBe(5);
        var civil = kinds.EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "CivilPetition");
        civil.GetProperty("subtypes").EnumerateArray().Single(s => s.GetProperty("subtype").GetString() == "Grievance").GetProperty("period").GetString().ShouldBe("P7WD");
    }
}
