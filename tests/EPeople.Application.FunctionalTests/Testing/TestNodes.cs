using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EPeople.Application.FunctionalTests.Testing;

/// <summary>
/// Application hosts with Quartz running for real on one fresh database: two clustered nodes on PostgreSQL, one on
/// SQLite (which Quartz will not cluster). Hosts are built but not started, so a test can prepare data first.
/// </summary>
public sealed class TestNodes : IAsyncDisposable
{
    private TestNodes(string folder, List<IHost> hosts)
    {
        Folder = folder;
        Hosts = hosts;
    }

    public string Folder { get; }

    public IReadOnlyList<IHost> Hosts { get; }

    /// <summary>The first node's services (for preparing and checking data).</summary>
    public IServiceProvider Services => Hosts[0].Services;

    public static async Task<TestNodes> CreateAsync(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("epeople-nodes-").FullName;
        var database = await TestDatabase.CreateAsync(provider, folder);
        var hosts = new List<IHost>();
        for (var i = 0; i < (provider == DatabaseProvider.PostgreSql ? 2 : 1); i++)
        {
            var builder = Host.CreateApplicationBuilder();
            TestApp.AddApplicationUnderTest(builder.Services, TestApp.Configuration(database, folder, scheduler: true), folder);
            hosts.Add(builder.Build());
        }

        await using var scope = hosts[0].Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EPeopleDbContext>().Database.MigrateAsync();
        return new TestNodes(folder, hosts);
    }

    public async Task StartAsync()
    {
        foreach (var host in Hosts)
        {
            await host.StartAsync();
        }
    }

    /// <summary>Polls <paramref name="done"/> on the first node until it holds or a minute passes.</summary>
    public async Task<bool> WaitUntilAsync(Func<EPeopleDbContext, Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = Services.CreateAsyncScope();
            if (await done(scope.ServiceProvider.GetRequiredService<EPeopleDbContext>()))
            {
                return true;
            }

            await Task.Delay(500);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Hosts)
        {
            try
            {
                await host.StopAsync();
            }
            catch (AggregateException e) when (e.Flatten().InnerExceptions.All(IsClusterManagerShutdownRace))
            {
                // Quartz's clustered job store can throw from ClusterManager.Shutdown when it stops before its first
                // check-in task exists (seen only on a heavily loaded machine). The test's assertions have already run
                // and the scheduler is stopped either way; anything else thrown on stop still fails the test.
                await TestContext.Out.WriteLineAsync($"Quartz cluster manager shutdown race on stop: {e.Flatten().InnerExceptions[0].Message}");
            }

            host.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private static bool IsClusterManagerShutdownRace(Exception e) =>
        e is NullReferenceException && e.StackTrace?.Contains("Quartz.Impl.AdoJobStore.ClusterManager.Shutdown", StringComparison.Ordinal) == true;
}
