using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Messages;
using RugcentrumPortal.Web.Features.Outcomes;
using RugcentrumPortal.Web.Features.Plans;
using RugcentrumPortal.Web.Tests.Outcomes;
using static RugcentrumPortal.Web.Tests.AccessLog.AccessLogTestKit;

namespace RugcentrumPortal.Web.Tests.AccessLog;

/// <summary>
/// Changes made with one conditional statement (ExecuteUpdate, ExecuteDelete) pass no save, so no save interceptor
/// sees them; each writes its own access log line. A new bulk statement on a patient's data that does not, fails the
/// last test here.
/// </summary>
public partial class BulkChangeLogTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Pausing_resuming_and_finishing_a_plan_each_write_a_change_line()
    {
        var plan = await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, "chin-tuck");
        var before = await CountAsync(portal, Baseline.NoordPatientId, nameof(RecoveryPlan), AccessEvent.Change);

        await AsTherapistAsync(services => services.GetRequiredService<PlanService>().PauseAsync(Baseline.NoordPatientId, plan.Id, "Op vakantie", default));
        Assert.Equal(before + 1, await CountAsync(portal, Baseline.NoordPatientId, nameof(RecoveryPlan), AccessEvent.Change));
        await AsTherapistAsync(services => services.GetRequiredService<PlanService>().ResumeAsync(Baseline.NoordPatientId, plan.Id, default));
        Assert.Equal(before + 2, await CountAsync(portal, Baseline.NoordPatientId, nameof(RecoveryPlan), AccessEvent.Change));
        await AsTherapistAsync(services => services.GetRequiredService<PlanService>().FinishAsync(Baseline.NoordPatientId, plan.Id, default));
        Assert.Equal(before + 3, await CountAsync(portal, Baseline.NoordPatientId, nameof(RecoveryPlan), AccessEvent.Change));

        var refused = await AsTherapistAsync(services => services.GetRequiredService<PlanService>().PauseAsync(Baseline.NoordPatientId, plan.Id, null, default));
        Assert.NotEqual(PlanStatusChange.Done, refused);
        Assert.Equal(before + 3, await CountAsync(portal, Baseline.NoordPatientId, nameof(RecoveryPlan), AccessEvent.Change));
    }

    [Fact]
    public async Task Messages_marked_read_by_opening_the_conversation_write_a_line_each_and_nothing_when_none_were_unread()
    {
        await using (var arrange = portal.Services.CreateAsyncScope())
        {
            var db = arrange.ServiceProvider.ArrangeDb();
            var author = await db.Users.Where(u => u.Email == Baseline.NoordPatient).Select(u => u.Id).SingleAsync();
            db.Messages.Add(new PortalMessage
            {
                PatientId = Baseline.NoordPatientId, FromPatient = true, AuthorUserId = author, CreatedAt = DateTimeOffset.UtcNow,
                Text = "Mag ik de oefening overslaan?", SubmissionId = Guid.NewGuid(),
            });
            await db.SaveChangesAsync();
        }
        var before = await CountAsync(portal, Baseline.NoordPatientId, nameof(PortalMessage), AccessEvent.Change);

        await AsTherapistAsync(services => services.GetRequiredService<ConversationService>().ForTherapistAsync(Baseline.NoordPatientId, default));
        var afterReading = await CountAsync(portal, Baseline.NoordPatientId, nameof(PortalMessage), AccessEvent.Change);
        await AsTherapistAsync(services => services.GetRequiredService<ConversationService>().ForTherapistAsync(Baseline.NoordPatientId, default));

        Assert.True(afterReading > before);
        Assert.Equal(afterReading, await CountAsync(portal, Baseline.NoordPatientId, nameof(PortalMessage), AccessEvent.Change));
    }

    [Fact]
    public async Task Withdrawing_a_questionnaire_and_the_patient_answering_one_each_write_a_change_line()
    {
        var withdrawn = await OutcomeTestData.RequestAsync(portal, Baseline.NoordPatientId, "nprs");
        var answered = await OutcomeTestData.RequestAsync(portal, Baseline.NoordPatientId, "nprs");
        var before = await CountAsync(portal, Baseline.NoordPatientId, nameof(OutcomeMeasurement), AccessEvent.Change);

        var withdrawal = await AsTherapistAsync(services => services.GetRequiredService<OutcomeService>().WithdrawAsync(Baseline.NoordPatientId, withdrawn, default));
        Assert.Equal(OutcomeCommandStatus.Done, withdrawal.Status);
        Assert.Equal(before + 1, await CountAsync(portal, Baseline.NoordPatientId, nameof(OutcomeMeasurement), AccessEvent.Change));

        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordPatient);
        var answer = await scope.ServiceProvider.GetRequiredService<OutcomeService>()
            .SubmitQuestionnaireAsync(answered, new OutcomeInput { Value = "4" }, default);
        Assert.Equal(OutcomeCommandStatus.Done, answer.Status);
        Assert.Equal(before + 2, await CountAsync(portal, Baseline.NoordPatientId, nameof(OutcomeMeasurement), AccessEvent.Change));
    }

    /// <summary>
    /// Every ExecuteUpdate or ExecuteDelete in a feature on a set of a patient's data is in a file that writes its
    /// change line (<c>AccessRecord.Changed</c>), or is named here with the reason it needs none.
    /// </summary>
    [Fact]
    public void Every_bulk_statement_on_patient_data_writes_its_own_line()
    {
        var unlogged = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src", "RugcentrumPortal.Web", "Features"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !NeedsNoLine.ContainsKey(Path.GetFileName(f)))
            .Select(f => (File: Path.GetFileName(f), Text: File.ReadAllText(f)))
            .Where(f => BulkOnPatientData().IsMatch(f.Text) && !f.Text.Contains("AccessRecord.Changed", StringComparison.Ordinal))
            .Select(f => f.File)
            .ToList();

        Assert.Empty(unlogged);
    }

    private static readonly Dictionary<string, string> NeedsNoLine = new()
    {
        ["RetentionService.cs"] = "the retention job acts for nobody and logs what it removed",
        ["ErasureService.cs"] = "handling a request writes one erasure line naming everything its statements removed",
        ["ReminderStopLinks.cs"] = "a stop link from an e-mail is used without signing in",
        ["PlanEditorService.cs"] = "the draft claim only touches UpdatedAt before a tracked save, which is logged",
        ["BalanceService.cs"] = "the claim only touches UpdatedAt before a tracked save, which is logged",
        ["ReminderSettingsService.cs"] = "a browser's push device changes hands; adding it for the new patient is a logged save",
    };

    [GeneratedRegex(@"\.(Patients|Assessments|Plans|PlanExercises|Messages|OutcomeMeasurements|Invitations|ReminderSettings|ReminderDeliveries|PushDevices|SessionLogs|WeeklyCheckIns|FeedbackReceipts|ErasureRequests)\b[^;]*?\.Execute(Update|Delete)Async", RegexOptions.Singleline)]
    private static partial Regex BulkOnPatientData();

    private async Task<T> AsTherapistAsync<T>(Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        return await act(scope.ServiceProvider);
    }
}
