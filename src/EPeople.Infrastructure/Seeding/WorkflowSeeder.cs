using EPeople.Application.Workflows;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EPeople.Infrastructure.Seeding;

/// <summary>
/// Imports the shipped definitions (<c>workflows/*.json</c>, beside the app) at start-up: known content is skipped,
/// new content becomes the next published version. An invalid file stops the start-up with the validator's report.
/// </summary>
internal sealed partial class WorkflowSeeder(WorkflowDefinitionCatalog catalog, IOptions<SeedOptions> options, ILogger<WorkflowSeeder> logger)
{
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var folder = options.Value.WorkflowsDirectory;
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var changed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var outcome = await catalog.ImportSeedAsync(await File.ReadAllTextAsync(file, cancellationToken), name, cancellationToken);
            if (outcome.Action != DefinitionImportAction.Unchanged)
            {
                changed++;
                LogImported(logger, name, outcome.DefinitionId, outcome.Action, outcome.Version);
            }
        }

        return changed;
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Workflow file {File}: {DefinitionId} {Action} as version {Version}")]
    private static partial void LogImported(ILogger logger, string file, string definitionId, DefinitionImportAction action, int version);
}
