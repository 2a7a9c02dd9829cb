using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Feedback;
using RugcentrumPortal.Web.Tests.Components;
using RugcentrumPortal.Web.Tests.PatientPortal;
using static RugcentrumPortal.TestSupport.TestPlans;

namespace RugcentrumPortal.Web.Tests.Feedback;

public class FeedbackOverviewTests(FeedbackPortal portal) : IClassFixture<FeedbackPortal>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await portal.ResetAsync();
        await portal.WithDbAsync(db => db.FeedbackReceipts.ExecuteDeleteAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_therapist_reads_a_patients_note_marks_it_read_and_the_other_note_stays_new()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, PortalTestData.At(FeedbackPortal.Today.AddDays(-20)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(plan, FeedbackPortal.Today.AddDays(-1), "Gisteren ging het zwaar");
        await LogAsync(plan, FeedbackPortal.Today, "Vandaag beter");
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);

        var page = workspace.RenderPage<FeedbackOverview>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("li.is-new").Count));
        Assert.Equal("2 nieuwe signalen", page.Find(".feedback-count").TextContent);
        Assert.Equal(["Vandaag beter", "Gisteren ging het zwaar"], page.FindAll("blockquote").Select(b => b.TextContent));

        page.FindAll("li.is-new")[1].QuerySelector("button")!.Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("li.is-read")));
        Assert.Contains("Gisteren ging het zwaar", page.Find("li.is-read").TextContent);
        Assert.Contains("Gelezen", page.Find("li.is-read").TextContent);
        Assert.Contains("Vandaag beter", page.Find("li.is-new").TextContent);
        Assert.Equal(1, await portal.WithDbAsync(db => db.FeedbackReceipts.CountAsync()));
    }

    [Fact]
    public async Task With_nothing_new_the_overview_says_so_in_plain_words()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);

        var page = workspace.RenderPage<FeedbackOverview>();

        page.WaitForAssertion(() => Assert.Contains("Geen nieuwe signalen.", page.Markup));
        Assert.Empty(page.FindAll(".feedback-count"));
    }

    [Fact]
    public async Task The_patient_page_shows_that_patients_own_signals_and_no_one_elses()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, PortalTestData.At(FeedbackPortal.Today.AddDays(-20)), Exercise("chin-tuck", perDay: 1));
        var other = await TestPlans.AddAsync(portal, Baseline.NoordOtherPatientId, PlanStatus.Active, PortalTestData.At(FeedbackPortal.Today.AddDays(-20)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(plan, FeedbackPortal.Today, "Van Piet");
        await LogAsync(other, FeedbackPortal.Today, "Van Els");
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);

        var card = workspace.Render<PatientFeedbackCard>(p => p.Add(c => c.PatientId, Baseline.NoordPatientId));

        card.WaitForAssertion(() => Assert.Contains("Van Piet", card.Markup));
        Assert.DoesNotContain("Van Els", card.Markup);
        Assert.Equal("Signalen van de patiënt", card.Find("#feedback-heading").TextContent);
    }

    private Task LogAsync(RecoveryPlan plan, DateOnly day, string note) => portal.WithDbAsync(db =>
    {
        db.SessionLogs.Add(new SessionLog
        {
            PatientId = plan.PatientId!.Value, PlanId = plan.Id, PlanExerciseId = plan.Exercises[0].Id, ExerciseId = plan.Exercises[0].ExerciseId,
            Day = day, Outcome = SessionOutcome.Done, Pain = 4, Note = note, SubmissionId = Guid.NewGuid(), CreatedAt = PortalTestData.At(day, hour: 10),
        });
        return db.SaveChangesAsync();
    });
}
