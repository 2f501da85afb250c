using EPeople.Application.Outbox;
using EPeople.Application.Workflows;
using EPeople.Domain.Auditing;
using EPeople.Domain.Institutions;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Abstractions;

/// <summary>
/// The unit of work handlers use directly (ADR-001: no repositories over EF Core).
/// One <see cref="SaveChangesAsync"/> per command is one transaction.
/// </summary>
public interface IEPeopleDbContext
{
    DbSet<Institution> Institutions { get; }
    DbSet<Department> Departments { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<WorkflowDefinitionRecord> WorkflowDefinitions { get; }
    DbSet<WorkflowInstanceRecord> WorkflowInstances { get; }
    DbSet<WorkflowTaskRecord> WorkflowTasks { get; }
    DbSet<WorkflowHistoryRecord> WorkflowHistory { get; }
    DbSet<WorkflowIncidentRecord> WorkflowIncidents { get; }
    DbSet<Calendar.BusinessHolidayRecord> BusinessHolidays { get; }
    DbSet<EPeople.Domain.Petitions.Petition> Petitions { get; }
    DbSet<EPeople.Domain.Petitions.Consultation> Consultations { get; }
    DbSet<Petitions.FilingKeyRecord> FilingKeys { get; }
    DbSet<Petitions.Notices.CitizenNoticeRecord> CitizenNotices { get; }
    DbSet<EPeople.Domain.Privacy.PersonalDataAccess> PersonalDataAccessLog { get; }
    DbSet<EPeople.Domain.Petitions.RoutingKeywordRule> RoutingKeywordRules { get; }
    DbSet<Petitions.Routing.RoutingSuggestionRecord> RoutingSuggestions { get; }
    DbSet<Petitions.Routing.RouterModelVersionRecord> RouterModelVersions { get; }
    DbSet<Analytics.Similarity.PetitionSimilarityRecord> PetitionSimilarities { get; }
    DbSet<Analytics.Similarity.PetitionSimilarityBandRecord> PetitionSimilarityBands { get; }
    DbSet<Analytics.Grouping.PetitionGroupRecord> PetitionGroups { get; }
    DbSet<Analytics.Grouping.PetitionGroupMemberRecord> PetitionGroupMembers { get; }
    DbSet<Analytics.DailyCountRecord> AnalyticsDailyCounts { get; }
    DbSet<Analytics.AnalyticsWatermarkRecord> AnalyticsWatermarks { get; }
    DbSet<Analytics.Alerts.AnalyticsAlertRecord> AnalyticsAlerts { get; }
    DbSet<Analytics.Alerts.AnalyticsAlertInstitutionRecord> AnalyticsAlertInstitutions { get; }
    DbSet<Analytics.Alerts.BurstDayRecord> AnalyticsBurstDays { get; }

    /// <summary>For the use cases that join the engine's commit in one transaction (filing, task actions).</summary>
    Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database { get; }

    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
