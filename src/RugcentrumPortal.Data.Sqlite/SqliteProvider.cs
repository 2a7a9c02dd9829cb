using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Data.Sqlite;

/// <summary>SQLite: one practice on one machine, no database server to install or run.</summary>
public sealed class SqliteProvider : IPortalDatabaseProvider
{
    public const string ProviderName = "Sqlite";

    private const int ConstraintViolation = 19;
    private const int UniqueConstraint = 2067;
    private const int PrimaryKeyConstraint = 1555;

    public string Name => ProviderName;

    /// <summary>The database is a file; its folder is made on first start so the run command needs nothing else.</summary>
    public string PrepareConnectionString(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        return connectionString;
    }

    public void Configure(DbContextOptionsBuilder options, string connectionString) =>
        PortalProviderExtension.Use(options, this).UseSqlite(connectionString,
                sqlite => sqlite.MigrationsAssembly(typeof(SqliteProvider).Assembly.GetName().Name))
            .AddInterceptors(WriteAheadLog.Instance);

    /// <summary>
    /// SQLite has no type that orders instants, so they are stored as UTC ticks: comparisons and sorting by time then
    /// happen in the database, as on the other products. Every instant the portal stores is UTC already.
    /// </summary>
    public void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();

    public bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: ConstraintViolation } e
        && e.SqliteExtendedErrorCode is UniqueConstraint or PrimaryKeyConstraint;

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        moment => moment.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

    /// <summary>
    /// Readers never wait for a writer and a patient's log never waits for a therapist's page: write-ahead logging.
    /// The mode is kept in the file, so it is set on the first connection to each file, not on every pooled open.
    /// </summary>
    private sealed class WriteAheadLog : DbConnectionInterceptor
    {
        public static readonly WriteAheadLog Instance = new();

        private readonly ConcurrentDictionary<string, bool> filesInWalMode = new(StringComparer.Ordinal);

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Enable(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Enable(connection);
            return Task.CompletedTask;
        }

        private void Enable(DbConnection connection)
        {
            if (filesInWalMode.ContainsKey(connection.DataSource))
            {
                return;
            }
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
            filesInWalMode[connection.DataSource] = true;
        }
    }
}
