namespace EPeople.Testing;

/// <summary>One throwaway PostgreSQL per test process, started on first use.</summary>
public static class SharedPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _server;
    private static string? _unavailable;

    /// <summary>The running server; ignores (or, when required, fails) the calling test if none can run here.</summary>
    public static async Task<PostgresServer> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_server is null && _unavailable is null)
            {
                var binaries = PostgresServer.FindBinaries();
                if (binaries is null)
                {
                    _unavailable = "PostgreSQL binaries were not found (looked in EPEOPLE_PG_BIN and /usr/lib/postgresql/*/bin).";
                }
                else
                {
                    try
                    {
                        _server = await PostgresServer.StartAsync(binaries);
                    }
                    catch (InvalidOperationException ex)
                    {
                        _unavailable = "PostgreSQL could not be started: " + ex.Message;
                    }
                }
            }
        }
        finally
        {
            Gate.Release();
        }

        if (_server is null)
        {
            TestRequirements.Unavailable(TestRequirements.PostgresRequired, _unavailable!);
        }

        return _server!;
    }
}
