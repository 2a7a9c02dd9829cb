using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using static RugcentrumPortal.Web.Tests.AccessLog.AccessLogTestKit;

namespace RugcentrumPortal.Web.Tests.AccessLog;

/// <summary>
/// Edits the stored log behind the application's back, as someone with the owner's rights could: first switching off
/// the database's own refusal (<see cref="AccessLogDatabaseGuard"/>), then changing lines.
/// </summary>
public class AccessLogTamperTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("UPDATE {0} SET {1} = 'Iemand anders' WHERE {2} = 2", 2L)]
    [InlineData("DELETE FROM {0} WHERE {2} = 2", 2L)]
    [InlineData("UPDATE {0} SET {2} = {2} + 10 WHERE {2} >= 3", 3L)]
    public async Task Verification_names_the_first_line_that_was_changed_removed_or_moved(string sql, long firstBroken)
    {
        var practice = await FreshChainAsync();

        await ExecuteBehindTheApplicationsBackAsync(AccessLogDatabaseGuard.SwitchOffSql);
        await ExecuteBehindTheApplicationsBackAsync(string.Format(sql, "\"AccessLog\"", "\"UserName\"", "\"Sequence\"") + $" AND \"PracticeId\" = {Literal(practice)}", expectRows: true);

        var check = await VerifyAsync(portal, practice);
        Assert.False(check.IsIntact);
        Assert.Equal(firstBroken, check.FirstBrokenSequence);
    }

    [Fact]
    public async Task An_untouched_chain_verifies()
    {
        var practice = await FreshChainAsync();

        var check = await VerifyAsync(portal, practice);

        Assert.True(check.IsIntact);
        Assert.Equal(4, check.LinesChecked);
    }

    /// <summary>A chain of its own (the log names practices without a foreign key) with four lines, so the tests do not share a chain.</summary>
    private async Task<Guid> FreshChainAsync()
    {
        var practiceId = Guid.CreateVersion7();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        AccessLogEntry? previous = null;
        for (var i = 0; i < 4; i++)
        {
            var line = new AccessLogEntry
            {
                PracticeId = practiceId, Event = AccessEvent.View, At = DateTimeOffset.UtcNow, PatientId = Guid.CreateVersion7(), PatientName = "Karel Knoei",
                UserId = "u", UserName = "Tom Therapeut", Role = Roles.Therapist, Subject = "PlanPage", Target = "/patienten/x/plan",
                PreviousHash = "", Hash = "",
            };
            line.LinkAfter(previous);
            db.AccessLog.Add(line);
            previous = line;
        }
        await db.SaveChangesAsync();
        return practiceId;
    }

    private async Task ExecuteBehindTheApplicationsBackAsync(string sql, bool expectRows = false)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.ArrangeDb().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = await command.ExecuteNonQueryAsync();
        Assert.True(!expectRows || rows > 0);
    }

    // Guids as the providers store them: PostgreSQL a uuid, SQLite upper-case text.
    private static string Literal(Guid id) => TestDatabase.Provider == "Sqlite" ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'";
}
