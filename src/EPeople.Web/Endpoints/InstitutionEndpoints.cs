using EPeople.Application.Institutions;
using EPeople.Application.Tasks;
using Mediator;

namespace EPeople.Web.Endpoints;

internal static class InstitutionEndpoints
{
    public sealed record UpdateInstitutionRequest(
        string? NameKo, string? NameEn, string? Kind, string? ParentCode, string? RegionCode, ContactDto? Contact, long? ExpectedVersion);

    public sealed record DepartmentRequest(string? NameKo, string? NameEn, bool? IsActive);

    public sealed record ServiceTypesRequest(IReadOnlyList<string>? ServiceTypes);

    public static RouteGroupBuilder MapInstitutionEndpoints(this RouteGroupBuilder api)
    {
        var institutions = api.MapGroup("/institutions").WithTags("Institutions");

        institutions.MapGet("/", async (ISender sender, CancellationToken ct, string? search, string? kind, string? after, int? limit, bool? includeInactive, string? parentCode) =>
                TypedResults.Ok(await sender.Send(new SearchInstitutionsQuery(
                    search, kind, after, limit ?? SearchInstitutionsQuery.DefaultLimit, includeInactive ?? false, parentCode), ct)))
            .WithSummary("Search the institutions directory (keyset paging: pass 'next' as 'after')");

        institutions.MapGet("/{code}", async (string code, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetInstitutionQuery(code), ct)))
            .WithSummary("One institution with its departments and service types");

        institutions.MapPost("/", async (CreateInstitutionCommand command, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/institutions/{created.Code}", created);
            })
            .WithSummary("Add an institution (system administrators)");

        institutions.MapPut("/{code}", async (string code, UpdateInstitutionRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateInstitutionCommand(
                    code, r.NameKo, r.NameEn, r.Kind, r.ParentCode, r.RegionCode, r.Contact, r.ExpectedVersion), ct)))
            .WithSummary("Change an institution's details");

        institutions.MapPost("/{code}/deactivate", async (string code, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetInstitutionActiveCommand(code, false), ct)))
            .WithSummary("Deactivate an institution (system administrators)");

        institutions.MapPost("/{code}/activate", async (string code, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetInstitutionActiveCommand(code, true), ct)))
            .WithSummary("Reactivate an institution (system administrators)");

        institutions.MapPost("/{code}/departments", async (string code, DepartmentRequest r, ISender sender, CancellationToken ct) =>
            {
                var department = await sender.Send(new AddDepartmentCommand(code, r.NameKo, r.NameEn), ct);
                return TypedResults.Created($"/api/v1/institutions/{code}/departments/{department.Id}", department);
            })
            .WithSummary("Add a department");

        institutions.MapPut("/{code}/departments/{departmentId:guid}", async (string code, Guid departmentId, DepartmentRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateDepartmentCommand(code, departmentId, r.NameKo, r.NameEn, r.IsActive ?? true), ct)))
            .WithSummary("Rename, deactivate or reactivate a department");

        institutions.MapPut("/{code}/service-types", async (string code, ServiceTypesRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetServiceTypesCommand(code, r.ServiceTypes), ct)))
            .WithSummary("Set the petition kinds an institution accepts");

        institutions.MapGet("/{code}/audit", async (string code, ISender sender, CancellationToken ct, int? limit) =>
                TypedResults.Ok(await sender.Send(new GetInstitutionAuditTrailQuery(code, limit ?? 100), ct)))
            .WithSummary("Who changed this institution, when, from where, before and after");

        institutions.MapGet("/{code}/intake-rules", async (string code, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetIntakeRulesQuery(code), ct)))
            .WithSummary("Which department receives which kind of petition");

        institutions.MapPut("/{code}/intake-rules", async (string code, IReadOnlyList<IntakeRuleInput> rules, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetIntakeRulesCommand(code, rules), ct)))
            .WithSummary("Replace the intake rules (the institution's administrators); audited");

        institutions.MapGet("/{code}/officials", async (string code, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListOfficialsQuery(code), ct)))
            .WithSummary("The institution's officials with their department and position (its administrators)");

        institutions.MapGet("/{code}/workload", async (string code, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetWorkloadQuery(code), ct)))
            .WithSummary("Open tasks per department and per official by SLA state, and how many nobody has (its administrators)");

        return api;
    }
}
