using System.Text.Json.Nodes;
using EPeople.Application.Errors;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Ports;
using EPeople.Workflows.Runtime;
using EPeople.Workflows.Simulation;
using EPeople.Workflows.Validation;

namespace EPeople.Application.Workflows;

/// <summary>
/// Opens test runs of a draft for the designer (issue 7 item 5): validates the document as edited (a broken draft
/// cannot be run), loads the business calendar of its <c>settings.calendar</c>, and hands back a
/// <see cref="WorkflowSimulation"/> the page keeps for the circuit and steps through. A run touches no table and
/// sends nothing. The service does not check roles: the designer page is for analysts and system administrators,
/// and the API reaches it through <see cref="SimulateDefinitionQuery"/>, which does.
/// </summary>
public sealed class DefinitionTestRuns(DefinitionValidator validator, WorkflowEngine engine, IBusinessCalendarProvider calendars, TimeProvider clock)
{
    /// <summary>A test run of a validated draft, not started yet.</summary>
    /// <param name="json">The definition document as edited (need not be saved).</param>
    /// <param name="startAt">The virtual time the run starts at; now when null.</param>
    /// <exception cref="ValidationFailedException">The document is missing or has errors (listed under <c>json</c>).</exception>
    public async Task<WorkflowSimulation> PrepareAsync(string? json, DateTimeOffset? startAt = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw ValidationFailedException.For("json", "Send the definition document.");
        }

        var report = validator.Validate(json);
        if (!report.IsValid)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["json"] = [.. report.Errors.Select(p => p.ToString())] });
        }

        var definition = DefinitionSerializer.Deserialize(json);
        var calendar = await calendars.GetAsync(definition.Settings.Calendar, cancellationToken);
        return new WorkflowSimulation(definition, calendar, startAt ?? clock.GetUtcNow(), engine);
    }

    /// <summary>A test run of a validated draft, started with these variables and petition projection.</summary>
    /// <param name="json">The definition document as edited (need not be saved).</param>
    /// <param name="startAt">The virtual time the run starts at; now when null.</param>
    /// <param name="variables">Initial values of declared variables.</param>
    /// <param name="petition">A projection of a petition for expressions (<c>petition</c>).</param>
    /// <exception cref="ValidationFailedException">The document has errors, or the start was refused (an undeclared variable).</exception>
    public async Task<WorkflowSimulation> StartAsync(string? json, DateTimeOffset? startAt = null, JsonObject? variables = null, JsonObject? petition = null,
        CancellationToken cancellationToken = default)
    {
        var run = await PrepareAsync(json, startAt, cancellationToken);
        var started = run.Start(variables, petition);
        return started.Accepted ? run : throw ValidationFailedException.For("variables", started.Message!);
    }
}
