using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace EPeople.Testing;

/// <summary>
/// A throwaway PostgreSQL server started from the machine's binaries (initdb + pg_ctl) in a temporary
/// folder on a free loopback port, with durability off for speed. initdb refuses to run as root, so as
/// root the server runs as the 'postgres' user (runuser). Stopped and deleted on dispose or process exit.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _binDirectory;
    private readonly string _dataDirectory;
    private readonly bool _asPostgresUser;

    private PostgresServer(string binDirectory, string dataDirectory, int port, bool asPostgresUser)
    {
        _binDirectory = binDirectory;
        _dataDirectory = dataDirectory;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The folder of the server binaries (pgbench lives there too).</summary>
    public string BinDirectory => _binDirectory;

    /// <summary>The folder of initdb/pg_ctl (EPEOPLE_PG_BIN, else the newest /usr/lib/postgresql/*/bin), or null.</summary>
    public static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("EPEOPLE_PG_BIN") is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        }

        const string root = "/usr/lib/postgresql";
        return !Directory.Exists(root)
            ? null
            : Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
    }

    /// <summary>Starts a server; <paramref name="durable"/> keeps fsync and synchronous commit on (benchmarks), tests turn them off.</summary>
    public static async Task<PostgresServer> StartAsync(string binDirectory, bool durable = false)
    {
        var asPostgresUser = Environment.UserName == "root";
        var data = Path.Combine(Path.GetTempPath(), "epeople-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data);
        if (asPostgresUser)
        {
            await RunAsync("chown", ["postgres", data]);
        }

        var server = new PostgresServer(binDirectory, data, FreePort(), asPostgresUser);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAsync().GetAwaiter().GetResult();
        await server.RunToolAsync("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
        await server.RunToolAsync("pg_ctl",
        [
            "-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-t", "60", "-o",
            $"-p {server.Port} -c listen_addresses=127.0.0.1 -k {data} -c max_connections=200"
                + (durable ? " -c shared_buffers=512MB" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"),
            "start",
        ]);
        return server;
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            Pooling = true,
            IncludeErrorDetail = true,
        }.ConnectionString;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopAsync()
    {
        if (!Directory.Exists(_dataDirectory))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunToolAsync("pg_ctl", ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Already stopped; the folder still goes.
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }

    private Task RunToolAsync(string tool, string[] arguments)
    {
        var executable = Path.Combine(_binDirectory, tool);
        return _asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", executable, .. arguments])
            : RunAsync(executable, arguments);
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
