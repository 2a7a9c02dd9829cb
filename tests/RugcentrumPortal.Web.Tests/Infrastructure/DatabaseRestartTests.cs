using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.AccessLog;
using RugcentrumPortal.Web.Features.Invitations;
using RugcentrumPortal.Web.Features.Plans;
using RugcentrumPortal.Web.Tests.AccessLog;
using RugcentrumPortal.Web.Tests.Plans;

namespace RugcentrumPortal.Web.Tests.Infrastructure;

/// <summary>
/// A portal whose connection to PostgreSQL is cut once, by the server, just before a chosen statement: what a
/// database restart does to a request that is half-way through its transaction. SQLite has no server connection
/// to lose; there the statement simply runs.
/// </summary>
public sealed class ConnectionCuttingPortal : PortalFactory
{
    private readonly CutOnce cut = new();
    private readonly LostCommitAnswer lostAnswer = new();

    /// <summary>Every log entry the portal writes, for the tests that check how a lost connection is reported.</summary>
    public LogCapture Log { get; } = new();

    /// <summary>
    /// The next statement whose text <paramref name="matches"/> loses its connection first; with
    /// <paramref name="times"/> above one, so do its retries until that many connections are cut.
    /// </summary>
    public void CutBefore(Func<string, bool> matches, int times = 1) => cut.Arm(matches, times);

    /// <summary>How many connections were cut so far.</summary>
    public int Cuts => cut.Cuts;

    /// <summary>
    /// The next transaction that runs a statement whose text <paramref name="matches"/> commits, but the answer to its
    /// commit is lost, as when the connection drops at that moment: the portal cannot tell it from a failed commit.
    /// </summary>
    public void LoseCommitAnswer(Func<string, bool> matches) => lostAnswer.Arm(matches);

    /// <summary>How many commit answers were lost so far.</summary>
    public int LostAnswers => lostAnswer.Lost;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IInterceptor>(cut);
            services.AddSingleton<IInterceptor>(lostAnswer.Statements);
            services.AddSingleton<IInterceptor>(lostAnswer);
        });
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
    }

    private sealed class CutOnce : DbCommandInterceptor
    {
        private Func<string, bool>? armed;
        private int left;
        private int cuts;

        public int Cuts => cuts;

        public void Arm(Func<string, bool> matches, int times)
        {
            left = times;
            armed = matches;
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await CutIfArmedAsync(command);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await CutIfArmedAsync(command);
            return result;
        }

        public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            await CutIfArmedAsync(command);
            return result;
        }

        private async Task CutIfArmedAsync(DbCommand command)
        {
            if (armed is not { } matches || !matches(command.CommandText) || command.Connection is not NpgsqlConnection connection)
            {
                return;
            }
            if (--left == 0)
            {
                armed = null;
            }
            // The server ends the backend as a restart does; this connection learns it at its next statement.
            await using var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Pooling = false }.ConnectionString);
            await other.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", other);
            terminate.Parameters.AddWithValue("pid", connection.ProcessID);
            await terminate.ExecuteScalarAsync();
            Interlocked.Increment(ref cuts);
        }
    }
}

/// <summary>Marks the transaction of a matching statement, then throws what a dropped connection throws after its commit.</summary>
internal sealed class LostCommitAnswer : DbTransactionInterceptor
{
    private Func<string, bool>? armed;
    private DbTransaction? marked;
    private int lost;

    public LostCommitAnswer() => Statements = new Watch(this);

    public DbCommandInterceptor Statements { get; }

    public int Lost => lost;

    public void Arm(Func<string, bool> matches) => armed = matches;

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!ReferenceEquals(transaction, marked))
        {
            return Task.CompletedTask;
        }
        marked = null;
        Interlocked.Increment(ref lost);
        throw new NpgsqlException("The connection was lost before the commit was acknowledged.", new IOException("Connection reset by peer"));
    }

    private sealed class Watch(LostCommitAnswer owner) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (owner.armed is { } matches && matches(command.CommandText) && command.Connection is NpgsqlConnection && command.Transaction is { } transaction)
            {
                owner.armed = null;
                owner.marked = transaction;
            }
            return ValueTask.FromResult(result);
        }
    }
}

/// <summary>
/// A PostgreSQL restart in the middle of a user's action costs a retry, not an error page: the whole transaction
/// runs again from its first read, and what the user did is stored once.
/// </summary>
public class DatabaseRestartTests(ConnectionCuttingPortal portal) : IClassFixture<ConnectionCuttingPortal>
{
    private int ExpectedCuts => TestDatabase.Provider == "Sqlite" ? 0 : 1;

