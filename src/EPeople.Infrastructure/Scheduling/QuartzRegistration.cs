using EPeople.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace EPeople.Infrastructure.Scheduling;

/// <summary>
/// Quartz with its persistent ADO store in the application's database (tables qrtz_*, created when missing).
/// Clustered on PostgreSQL and SQL Server so recurring jobs run once across nodes; SQLite is single-node.
/// </summary>
internal static class QuartzRegistration
{
    public static IServiceCollection AddEPeopleScheduler(this IServiceCollection services, DatabaseOptions database, SchedulerOptions scheduler, string routerRetrainCron, string analyticsCron)
    {
        if (!scheduler.Enabled)
        {
            return services;
        }

        services.AddQuartz(q =>
        {
            q.UsePersistentStore(store =>
            {
                switch (database.Provider)
                {
                    case DatabaseProvider.Sqlite:
                        store.UseSqlite(database.ConnectionString);
                        break;
                    case DatabaseProvider.PostgreSql:
                        store.UsePostgres(database.ConnectionString);
                        store.UseClustering(c =>
                        {
                            c.CheckinInterval = TimeSpan.FromSeconds(10);
                            c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                        });
                        break;
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(database.ConnectionString);
                        store.UseClustering();
                        break;
                }

                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o => o.TablePrefix = "qrtz_");
                store.ProvisionSchema();
            });
            q.ScheduleJob<TimerPumpJob>(t => t
                .WithIdentity("timer-pump")
                .StartNow()
                .WithSimpleSchedule(TimeSpan.FromSeconds(1)));
            q.ScheduleJob<SupplementDeadlineJob>(t => t
                .WithIdentity("supplement-deadlines")
                .StartNow()
                .WithSimpleSchedule(TimeSpan.FromMinutes(1)));
            q.ScheduleJob<RatingWindowJob>(t => t
                .WithIdentity("rating-windows")
                .StartNow()
                .WithSimpleSchedule(TimeSpan.FromMinutes(10)));
            // Weekly by default, at night Korean time: training takes a core for about a minute.
            q.ScheduleJob<RouterRetrainingJob>(t => t
                .WithIdentity("router-retraining")
                .WithCronSchedule(routerRetrainCron, c => c.InTimeZone(KoreaTimeZone())));
            q.ScheduleJob<AnalyticsIncrementalJob>(t => t
                .WithIdentity("analytics-incremental")
                .WithCronSchedule(analyticsCron, c => c.InTimeZone(KoreaTimeZone())));
            q.ScheduleJob<OutboxDispatchJob>(t => t
                .WithIdentity("outbox-dispatch")
                .StartNow()
                .WithSimpleSchedule(TimeSpan.FromSeconds(scheduler.OutboxPollSeconds)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>Korea has no daylight saving: a fixed +09:00 zone serves where the tz database is absent.</summary>
    private static TimeZoneInfo KoreaTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Seoul", out var seoul)
            ? seoul
            : TimeZoneInfo.CreateCustomTimeZone("KST", TimeSpan.FromHours(9), "Korea Standard Time", "Korea Standard Time");
}
