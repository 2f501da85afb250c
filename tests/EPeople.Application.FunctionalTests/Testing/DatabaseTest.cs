using EPeople.Infrastructure.Persistence;

namespace EPeople.Application.FunctionalTests.Testing;

/// <summary>
/// Base of the tests that run once per real database provider (SQLite and PostgreSQL), each test starting
/// from an emptied, re-seeded database.
/// </summary>
[TestFixtureSource(nameof(Providers))]
public abstract class DatabaseTest(DatabaseProvider provider)
{
    public static readonly DatabaseProvider[] Providers = [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    protected DatabaseProvider Provider { get; } = provider;

    protected TestApp App { get; private set; } = default!;

    [SetUp]
    public async Task ResetDatabase()
    {
        App = await TestApp.ForAsync(Provider);
        await App.ResetAsync();
    }
}