    [Fact]
    public async Task A_plan_whose_activation_loses_its_connection_half_way_goes_live_once()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var earlier = await TestPlans.ActiveAsync(portal, patientId, "pelvic-tilt");
        var draft = await TestPlans.DraftAsync(portal, patientId, "chin-tuck");
        var cutsBefore = portal.Cuts;
        // After the earlier version was superseded, inside the same transaction, as the new one is switched on.
        portal.CutBefore(sql => sql.Contains("UPDATE \"Plans\"", StringComparison.Ordinal) && sql.Contains("\"ActivatedAt\" = @", StringComparison.Ordinal));

        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var editor = scope.ServiceProvider.GetRequiredService<PlanEditorService>();
        var view = await editor.LoadAsync(patientId, draft.Id, default);
        var input = new PlanEditorInput { Command = "activate" };
        input.Fill(view!.Stored);
        var outcome = await editor.SubmitAsync(patientId, draft.Id, input, default);

        Assert.Equal(ExpectedCuts, portal.Cuts - cutsBefore);
        Assert.Equal($"patienten/{patientId}/plan", outcome.RedirectTo);
        var plans = await portal.PlansOfAsync(patientId);
        Assert.Equal([draft.Id], plans.Where(p => p.Status == PlanStatus.Active).Select(p => p.Id));
        Assert.Equal(PlanStatus.Superseded, plans.Single(p => p.Id == earlier.Id).Status);
        Assert.Equal(2, plans.Count);
    }

    [Fact]
    public async Task An_invitation_accepted_while_its_connection_is_lost_after_the_login_was_made_gives_one_login()
    {
        string code;
        await using (var therapist = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist))
        {
            var invitations = therapist.ServiceProvider.GetRequiredService<InvitationService>();
            await invitations.CreateLetterAsync(Baseline.NoordOtherPatientId, default);
            code = (await invitations.LetterAsync(Baseline.NoordOtherPatientId, default))!.Code;
        }
        var cutsBefore = portal.Cuts;
        // The login and its role are written; the patient's record is about to point at it.
        portal.CutBefore(sql => sql.Contains("UPDATE \"Patients\"", StringComparison.Ordinal));

        await using var visitor = portal.Services.CreateAsyncScope();
        var accepted = await visitor.ServiceProvider.GetRequiredService<InvitationService>().AcceptAsync(code, Baseline.Password + "-els", default);

        Assert.Equal(ExpectedCuts, portal.Cuts - cutsBefore);
        Assert.Equal(InvitationState.Valid, accepted.State);
        Assert.Empty(accepted.Errors);
        var (logins, linked, used) = await portal.WithDbAsync(async db => (
            await db.Users.Where(u => u.Email == "els@noord.test").Select(u => u.Id).ToListAsync(),
            await db.Patients.Where(p => p.Id == Baseline.NoordOtherPatientId).Select(p => p.UserId).SingleAsync(),
            await db.Invitations.CountAsync(i => i.PatientId == Baseline.NoordOtherPatientId && i.UsedAt != null)));
        Assert.Equal([accepted.User!.Id], logins);
        Assert.Equal(accepted.User.Id, linked);
        Assert.Equal(1, used);
    }

    [Fact]
    public async Task Access_log_lines_whose_commit_answer_was_lost_are_stored_once_and_the_chain_stays_intact()
    {
        var practiceId = Guid.CreateVersion7();
        await using var appender = new AccessLogAppender(portal.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<AccessLogAppender>.Instance);
        // Its writer starts from inside a retried unit of work, as when the first line after start-up is written
        // inside a transaction; the writer's own saves must still be retried.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.ArrangeDb().Database.CreateExecutionStrategy().ExecuteAsync(() => appender.AppendAsync([Line(practiceId, "PatientList")]));
        }
        var lost = portal.LostAnswers;
        portal.LoseCommitAnswer(sql => sql.Contains("INSERT INTO \"AccessLog\"", StringComparison.Ordinal));

        await appender.AppendAsync([Line(practiceId, "PlanPage"), Line(practiceId, "PatientDetail")]);

        Assert.Equal(ExpectedCuts, portal.LostAnswers - lost);
        var lines = await AccessLogTestKit.LinesAsync(portal, practiceId);
        Assert.Equal(["PatientList", "PlanPage", "PatientDetail"], lines.Select(l => l.Subject));
        Assert.True((await AccessLogTestKit.VerifyAsync(portal, practiceId)).IsIntact);
    }

    private static AccessLogEntry Line(Guid practiceId, string subject) => new()
    {
        PracticeId = practiceId, Event = AccessEvent.View, At = DateTimeOffset.UtcNow, PatientId = Guid.CreateVersion7(), PatientName = "Karel Knoei",
        UserId = "u", UserName = "Tom Therapeut", Role = Roles.Therapist, Subject = subject, Target = "/patienten/x/plan",
        PreviousHash = "", Hash = "",
    };
}
